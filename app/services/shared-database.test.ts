// Several instances on one database, each with its own connections, as behind a load balancer: migrations,
// claims, the daily purge, rate limits and idempotent storing must hold across them, on both engines.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "~/config/config.server";
import { complaintJourney } from "~/journeys/complaint-journey";
import { escalateJourney } from "~/journeys/escalate-journey";
import { walkJourney } from "~/journeys/journey-engine";
import type { JourneyRequest } from "~/journeys/journey-requests.server";
import type { Journey } from "~/journeys/journey-types";
import { sendJourney, storeJourneySubmission } from "~/journeys/submit-journey.server";
import { answerJourney } from "../../tests/support/answer-journey";
import { londonToday, personas } from "../../tests/support/personas";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { openDatabaseUrl, type Database } from "./database.server";
import { checkSchema, latestVersion, migrate, SchemaBehindError } from "./migrations.server";
import { RateLimiter } from "./rate-limit.server";
import { createServices, type Services } from "./services.server";

const answers = {
  service: { service: "childrens-social-care" },
  "what-happened": { "what-happened": "Nobody came." },
  contact: { method: "none" },
};

describe.each(engines)("instances sharing one %s database", (engine) => {
  let database: TestDatabase;
  let dir: string;
  const opened: Database[] = [];
  const instances: Services[] = [];

  const open = () => {
    const db = openDatabaseUrl(database.url);
    opened.push(db);
    return db;
  };
  const instance = async () => {
    const services = await createServices(loadConfig({ DATA_DIR: dir, DATABASE_URL: database.url }, () => {}));
    instances.push(services);
    return services;
  };
  const submit = (services: Services, runId = randomUUID()) =>
    storeJourneySubmission(services, { journey: complaintJourney, answers, language: "en", runId, today: "2026-11-26" });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "shared-"));
    database = await createTestDatabase(engine, dir);
  });

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    for (const services of instances.splice(0)) await services.db.close();
    await database.drop();
  });

  it("applies each migration once when several instances start together, and refuses code newer than the schema", async () => {
    const [a, b, c] = [open(), open(), open()];
    await expect(checkSchema(a)).rejects.toBeInstanceOf(SchemaBehindError);
    const results = await Promise.all([migrate(a), migrate(b), migrate(c)]);
    expect(results.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: latestVersion }, (_, i) => i + 1));
    const rows = await a.all<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((r) => Number(r.version))).toEqual(Array.from({ length: latestVersion }, (_, i) => i + 1));
    expect(await checkSchema(b)).toBe(latestVersion);
  });

  it("never gives one job to two workers claiming at the same time, and recovers a dead worker's lease", async () => {
    const [one, two] = [await instance(), await instance()];
    for (let i = 0; i < 40; i++) await submit(i % 2 ? one : two);
    const total = Number((await one.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM delivery_jobs"))!.n);
    const now = Date.now() + 1_000;
    const claimedBy = new Map<string, string>();
    const claimers = [[one, "worker-1"], [two, "worker-2"], [one, "worker-3"], [two, "worker-4"]] as const;
    // Each round, every worker claims at the same moment, on its own connection.
    for (;;) {
      const round = await Promise.all(claimers.map(([services, owner]) => services.outbox.claim(owner, now, 60_000, 3)));
      round.forEach((jobs, i) => {
        expect(jobs.length).toBeLessThanOrEqual(3);
        for (const job of jobs) {
          expect(claimedBy.get(job.id), `job ${job.id} claimed twice`).toBeUndefined();
          claimedBy.set(job.id, claimers[i]![1]);
        }
      });
      if (round.every((jobs) => jobs.length === 0)) break;
    }
    expect(claimedBy.size).toBe(total);
    expect(new Set(claimedBy.values())).toEqual(new Set(claimers.map(([, owner]) => owner)));
    // Nobody marks them done, as if every worker died: once the leases run out, another worker gets them all.
    expect(await two.outbox.claim("worker-5", now + 30_000, 60_000, 1_000)).toHaveLength(0);
    expect(await two.outbox.claim("worker-5", now + 61_000, 60_000, 1_000)).toHaveLength(total);
  });

  it("runs the daily purge once across instances", async () => {
    const [one, two] = [await instance(), await instance()];
    const stored = await submit(one);
    await one.db.run("UPDATE delivery_jobs SET state = 'done', done_at = ? WHERE submission_id = ?", [Date.now() - 40 * 86_400_000, stored.id]);
    const now = Date.now();
    const purged = await Promise.all([one.retention.purgeIfDue(now, 30), two.retention.purgeIfDue(now, 30), one.retention.purgeIfDue(now, 30)]);
    expect(purged.reduce((a, b) => a + b, 0)).toBe(1);
    expect(Number((await two.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM submissions"))!.n)).toBe(0);
    // Later the same day, another instance finds the day's purge already done.
    const later = await submit(two);
    await two.db.run("UPDATE delivery_jobs SET state = 'done', done_at = ? WHERE submission_id = ?", [Date.now() - 40 * 86_400_000, later.id]);
    expect(await two.retention.purgeIfDue(now + 3_600_000, 30)).toBe(0);
    expect(await one.retention.purgeIfDue(now + 86_400_000, 30)).toBe(1);
  });

  it("adds up posts for the rate limit across instances once each has shared its counts", async () => {
    const [a, b] = [open(), open()];
    await migrate(a);
    const clock = () => 1_000_000;
    const [one, two] = [new RateLimiter(a, 5, 60_000, { now: clock, shareEveryMs: 60_000 }), new RateLimiter(b, 5, 60_000, { now: clock, shareEveryMs: 60_000 })];
    const address = "203.0.113.9";
    expect([one.hit(address), one.hit(address), one.hit(address)]).toEqual([null, null, null]);
    await one.share();
    // From its first share on, the other instance counts from the total: 4, then 5, then over the limit.
    expect(two.hit(address)).toBeNull();
    await two.share();
    expect(two.hit(address)).toBeNull();
    expect(two.hit(address)).toBe(20);
    // One that has not shared since counts from the total it last knew (3), until its next share (1 s at most).
    expect(one.hit(address)).toBeNull();
    await one.share();
    expect(one.hit(address)).toBe(20);
    await Promise.all([one.share(), two.share()]);
    const row = await a.get<{ count: number }>("SELECT count FROM rate_limits WHERE key = ?", [`post:${address}`]);
    expect(Number(row!.count)).toBe(8);
  });

  it("stores one submission when the same send reaches two instances at once", async () => {
    const [one, two] = [await instance(), await instance()];
    const runId = randomUUID();
    const [first, second] = await Promise.all([submit(one, runId), submit(two, runId)]);
    expect(first.reference).toBe(second.reference);
    expect(Number((await one.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM submissions"))!.n)).toBe(1);
    expect(Number((await one.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM delivery_jobs"))!.n)).toBeGreaterThan(0);
  });

  describe("one session's sends from two tabs at once, each reaching another instance", () => {
    const today = londonToday();
    const cast = personas({ today });
    const request = (url: string, cookie?: string) => new Request(url, { headers: cookie ? { Cookie: cookie.split(";")[0]! } : {} });

    /** A session with a complaint and a stage-2 request answered in full, each with a file of its own. */
    const sessionWithTwoRuns = async (services: Services) => {
      const session = await services.sessions.load(request("http://localhost/"));
      for (const [journey, persona] of [[complaintJourney, cast.parent], [escalateJourney, cast.escalateWithReference]] as const) {
        session.data.journeys[journey.id] = { runId: randomUUID(), answers: answerJourney(journey, persona, today).answers };
      }
      const cookie = (await services.sessions.save(session))!;
      for (const journey of [complaintJourney, escalateJourney]) {
        const file = Buffer.from(`%PDF-1.4 evidence for ${journey.id}`);
        const pending = await services.evidence.begin({ sessionId: session.id!, journey: journey.id, runId: session.data.journeys[journey.id]!.runId }, `${journey.id}.pdf`);
        await pending.write(file);
        expect(await pending.commit({ type: "pdf", sha256: createHash("sha256").update(file).digest("hex"), scan: "clean" })).toMatchObject({ ok: true });
      }
      return cookie;
    };
    /** What one tab's post to check your answers has read: the session as it was when the post arrived. */
    const tab = async (services: Services, cookie: string, journey: Journey): Promise<JourneyRequest> => {
      const session = await services.sessions.load(request("http://localhost/", cookie));
      const state = session.data.journeys[journey.id]!;
      return { journey, session, state, position: walkJourney(journey, state.answers, { today }), today };
    };
    const sentFiles = async (services: Services, runId: string) => {
      const submission = await services.submissions.byIdempotencyKey(runId);
      return (await services.evidence.listForSubmission(submission!.id)).map((file) => file.name);
    };

    /** Counts the runs of each transaction's work: one each when the sends queue, more when one was rolled back. */
    const countAttempts = (services: Services) => {
      const counted = { attempts: 0 };
      const transaction = services.db.transaction.bind(services.db);
      services.db.transaction = (work) => transaction((tx) => (counted.attempts++, work(tx)));
      return counted;
    };

    it("sends of two journeys both keep their files, and leave one session holding both confirmations", async () => {
      const [one, two] = [await instance(), await instance()];
      const cookie = await sessionWithTwoRuns(one);
      const [complaintTab, escalateTab] = [await tab(one, cookie, complaintJourney), await tab(two, cookie, escalateJourney)];
      const [countedOne, countedTwo] = [countAttempts(one), countAttempts(two)];
      const [complaint, stage2] = await Promise.all([
        sendJourney({ services: one, language: "en" }, complaintTab),
        sendJourney({ services: two, language: "en" }, escalateTab),
      ]);
      // Queued on the session's row, not deadlocked and run again (decision 039's retry is not what saves them).
      expect([countedOne.attempts, countedTwo.attempts]).toEqual([1, 1]);
      expect(await sentFiles(one, complaintTab.state.runId)).toEqual(["complaint.pdf"]);
      expect(await sentFiles(two, escalateTab.state.runId)).toEqual(["escalate.pdf"]);
      // Whichever cookie the browser keeps, both tabs' confirmations are in it.
      expect(complaint.cookie.split(";")[0]).toBe(stage2.cookie.split(";")[0]);
      const after = await one.sessions.load(request("http://localhost/", complaint.cookie));
      expect(after.data.journeys.complaint?.submitted?.reference).toBe(complaint.submitted.reference);
      expect(after.data.journeys.escalate?.submitted?.reference).toBe(stage2.submitted.reference);
      expect(Number((await one.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM sessions"))!.n), "the old id's pointer and one session").toBe(2);
    });

    it("a send of the same run from both tabs stores it once, and both tabs get its confirmation", async () => {
      const [one, two] = [await instance(), await instance()];
      const cookie = await sessionWithTwoRuns(one);
      const [oneTab, otherTab] = [await tab(one, cookie, complaintJourney), await tab(two, cookie, complaintJourney)];
      const [first, second] = await Promise.all([sendJourney({ services: one, language: "en" }, oneTab), sendJourney({ services: two, language: "en" }, otherTab)]);
      expect(first.submitted).toEqual(second.submitted);
      expect(first.cookie.split(";")[0]).toBe(second.cookie.split(";")[0]);
      expect(Number((await one.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM submissions"))!.n)).toBe(1);
      const after = await one.sessions.load(request("http://localhost/", first.cookie));
      expect(after.data.journeys.complaint?.submitted?.reference).toBe(first.submitted.reference);
      // The other journey's unsent file went with the session.
      const escalate = after.data.journeys.escalate!;
      expect((await one.evidence.list({ sessionId: after.id!, journey: "escalate", runId: escalate.runId })).map((file) => file.name)).toEqual(["escalate.pdf"]);
    });

    it("a send of a run already stored, whose session no other send moved, moves the session itself with the confirmation in it", async () => {
      const one = await instance();
      const cookie = await sessionWithTwoRuns(one);
      const complaintTab = await tab(one, cookie, complaintJourney);
      const stored = await storeJourneySubmission(one, { journey: complaintJourney, answers: complaintTab.state.answers, language: "en", runId: complaintTab.state.runId, today });
      const sent = await sendJourney({ services: one, language: "en" }, complaintTab);
      expect(sent.submitted.reference).toBe(stored.reference);
      expect(sent.cookie.split(";")[0]).not.toBe(cookie.split(";")[0]);
      const after = await one.sessions.load(request("http://localhost/", sent.cookie));
      expect(after.data.journeys.complaint?.submitted?.reference).toBe(stored.reference);
    });
  });
});
