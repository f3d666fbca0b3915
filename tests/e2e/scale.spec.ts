// Scale-out on PostgreSQL, for real: two portal instances and two delivery workers share one database. 500
// complaints arrive concurrently over HTTP through both instances while the SMTP server and the webhook
// receiver fail 30% of requests at random, and one worker is killed with SIGKILL halfway through delivery.
// Every complaint must be stored once, and every email and webhook delivered; only the killed worker's jobs
// may arrive twice.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { JourneyAnswers } from "../../app/journeys/session-data";
import { openDatabaseUrl, type Database } from "../../app/services/database.server";
import { newKeyEntry, parseKeyring, Sealer } from "../../app/services/encryption.server";
import { parentComplaint } from "../support/personas";
import { HttpJourney } from "../support/journey-over-http";
import { MailCatcher } from "../support/mail-catcher";
import { freePort } from "../support/postgres-cluster";
import { createPostgresDatabase, type TestDatabase } from "../support/test-databases";
import { WebhookReceiver } from "../support/webhook-receiver";
import { serverNodeFlags, workerNodeFlags } from "../support/portal-command";

const COMPLAINTS = 500;
const IN_FLIGHT = 50;
const FAILURE_RATE = 0.3;
// Faults are drawn from a seeded generator, so a failing run can be replayed: SCALE_SEED=<the seed it printed>.
const SEED = Number(process.env.SCALE_SEED ?? Date.now() % 2 ** 31);

/** mulberry32: a small, well-known seeded generator, uniform on [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const answersFor = (i: number): JourneyAnswers => parentComplaint(`scale${i}`).answers;

function waitForHealth(base: string): Promise<void> {
  return expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000, intervals: [200] }).toBe(200);
}

async function countJobs(db: Database): Promise<Record<string, number>> {
  const rows = await db.all<{ state: string; n: number }>("SELECT state, COUNT(*) AS n FROM delivery_jobs GROUP BY state");
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** How many times each key occurs. */
function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

