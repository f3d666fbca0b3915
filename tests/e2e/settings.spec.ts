// Settings the README promises, each tried on a portal of its own started from the production build.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { expect, test } from "./support/fixtures";
import { WebhookReceiver } from "../support/webhook-receiver";
import { startOwnPortal } from "./support/own-portal";
import { awayFromRateWindowEnd, rateWindowMinutes } from "./support/rate-window";
import { personas } from "../support/personas";
import { HttpJourney } from "../support/journey-over-http";
import { exampleCouncil } from "../../app/config/example-council";

test.describe.configure({ mode: "parallel" });

test("MIGRATE_ON_START=false: the portal waits, saying it is unavailable, until npm run migrate has run", async () => {
  const portal = await startOwnPortal({ MIGRATE_ON_START: "false" }, { healthy: false });
  try {
    // A page can be read (it needs nothing stored), but an answer cannot be kept: 503, saying so.
    const page = await fetch(`${portal.base}/complaint/service`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
    const answer = await fetch(`${portal.base}/complaint/service`, { method: "POST", redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf, service: "public-health" }) });
    expect(answer.status).toBe(503);
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
    const portal = await startOwnPortal({ TRUST_PROXY: String(trusted), RATE_LIMIT_POSTS: "2", RATE_LIMIT_WINDOW_MINUTES: String(rateWindowMinutes), WORKER_ENABLED: "false" });
    try {
      await awayFromRateWindowEnd(60_000);
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
      // Node's fetch takes gzip: the first is rendered, the second compressed whole behind Express, and the third put
      // together from the copy's pieces at the front door (server/front-door.ts).
      else expect(hits).toEqual([null, "hit", "front-door"]);
    } finally {
      await portal.stop();
    }
  });
}

test("RETENTION_DAYS: the privacy notice says how long the portal keeps a sent complaint, in every language", async () => {
  const portal = await startOwnPortal({ RETENTION_DAYS: "90" });
  try {
    const privacy = async (language: string) => (await (await fetch(`${portal.base}/privacy?lng=${language}`)).text()).replace(/\s+/g, " ");
    expect(await privacy("en")).toContain("This website deletes its copy 90 days later.");
    expect(await privacy("pl")).toContain("Ten serwis usuwa swoją kopię po 90 dniach.");
    expect(await privacy("ar")).toContain("بعد 90 يومًا.");
  } finally {
    await portal.stop();
  }
});

test("COUNCIL_CONFIG: the time limits the pages give are the council's timetable's, in each language's plural forms, and the page hydrates with them", async ({ page }) => {
  const council = {
    ...exampleCouncil,
    timetable: {
      ...exampleCouncil.timetable,
      childrensSocialCare: {
        stage1: { replyWithin: 12, extendableTo: 22 },
        stage2: { replyWithin: 25, extendableTo: 60, requestWithin: 20 },
        stage3: { panelWithin: 30, reportWithin: 2, responseWithin: 1, requestWithin: 20 },
      },
      otherFormatWithin: 14,
    },
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "council-")), "council.json");
  writeFileSync(file, JSON.stringify(council));
  const own = await startOwnPortal({ COUNCIL_CONFIG: file });
  try {
    const words = async (address: string) => (await (await fetch(`${own.base}${address}`)).text()).replace(/\s+/g, " ").replace(/&#x27;/g, "'");
    const en = await words("/?lng=en");
    expect(en).toContain("within 12 working days. If there is a lot to look at, it can take up to 22 working days.");
    expect(en).toContain("no longer than 60 working days.");
    expect(en).toContain("Within 2 working days of the meeting");
    expect(en).toContain("within 1 working day of getting the panel's report");
    const pl = await words("/?lng=pl");
    expect(pl).toContain("w ciągu 12 dni roboczych. Jeśli jest dużo do sprawdzenia, może to potrwać do 22 dni roboczych.");
    expect(pl).toContain("w ciągu 1 dnia roboczego od otrzymania");
    const ar = await words("/?lng=ar");
    expect(ar).toContain("خلال 12 يوم عمل");
    expect(ar).toContain("خلال يومَي عمل من الاجتماع");
    expect(ar).toContain("خلال يوم عمل واحد من وصول");
    expect(await words("/accessibility-statement?lng=en")).toContain("reply to you within 14 working days.");
    // With JavaScript, the browser's words are the same: the page hydrates without a mismatch (the fixture fails
    // the test on any console error), and then shows the council's limits still.
    await page.goto(`${own.base}/?lng=pl`);
    await expect(page.getByText("Odpowie Ci na piśmie w ciągu 12 dni roboczych.", { exact: false })).toBeVisible();
    await page.getByRole("link", { name: "Deklaracja dostępności" }).click();
    await expect(page.getByText("w ciągu 14 dni roboczych", { exact: false })).toBeVisible();
  } finally {
    await own.stop();
  }
});

