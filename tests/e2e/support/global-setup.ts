// Starts, for the whole run: a real SMTP server and webhook receiver on 127.0.0.1, and two portals from the
// production build, sending their email and webhooks to them: one on a fresh SQLite file, one on a fresh
// PostgreSQL database in the throwaway cluster `npm test` starts. Tests read what arrived through a small
// inspection server, since they run in other processes.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startClamd } from "../../support/clamd";
import { MailCatcher } from "../../support/mail-catcher";
import { createPostgresDatabase } from "../../support/test-databases";
import { WebhookReceiver } from "../../support/webhook-receiver";
import { serverNodeFlags } from "../../support/portal-command";

export const e2eWebhookSecret = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
/** The secret the test case system signs its events to POST /api/case-events with. */
export const e2eCaseEventsSecret = `whsec_${Buffer.alloc(32, 11).toString("base64")}`;
/** The data key the test portal seals answers with; tests open stored answers with it too. */
const e2eDataKeys = `e2e1:${Buffer.alloc(32, 5).toString("base64")}`;

/** Waits for the portal this run started: fails at once if that process exits (its port taken, a bad setting). */
async function waitForHealth(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The portal for ${url} exited (${child.exitCode ?? child.signalCode}); see its log`);
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

function e2ePorts(): { sqlite: number; postgres: number } {
  const [sqlite, postgres] = (process.env.E2E_PORTS ?? "").split(",").map(Number);
  if (!sqlite || !postgres) throw new Error("E2E_PORTS is not set: playwright.config.ts sets it");
  return { sqlite, postgres };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-e2e-"));
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_DATABASE_URL_SQLITE = `file:${path.join(dataDir, "portal.db")}`;
  const postgres = await createPostgresDatabase();
  process.env.E2E_DATABASE_URL_POSTGRES = postgres.url;
  process.env.E2E_DATA_KEYS = e2eDataKeys;
  process.env.E2E_LOG_FILE = path.join(dataDir, "portal.log");

  const mail = new MailCatcher();
  await mail.start();
  const receiver = new WebhookReceiver(e2eWebhookSecret);
  await receiver.start();
  // A real clamd with the EICAR test signature: every file either portal takes is really scanned.
  const clamd = await startClamd();
  process.env.E2E_CLAMAV_URL = clamd.url;
  const inspector = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ mail: mail.messages.map(({ raw: _raw, headers: _headers, ...m }) => m), webhooks: receiver.received }));
  });
  await new Promise<void>((resolve) => inspector.listen(0, "127.0.0.1", resolve));
  // Tests that run their own worker or command against a portal's database send mail to the same catcher.
  process.env.E2E_SMTP_URL = mail.url;
  process.env.E2E_WEBHOOK_URL = receiver.url;
  process.env.E2E_INSPECT_URL = `http://127.0.0.1:${(inspector.address() as AddressInfo).port}/`;

  const startPortal = (port: number, databaseUrl: string, logFile: string) =>
    spawn(process.execPath, [...serverNodeFlags, "build/server.js"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        SMTP_URL: mail.url,
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: e2eWebhookSecret,
        CLAMAV_URL: clamd.url,
        CASE_EVENTS_SECRET: e2eCaseEventsSecret,
        // Every test posts from 127.0.0.1; the rate limit has its own test with its own server.
        RATE_LIMIT_POSTS: "100000",
        DATA_KEYS: e2eDataKeys,
      },
      // Everything the portal logs is kept, so a test can prove no personal data is in it.
      stdio: ["ignore", openSync(logFile, "a"), openSync(logFile, "a")],
    });
  const ports = e2ePorts();
  const portals = [
    { port: ports.sqlite, child: startPortal(ports.sqlite, process.env.E2E_DATABASE_URL_SQLITE, process.env.E2E_LOG_FILE) },
    { port: ports.postgres, child: startPortal(ports.postgres, postgres.url, path.join(dataDir, "portal-postgres.log")) },
  ];
  const deadline = Date.now() + 30_000;
  await Promise.all(portals.map(({ port, child }) => waitForHealth(`http://127.0.0.1:${port}/healthz`, child, deadline)));
  // Answering and still running: only the process that holds the port can answer on it, so it is ours.
  for (const { port, child } of portals) if (child.exitCode !== null) throw new Error(`The portal on ${port} exited after answering`);
  return async () => {
    for (const { child } of portals) child.kill("SIGTERM");
    inspector.close();
    await mail.stop();
    await receiver.stop();
    await clamd.close();
    await postgres.drop();
  };
}