test("two instances and two workers on one PostgreSQL lose nothing and send nothing twice", async () => {
  test.setTimeout(420_000);
  const processes: ChildProcess[] = [];
  const mail = new MailCatcher();
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const receiver = new WebhookReceiver(secret);
  let database: TestDatabase | null = null;
  let db: Database | null = null;
  try {
    const injected = { mail: 0, webhooks: 0 };
    const random = seeded(SEED);
    console.log(`  faults seeded with SCALE_SEED=${SEED}`);
    mail.behaviour = () => (random() < FAILURE_RATE ? (injected.mail++, 451) : "accept");
    receiver.behaviour = () => (random() < FAILURE_RATE ? (injected.webhooks++, 503) : 200);
    await mail.start();
    await receiver.start();
    database = await createPostgresDatabase();
    db = openDatabaseUrl(database.url, { poolSize: 2 });
    const dataDir = mkdtempSync(path.join(tmpdir(), "portal-scale-"));
    const dataKeys = newKeyEntry("scale1");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      DATA_KEYS: dataKeys,
      SMTP_URL: mail.url,
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: secret,
      WORKER_ENABLED: "false",
      RATE_LIMIT_POSTS: "100000",
      BOT_MIN_SECONDS: "0",
      LOG_LEVEL: "warn",
      // A dead worker's jobs come back after 20 seconds (the shortest lease allowed), and failures are retried
      // every second, so the test takes a minute or two rather than the days the real schedule allows.
      DELIVERY_LEASE_SECONDS: "20",
      DELIVERY_RETRY_DELAYS: Array.from({ length: 20 }, () => "1s").join(","),
    };
    const log = openSync(path.join(dataDir, "processes.log"), "a");
    const start = (script: string, extra: Record<string, string> = {}): ChildProcess => {
      const child = spawn(process.execPath, [...(script === "build/worker.js" ? workerNodeFlags : serverNodeFlags), script], { env: { ...env, ...extra }, stdio: ["ignore", log, log] });
      processes.push(child);
      return child;
    };
    const bases: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      start("build/server.js", { PORT: String(port) });
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(bases.map(waitForHealth));
    const workers = [start("build/worker.js"), start("build/worker.js")];

    // Half-way through delivery, one worker dies without a chance to release its leases.
    const expectedJobsAbout = COMPLAINTS * 3;
    let killedJobs = new Set<string>();
    const killer = (async () => {
      await expect.poll(async () => (await countJobs(db!)).done ?? 0, { timeout: 300_000, intervals: [100] }).toBeGreaterThanOrEqual(expectedJobsAbout / 2);
      // It is killed while it holds leases, mid-batch, so that some of its jobs may have been sent but not marked.
      const victim = workers[0]!;
      const leasedByVictim = async () => (await db!.all<{ id: string }>("SELECT id FROM delivery_jobs WHERE state = 'pending' AND lease_owner LIKE ?", [`%:${victim.pid}:%`])).length;
      // Frozen first, so the leases read are exactly the ones it dies holding. Between seeing leases and the freeze
      // taking hold it may finish its batch: then it is let go on and caught again, until it is frozen holding some.
      const deadline = Date.now() + 120_000;
      while (killedJobs.size === 0 && Date.now() < deadline) {
        await expect.poll(leasedByVictim, { timeout: 60_000, intervals: [5] }).toBeGreaterThan(0);
        victim.kill("SIGSTOP");
        const leased = await db!.all<{ id: string }>("SELECT id FROM delivery_jobs WHERE state = 'pending' AND lease_owner LIKE ?", [`%:${victim.pid}:%`]);
        killedJobs = new Set(leased.map((r) => r.id));
        if (killedJobs.size === 0) victim.kill("SIGCONT");
      }
      const exited = new Promise((resolve) => victim.once("exit", resolve));
      victim.kill("SIGKILL");
      await exited;
      expect(killedJobs.size, "the killed worker held leases").toBeGreaterThan(0);
    })();

    const started = Date.now();
    const references: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < COMPLAINTS) {
          const i = next++;
          references[i] = await new HttpJourney(i % 2 ? bases : [...bases].reverse()).send("complaint", answersFor(i));
        }
      }),
    );
    const sentMs = Date.now() - started;
    await killer;
    // Done when nothing is pending and nothing has become a dead letter.
    await expect.poll(async () => Object.keys(await countJobs(db!)), { timeout: 180_000, intervals: [500] }).toEqual(["done"]);
    const deliveredMs = Date.now() - started;

    // Every complaint stored exactly once, with its own answers.
    const sealer = new Sealer(parseKeyring(dataKeys));
    const stored = await db.all<{ reference: string; answers: string }>("SELECT reference, answers FROM submissions");
    expect(stored).toHaveLength(COMPLAINTS);
    expect(new Set(references).size).toBe(COMPLAINTS);
    expect(new Set(stored.map((s) => s.reference))).toEqual(new Set(references));
    const stories = stored.map((s) => (JSON.parse(sealer.open(s.answers)) as JourneyAnswers)["what-happened"]?.["what-happened"]);
    expect(new Set(stories).size).toBe(COMPLAINTS);

    // Every job delivered: each email by its Message-ID, each webhook by its webhook-id.
    const jobs = await db.all<{ id: string; kind: string }>("SELECT id, kind FROM delivery_jobs");
    const emails = tally(mail.messages.map((m) => m.messageId.replace(/^<|@complaints-portal>$/g, "")));
    const webhooks = tally(receiver.received.filter((r) => r.status === 200).map((r) => r.id));
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const missing = jobs.filter((job) => !(job.kind === "webhook" ? webhooks : emails).has(job.id));
    expect(missing, "jobs never delivered").toEqual([]);
    const twice = jobs.filter((job) => ((job.kind === "webhook" ? webhooks : emails).get(job.id) ?? 0) > 1);
    expect(twice.filter((job) => !killedJobs.has(job.id)), "delivered twice but not the killed worker's").toEqual([]);
    const count = (kind: string) => jobs.filter((j) => j.kind === kind).length;
    expect(count("staff-email")).toBeGreaterThanOrEqual(COMPLAINTS);
    expect(count("acknowledgement")).toBe(COMPLAINTS);
    expect(count("webhook")).toBe(COMPLAINTS);

    console.log(
      [
        `Scale test: ${COMPLAINTS} complaints over HTTP through 2 instances in ${(sentMs / 1000).toFixed(1)} s; all delivered after ${(deliveredMs / 1000).toFixed(1)} s.`,
        `  stored: ${stored.length} submissions, ${jobs.length} jobs (${count("staff-email")} staff emails, ${count("acknowledgement")} acknowledgements, ${count("webhook")} webhooks)`,
        `  failures injected: ${injected.mail} SMTP 451s, ${injected.webhooks} webhook 503s`,
        `  worker killed with SIGKILL holding ${killedJobs.size} leases; delivered twice: ${twice.length} (all of them the killed worker's)`,
        `  accepted: ${mail.messages.length} emails, ${[...webhooks.values()].reduce((a, b) => a + b, 0)} webhooks`,
      ].join("\n"),
    );
  } finally {
    for (const child of processes) child.kill("SIGKILL");
    await db?.close();
    await database?.drop();
    await mail.stop();
    await receiver.stop();
  }
});
