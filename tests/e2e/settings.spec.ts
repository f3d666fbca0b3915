// Settings the README promises, each tried on a portal of its own started from the production build.
import { spawn } from "node:child_process";
import { expect, test } from "./support/fixtures";
import { WebhookReceiver } from "../support/webhook-receiver";
import { startOwnPortal } from "./support/own-portal";
import { personas } from "../support/personas";
import { HttpJourney } from "../support/journey-over-http";

test.describe.configure({ mode: "parallel" });

test("MIGRATE_ON_START=false: the portal waits, saying it is unavailable, until npm run migrate has run", async () => {
  const portal = await startOwnPortal({ MIGRATE_ON_START: "false" }, { healthy: false });
  try {
    expect((await fetch(`${portal.base}/complaint/service`)).status).toBe(503);
    const migrate = spawn(process.execPath, ["build/migrate.js"], { env: portal.env, stdio: "ignore" });
    expect(await new Promise((resolve) => migrate.once("exit", resolve))).toBe(0);
    await expect.poll(async () => (await fetch(`${portal.base}/healthz`)).status, { timeout: 30_000 }).toBe(200);
    expect((await fetch(`${portal.base}/complaint/service`)).status).toBe(200);
  } finally {
    await portal.stop();
  }
});

for (const trusted of [true, false]) {
  test(`TRUST_PROXY=${trusted}: the rate limit counts ${trusted ? "the address the proxy names" : "the connecting address, whatever a header claims"}`, async () => {
    const portal = await startOwnPortal({ TRUST_PROXY: String(trusted), RATE_LIMIT_POSTS: "2", RATE_LIMIT_WINDOW_MINUTES: "10", WORKER_ENABLED: "false" });
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
      await portal.stop();
    }
  });
}

test("WEBHOOK_ENDPOINTS: every endpoint gets each submission, signed with its own secret", async () => {
  const secrets = [`whsec_${Buffer.alloc(32, 21).toString("base64")}`, `whsec_${Buffer.alloc(32, 22).toString("base64")}`];
  const receivers = secrets.map((secret) => new WebhookReceiver(secret));
  for (const receiver of receivers) await receiver.start();
  const endpoints = receivers.map((receiver, i) => ({ name: `system-${i + 1}`, url: receiver.url, secrets: [secrets[i]] }));
  const portal = await startOwnPortal({ WEBHOOK_ENDPOINTS: JSON.stringify(endpoints), RATE_LIMIT_POSTS: "1000", BOT_MIN_SECONDS: "0" });
  try {
    const reference = await new HttpJourney([portal.base]).send("compliment", personas().thanks.answers);
    for (const receiver of receivers) {
      await expect.poll(() => receiver.accepted().length, { timeout: 30_000 }).toBe(1);
      expect(receiver.received.every((hook) => hook.verified)).toBe(true);
      expect(receiver.accepted()[0]!.body).toContain(reference);
    }
  } finally {
    await portal.stop();
    for (const receiver of receivers) await receiver.stop();
  }
});

for (const megabytes of ["32", "0"]) {
  test(`PAGE_CACHE_MB=${megabytes}: ${megabytes === "0" ? "no page is ever served from memory" : "a page read again is served from memory"}`, async () => {
    const portal = await startOwnPortal({ PAGE_CACHE_MB: megabytes });
    try {
      const hits: (string | null)[] = [];
      for (let i = 0; i < 3; i++) hits.push((await fetch(`${portal.base}/`)).headers.get("x-page-cache"));
      if (megabytes === "0") expect(hits).toEqual([null, null, null]);
      else expect(hits.slice(1)).toContain("hit");
    } finally {
      await portal.stop();
    }
  });
}