/** A raw connection from `localAddress`, resolved with how it ended: "closed" by the server, or still "open". */
function rawConnection(base: string, localAddress = "127.0.0.1") {
  const { hostname, port } = new URL(base);
  const socket = connect({ host: hostname, port: Number(port), localAddress });
  const ended = new Promise<"closed">((resolve) => socket.once("close", () => resolve("closed")));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("error", reject);
  });
  socket.on("error", () => {});
  // A connection turned away may fail before it is awaited: that is an ending, not an unhandled error.
  connected.catch(() => undefined);
  return { socket, ended, connected, answered: new Promise<string>((resolve) => socket.on("data", (chunk: Buffer) => resolve(chunk.toString("latin1")))) };
}

/** A plain request from another client address (127.0.0.2: loopback takes any 127/8 address). */
function statusFrom(base: string, path: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { localAddress, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

test("slow and piled-up connections are closed or turned away, and the portal keeps answering everyone else", async () => {
  const portal = await startOwnPortal({ HEADERS_TIMEOUT_SECONDS: "2", IDLE_TIMEOUT_SECONDS: "3", MIN_BODY_BYTES_PER_SECOND: "200", MAX_CONNECTIONS_PER_CLIENT: "6", RATE_LIMIT_POSTS: "1000" });
  const held: ReturnType<typeof rawConnection>[] = [];
  try {
    // Six connections from one client, each trickling its headers a byte at a time: the seventh is turned away at once.
    for (let i = 0; i < 6; i++) {
      const connection = rawConnection(portal.base);
      await connection.connected;
      held.push(connection);
    }
    const trickle = setInterval(() => {
      for (const { socket } of held) if (!socket.destroyed) socket.write("X");
    }, 300);
    try {
      for (const { socket } of held) socket.write("GET /complaint HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      const seventh = rawConnection(portal.base);
      expect(await seventh.ended).toBe("closed");
      // Someone else is answered all the while.
      expect(await statusFrom(portal.base, "/complaint", "127.0.0.2")).toBe(200);
      // Headers never finished within their time: every held connection is closed by the server (408 or a close).
      const endings = await Promise.all(held.map(({ ended }) => ended));
      expect(endings.every((ending) => ending === "closed")).toBe(true);
    } finally {
      clearInterval(trickle);
    }
    // Freed: the same client is answered again. The client sees each connection closed as soon as the server's
    // end reaches it, but the server counts it closed only when it has read the client's own end, which a busy
    // machine may do after accepting the next connection: so wait until the server lets this client in.
    await expect
      .poll(() => statusFrom(portal.base, "/complaint", "127.0.0.1").catch((error: NodeJS.ErrnoException) => error.code ?? "error"), { timeout: 15_000 })
      .toBe(200);

    // A body that stops coming is closed; one that comes slowly but steadily (like slow 3G, scaled down) is read.
    const stalled = rawConnection(portal.base);
    await stalled.connected;
    stalled.socket.write("POST /complaint/service HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nservice=");
    expect(await stalled.ended).toBe("closed");

    const trickled = rawConnection(portal.base);
    await trickled.connected;
    const body = `service=public-health&padding=${"x".repeat(1_970)}`;
    trickled.socket.write(`POST /complaint/service HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    // 2 KB at 400 bytes a second: twice the minimum, five seconds long, longer than the idle limit.
    for (let offset = 0; offset < body.length; offset += 40) {
      trickled.socket.write(body.slice(offset, offset + 40));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await trickled.answered).toMatch(/^HTTP\/1\.1 (303|200)/);
  } finally {
    for (const { socket } of held) socket.destroy();
    await portal.stop();
  }
});
