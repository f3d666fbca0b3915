// Guessing at "Check your complaint" (issue 14): 1,000 wrong references and 1,000 wrong codes, from many clients and
// from one, against a portal of its own behind a proxy (TRUST_PROXY, so each client is told apart by
// X-Forwarded-For, as in production behind the council's load balancer). Nothing is found out: a reference that
// exists and one that does not get the same answers, no guess opens a case, the per-client limit holds, and
// nothing answers 5xx. Timing is not asserted.
import { spawn, type ChildProcess } from "node:child_process";
import { journeyById } from "../../app/journeys/journeys";
import { CROCKFORD_ALPHABET, formatReference } from "../../app/reference";
import { answerJourney } from "../support/answer-journey";
import { HttpJourney } from "../support/journey-over-http";
import { freePort } from "../support/postgres-cluster";
import { earlierComplaintReference, londonToday, personas } from "../support/personas";
import { e2eCaseEventsSecret } from "./support/global-setup";
import { expect, test } from "./support/fixtures";
import { serverNodeFlags } from "../support/portal-command";

/** The portal's address, on a port the operating system gives it. */
let base = "";
const statuses: number[] = [];

/** One visitor: its own session cookie and client address, as a browser without JavaScript. */
class Visitor {
  private cookie = "";
  private csrf = "";
  constructor(private readonly address: string) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${base}${path}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: this.cookie, "x-forwarded-for": this.address } });
    statuses.push(response.status);
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return response;
  }

  async page(path: string): Promise<string> {
    const response = await this.request(path);
    const html = await response.text();
    this.csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return html;
  }

  /** Posts a form; returns where the portal sends the visitor next. */
  async post(path: string, fields: Record<string, string>): Promise<string> {
    if (!this.csrf) await this.page(path);
    const response = await this.request(path, { method: "POST", body: new URLSearchParams({ csrf: this.csrf, ...fields }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    await response.arrayBuffer();
    return `${response.status} ${response.headers.get("location") ?? ""}`;
  }
}

/** A well-formed complaint reference, with a right check symbol, that is almost certainly no case's. */
function madeUpReference(n: number): string {
  const body = Array.from({ length: 8 }, (_, i) => CROCKFORD_ALPHABET[Math.floor(n / 32 ** i) % 32 ^ (i * 7) % 32]).join("");
  return formatReference("C", body);
}

/** What a page says, without what differs on every request (tokens, nonces). */
function words(html: string): string {
  return html
    .replace(/name="csrf" value="[^"]+"/g, "")
    .replace(/\\"csrf\\",\\"[A-Za-z0-9_-]+\\"/g, "")
    .replace(/nonce="[^"]+"/g, "")
    .replace(/C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/g, "REFERENCE");
}

let portal: ChildProcess;

test.beforeAll(async () => {
  const dir = process.env.E2E_DATA_DIR!;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  portal = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      DATABASE_URL: `file:${dir}/guessing.db`,
      DATA_KEYS: process.env.E2E_DATA_KEYS,
      SMTP_URL: process.env.E2E_SMTP_URL,
      CASE_EVENTS_SECRET: e2eCaseEventsSecret,
      TRUST_PROXY: "true",
      // The journeys' own post limit is not what is tested here; the progress pages have their own.
      RATE_LIMIT_POSTS: "100000",
    },
    stdio: "ignore",
  });
  await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 }).toBe(200);
});

test.afterAll(() => {
  portal.kill("SIGTERM");
});

