// Starts the production build of the portal on loopback, with a fresh SQLite file, for the whole run.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The portal did not answer ${url} in time`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = process.env.E2E_PORT ?? "3210";
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-e2e-"));
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_DATABASE = path.join(dataDir, "portal.db");
  const portal = spawn(process.execPath, ["build/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: port,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${process.env.E2E_DATABASE}`,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealth(`http://127.0.0.1:${port}/healthz`, Date.now() + 30_000);
  return async () => {
    portal.kill("SIGTERM");
  };
}
