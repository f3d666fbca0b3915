// The council's case system and its staff, as the end-to-end tests play them: events signed with Standard
// Webhooks and posted over HTTP to the portal's /api/case-events, and `npm run case` (the built command) run
// against the test portal's own database.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { expect } from "@playwright/test";
import { sign } from "../../../app/delivery/webhook-signature.server";
import { e2eCaseEventsSecret, e2eWebhookSecret } from "./global-setup";
import { portalDatabaseUrl } from "./portal-database";

export interface PostedEvent {
  status: number;
  contentType: string;
  retryAfter: string | null;
  body: Record<string, unknown>;
}

export interface SigningOptions {
  id?: string;
  /** Seconds since the epoch the event claims to be sent at; now unless given. */
  at?: number;
  secret?: string;
  /** The exact bytes to send, when they are not the body's JSON. */
  raw?: string;
}

/** Posts one case event as the case system does: signed, timestamped, with its own webhook-id. */
export async function postCaseEvent(baseURL: string, body: unknown, { id = `msg_${randomUUID()}`, at = Math.floor(Date.now() / 1000), secret = e2eCaseEventsSecret, raw }: SigningOptions = {}): Promise<PostedEvent> {
  const text = raw ?? JSON.stringify(body);
  const response = await fetch(`${baseURL}/api/case-events`, {
    method: "POST",
    headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(at), "webhook-signature": sign(secret, id, at, text) },
    body: text,
  });
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, contentType, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> };
}

/** Expects a refusal as problem+json with this status. */
export function expectProblem(posted: PostedEvent, status: number): void {
  expect(posted.status, JSON.stringify(posted.body)).toBe(status);
  expect(posted.contentType).toContain("application/problem+json");
  expect(posted.body).toMatchObject({ status });
}

const run = promisify(execFile);

/**
 * `npm run case -- …` as staff type it, against the database of the portal this test's project runs on, with the
 * portal's own settings (so the events it records go on as case.updated webhooks like the case system's).
 */
export async function caseCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: process.env.E2E_DATA_DIR ?? "",
    DATABASE_URL: portalDatabaseUrl(),
    DATA_KEYS: process.env.E2E_DATA_KEYS ?? "",
    SMTP_URL: process.env.E2E_SMTP_URL ?? "",
    WEBHOOK_URL: process.env.E2E_WEBHOOK_URL ?? "",
    WEBHOOK_SECRET: e2eWebhookSecret,
    CASE_EVENTS_SECRET: e2eCaseEventsSecret,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ["build/case.js", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
