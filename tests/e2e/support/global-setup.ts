// Starts, for the whole run: a real SMTP server and webhook receiver on 127.0.0.1, and two portals from the
// production build, sending their email and webhooks to them: one on a fresh SQLite file, one on a fresh
// PostgreSQL database in the throwaway cluster `npm test` starts. Tests read what arrived through a small
// inspection server, since they run in other processes.
import { spawn } from "node:child_process";
import { mkdtempSync, openSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { MailCatcher } from "../../support/mail-catcher";
import { createPostgresDatabase } from "../../support/test-databases";
import { WebhookReceiver } from "../../support/webhook-receiver";

export const e2eWebhookSecret = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
/** The secret the test case system signs its events to POST /api/case-events with. */
export const e2eCaseEventsSecret = `whsec_${Buffer.alloc(32, 11).toString("base64")}`;
/** The data key the test portal seals answers with; tests open stored answers with it too. */
const e2eDataKeys = `e2e1:${Buffer.alloc(32, 5).toString("base64")}`;

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

export const e2ePorts = { sqlite: Number(process.env.E2E_PORT ?? "3210"), postgres: Number(process.env.E2E_PORT ?? "3210") + 1 };

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
    spawn(process.execPath, ["build/server.js"], {
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
        CASE_EVENTS_SECRET: e2eCaseEventsSecret,
        // Every test posts from 127.0.0.1; the rate limit has its own test with its own server.
        RATE_LIMIT_POSTS: "100000",
        DATA_KEYS: e2eDataKeys,
      },
      // Everything the portal logs is kept, so a test can prove no personal data is in it.
      stdio: ["ignore", openSync(logFile, "a"), openSync(logFile, "a")],
    });
  const portals = [
    startPortal(e2ePorts.sqlite, process.env.E2E_DATABASE_URL_SQLITE, process.env.E2E_LOG_FILE),
    startPortal(e2ePorts.postgres, postgres.url, path.join(dataDir, "portal-postgres.log")),
  ];
  const deadline = Date.now() + 30_000;
  await Promise.all(Object.values(e2ePorts).map((port) => waitForHealth(`http://127.0.0.1:${port}/healthz`, deadline)));
  return async () => {
    for (const portal of portals) portal.kill("SIGTERM");
    inspector.close();
    await mail.stop();
    await receiver.stop();
    await postgres.drop();
  };
}
