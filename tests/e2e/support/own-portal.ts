// A portal of a test's own, from the production build, on a port and a database nobody else uses: for a setting
// tried on one server, or for a test that runs workers on a clock it moves, which must never claim another
// test's deliveries in the shared portals' databases.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { freePort } from "../../support/postgres-cluster";
import { createPostgresDatabase, type Engine } from "../../support/test-databases";
import { serverNodeFlags } from "../../support/portal-command";

export interface OwnPortal {
  base: string;
  child: ChildProcess;
  dir: string;
  databaseUrl: string;
  /** The environment it was started with: a command or worker run beside it uses the same. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts a portal on SQLite in a directory of its own (or a fresh PostgreSQL database) with `settings` over
 * production defaults, and waits until /healthz answers 200 (or 503 when `healthy` is false). Its output is
 * shown when OWN_PORTAL_DEBUG is set.
 */
export async function startOwnPortal(settings: Record<string, string | undefined>, { healthy = true, engine = "sqlite" }: { healthy?: boolean; engine?: Engine } = {}): Promise<OwnPortal> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "own-portal-"));
  const database = engine === "postgres" ? await createPostgresDatabase() : { url: `file:${path.join(dir, "portal.db")}`, drop: async () => undefined };
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATA_DIR: dir, DATABASE_URL: database.url, ...settings };
  const child = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: process.env.OWN_PORTAL_DEBUG ? "inherit" : "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    await database.drop();
  };
  const status = async () => {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    return (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0;
  };
  try {
    await expect.poll(status, { timeout: 30_000 }).toBe(healthy ? 200 : 503);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, child, dir, databaseUrl: database.url, env, stop };
}