test("1,000 wrong references and codes from many clients and one: nothing found out, limits hold, no 5xx", async () => {
  test.setTimeout(240_000);
  const person = personas({ tag: `guess${Date.now().toString(36)}` }).parent;
  const { answers } = answerJourney(journeyById("complaint")!, person, londonToday());
  // The portal quietly drops a send faster than a person could manage; take 2 s.
  const real = await new HttpJourney([base]).send("complaint", answers, { minimumMs: 2_000 });
  const missing = earlierComplaintReference;

  // A reference that exists and one that does not: the same answer, the same next page.
  const askedReal = new Visitor("10.9.0.1");
  const askedMissing = new Visitor("10.9.0.2");
  expect(await askedReal.post("/progress", { reference: real })).toBe(await askedMissing.post("/progress", { reference: missing }));
  expect(words(await askedReal.page("/progress/code"))).toBe(words(await askedMissing.page("/progress/code")));
  // Wrong codes: the same answers try by try, until the code stops working for both.
  let afterTry = "";
  for (let i = 0; i < 6; i++) {
    const [a, b] = [await askedReal.post("/progress/code", { code: "000000" }), await askedMissing.post("/progress/code", { code: "000000" })];
    expect(a).toBe(b);
    afterTry = await askedReal.page("/progress/code");
    expect(words(afterTry)).toBe(words(await askedMissing.page("/progress/code")));
    expect(afterTry).toContain(i < 4 ? "The code is not right" : "This code has stopped working");
  }

  // 1,000 wrong references from 40 clients, 25 each (under the limit of 30 posts in 15 minutes): every one answered
  // alike, with the code page.
  const referenceAnswers = new Set<string>();
  await Promise.all(
    Array.from({ length: 40 }, async (_, client) => {
      const visitor = new Visitor(`10.1.${client}.1`);
      for (let i = 0; i < 25; i++) referenceAnswers.add(await visitor.post("/progress", { reference: madeUpReference(client * 25 + i) }));
    }),
  );
  expect([...referenceAnswers]).toEqual(["303 /progress/code"]);

  // 1,000 wrong codes for the real reference from 50 clients: 4 sessions each, a reference and 5 codes per session
  // (24 posts). No guess opens the case.
  const codeAnswers = new Set<string>();
  await Promise.all(
    Array.from({ length: 50 }, async (_, client) => {
      for (let session = 0; session < 4; session++) {
        const visitor = new Visitor(`10.2.${client}.1`);
        await visitor.post("/progress", { reference: real });
        for (let i = 0; i < 5; i++) codeAnswers.add(await visitor.post("/progress/code", { code: String(100000 + client * 1000 + session * 10 + i) }));
      }
    }),
  );
  expect([...codeAnswers]).toEqual(["303 /progress/code"]);

  // One client, over the limit: refused with a page that says when to try again.
  const greedy = new Visitor("10.3.0.1");
  const greedyAnswers: string[] = [];
  for (let i = 0; i < 40; i++) greedyAnswers.push(await greedy.post("/progress", { reference: missing }));
  expect(greedyAnswers.slice(0, 30).every((answer) => answer === "303 /progress/code")).toBe(true);
  expect(greedyAnswers.slice(30).every((answer) => /^303 \/refused\?reason=rate&retry=\d+/.test(answer))).toBe(true);
  const refused = await fetch(`${base}${greedyAnswers[39]!.slice(4)}`, { headers: { "x-forwarded-for": "10.3.0.1" } });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  // In the words of what was tried here: references and codes, not answers.
  const refusedPage = await refused.text();
  expect(refusedPage).toContain("You have tried a lot of times in a short time");
  expect(refusedPage).toContain("we have paused tries from your connection");
  expect(refusedPage).not.toContain("Answers you saved before are still there");
  // And how to find out now without trying again: by phone.
  expect(refusedPage).toMatch(/If you need to know now where your complaint is, call us on 01632\s960000/);
  // Another client is not held back by it.
  expect(await new Visitor("10.3.0.2").post("/progress", { reference: missing })).toBe("303 /progress/code");

  expect(statuses.filter((status) => status >= 500)).toEqual([]);
});

test("what was typed comes back whole with the error, however long", async () => {
  const visitor = new Visitor("10.9.9.1");
  const longReference = "C-7K4M-2Q9P-W ".repeat(300).trim();
  expect(await visitor.post("/progress", { reference: longReference })).toBe("303 /progress");
  expect(await visitor.page("/progress")).toContain(`value="${longReference}"`);
  expect(await visitor.post("/progress", { reference: earlierComplaintReference })).toBe("303 /progress/code");
  const longCode = "123456".repeat(500);
  expect(await visitor.post("/progress/code", { code: longCode })).toBe("303 /progress/code");
  expect(await visitor.page("/progress/code")).toContain(`value="${longCode}"`);
});
