// Settings the README promises, each tried on a portal of its own started from the production build.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { WebhookReceiver } from "../support/webhook-receiver";
import { freePort } from "../support/postgres-cluster";
import { personas } from "../support/personas";
import { HttpJourney } from "../support/journey-over-http";

interface Portal {
  base: string;
  child: ChildProcess;
  dir: string;
}

async function startPortal(settings: Record<string, string>, { healthy = true }: { healthy?: boolean } = {}): Promise<Portal> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "portal-settings-"));
  const child = spawn(process.execPath, ["build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, "portal.db")}`, ...settings },
    stdio: process.env.SETTINGS_DEBUG ? "inherit" : "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  const status = async () => {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    return (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0;
  };
  await expect.poll(status, { timeout: 30_000 }).toBe(healthy ? 200 : 503);
  return { base, child, dir };
}

test.describe.configure({ mode: "parallel" });

test("MIGRATE_ON_START=false: the portal waits, saying it is unavailable, until npm run migrate has run", async () => {
  const portal = await startPortal({ MIGRATE_ON_START: "false" }, { healthy: false });
  try {
    expect((await fetch(`${portal.base}/complaint/service`)).status).toBe(503);
    const migrate = spawn(process.execPath, ["build/migrate.js"], { env: { ...process.env, DATA_DIR: portal.dir, DATABASE_URL: `file:${path.join(portal.dir, "portal.db")}` }, stdio: "ignore" });
    expect(await new Promise((resolve) => migrate.once("exit", resolve))).toBe(0);
    await expect.poll(async () => (await fetch(`${portal.base}/healthz`)).status, { timeout: 30_000 }).toBe(200);
    expect((await fetch(`${portal.base}/complaint/service`)).status).toBe(200);
  } finally {
    portal.child.kill("SIGTERM");
  }
});

for (const trusted of [true, false]) {
  test(`TRUST_PROXY=${trusted}: the rate limit counts ${trusted ? "the address the proxy names" : "the connecting address, whatever a header claims"}`, async () => {
    const portal = await startPortal({ TRUST_PROXY: String(trusted), RATE_LIMIT_POSTS: "2", RATE_LIMIT_WINDOW_MINUTES: "10", WORKER_ENABLED: "false" });
    try {
      const post = (address: string) =>
        fetch(`${portal.base}/complaint/service`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address }, body: "service=public-health" }).then(
          (response) => response.headers.get("location") ?? "",
        );
      const first = [await post("203.0.113.7"), await post("203.0.113.7"), await post("203.0.113.7")];
      expect(first[2]).toContain("reason=rate");
      // Another client behind the same proxy: its own count only when the proxy is trusted to name it.
      const other = await post("198.51.100.9");
      if (trusted) expect(other).not.toContain("reason=rate");
      else expect(other).toContain("reason=rate");
    } finally {
      portal.child.kill("SIGTERM");
    }
  });
}

test("WEBHOOK_ENDPOINTS: every endpoint gets each submission, signed with its own secret", async () => {
  const secrets = [`whsec_${Buffer.alloc(32, 21).toString("base64")}`, `whsec_${Buffer.alloc(32, 22).toString("base64")}`];
  const receivers = secrets.map((secret) => new WebhookReceiver(secret));
  for (const receiver of receivers) await receiver.start();
  const endpoints = receivers.map((receiver, i) => ({ name: `system-${i + 1}`, url: receiver.url, secrets: [secrets[i]] }));
  const portal = await startPortal({ WEBHOOK_ENDPOINTS: JSON.stringify(endpoints), RATE_LIMIT_POSTS: "1000", BOT_MIN_SECONDS: "0" });
  try {
    const reference = await new HttpJourney([portal.base]).send("compliment", personas().thanks.answers);
    for (const receiver of receivers) {
      await expect.poll(() => receiver.accepted().length, { timeout: 30_000 }).toBe(1);
      expect(receiver.received.every((hook) => hook.verified)).toBe(true);
      expect(receiver.accepted()[0]!.body).toContain(reference);
    }
  } finally {
    portal.child.kill("SIGTERM");
    for (const receiver of receivers) await receiver.stop();
  }
});
