// Issue 15's proof: the seed year (tests/support/seed-year.ts, Hartlepool's 2017/18 section 7) built through the
// portal's own interfaces, then `npm run report -- --year 2017` run as a command, and the CSV checked against
// section 7's figures, and against the report the same records give when handed to the renderer directly.
//
// On each engine: complaints by phone, letter and email registered with the store function `npm run case --
// register` calls; every later event (acknowledged, extended, stage started, replied, advocate, Ombudsman, closed)
// posted to the function behind POST /api/case-events, signed with a real Standard Webhooks signature and checked
// by the same schema and state machine; compliments sent through the compliment journey's own store function on
// the day they arrived. Hundreds of events over real HTTP would be slow on a shared machine; the HTTP route itself,
// with the signature checks, is driven end to end in tests/e2e/case-progress.spec.ts.
import { englishExampleCouncil } from "../../tests/support/example-council";
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { receiveCaseEvent } from "~/cases/case-events-api.server";
import type { CaseChannel } from "~/cases/case-record";
import { loadConfig } from "~/config/config.server";
import { sign } from "~/delivery/webhook-signature.server";
import { journeyById } from "~/journeys/journeys";
import { storeJourneySubmission } from "~/journeys/submit-journey.server";
import { createServices, type Services } from "~/services/services.server";
import { addWorkingDays } from "~/working-days";
import { answerJourney } from "../../tests/support/answer-journey";
import { personas } from "../../tests/support/personas";
import { seedPreviousYearCompliments, seedPreviousYearComplaints, seedYear, seedYearCompliments, seedYearComplaints, seedYearInput } from "../../tests/support/seed-year";
import { statutoryTimetable } from "../../tests/support/example-timetable";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { buildReport } from "./report-document";
import { renderReportCsv } from "./report-csv";
import { csvRows } from "./report-html.test-support";

const secret = `whsec_${Buffer.alloc(32, 3).toString("base64")}`;
const dataKeys = `seed1:${Buffer.alloc(32, 4).toString("base64")}`;
type CasePlan = (typeof seedYearComplaints)[number];

let bundleDir: string;
let cli: string;

beforeAll(async () => {
  // The command bundled as the build bundles it (as server/report-cli.test.ts does), inside the project for node_modules.
  mkdirSync(".cache", { recursive: true });
  bundleDir = mkdtempSync(path.resolve(".cache/report-seed-"));
  await build({
    entryPoints: { report: "server/report-cli.ts" },
    outdir: bundleDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    logLevel: "warning",
    alias: { "~": "./app" },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  cli = path.join(bundleDir, "report.js");
}, 60_000);

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

function runReport(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe.each(engines)("the seed year through the portal's interfaces, reported by npm run report, on %s", (engine) => {
  let dir: string;
  let database: TestDatabase;
  let services: Services;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "seed-year-"));
    database = await createTestDatabase(engine, dir);
    services = await createServices(loadConfig({ DATA_DIR: dir, DATABASE_URL: database.url, DATA_KEYS: dataKeys, CASE_EVENTS_SECRET: secret }, () => {}));
  });

  afterEach(async () => {
    await services.db.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Posts an event as the case system does, signed, to the handler behind POST /api/case-events. */
  async function post(reference: string, event: Record<string, unknown>): Promise<void> {
    const text = JSON.stringify({ reference, ...event });
    const id = `msg_${randomUUID()}`;
    const at = Math.floor(Date.now() / 1000);
    const headers = new Headers({ "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(at), "webhook-signature": sign(secret, id, at, text) });
    const response = await receiveCaseEvent({ headers, body: Buffer.from(text), tooLarge: false }, services.config.env.CASE_EVENTS_SECRET, services.cases, at);
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status, `${event.type} on ${reference}: ${JSON.stringify(body)}`).toBe(200);
  }

  /** One complaint of the seed: registered by staff, then its timeline as the case system reports it. */
  async function replay(plan: CasePlan): Promise<void> {
    const channel: CaseChannel = plan.channel ?? "email";
    const firstStage = plan.stage1 ? 1 : 2;
    const opened = await services.cases.register({
      service: "childrens-social-care",
      role: plan.role,
      receivedOn: plan.receivedOn,
      channel,
      reach: null,
      firstStage,
      advocateAsked: plan.advocate ?? false,
      acceptedOutOfTime: plan.acceptedOutOfTime ?? false,
    });
    const { reference } = opened;
    const acknowledgedOn = addWorkingDays(plan.receivedOn, 2);
    let last = acknowledgedOn;
    await post(reference, { type: "acknowledged", date: acknowledgedOn });
    if (plan.advocate) await post(reference, { type: "advocate-assigned", date: acknowledgedOn });
    if (plan.stage1) {
      const start = plan.stage1.startedOn;
      const after = plan.stage1.repliedAfter;
      if (after !== undefined) {
        if (after > 10) await post(reference, { type: "extended", dueDate: addWorkingDays(start, 20), reason: "complex", date: addWorkingDays(start, 5) });
        last = addWorkingDays(start, after);
        await post(reference, { type: "replied", stage: 1, outcome: plan.stage1.outcome ?? "not-upheld", date: last });
      }
    }
    if (plan.stage2) {
      const start = addWorkingDays(plan.stage1 ? last : plan.receivedOn, plan.stage2.after);
      const started = (await services.cases.byReference(reference))!.state.stages.some((stage) => stage.stage === 2);
      if (!started) await post(reference, { type: "stage-started", stage: 2, date: start });
      last = start > last ? start : last;
      const after = plan.stage2.repliedAfter;
      if (after !== undefined) {
        if (after > 25) await post(reference, { type: "extended", dueDate: addWorkingDays(start, 65), reason: "complex", date: addWorkingDays(start, 10) });
        last = addWorkingDays(start, after);
        await post(reference, { type: "replied", stage: 2, outcome: plan.stage2.outcome ?? "not-upheld", date: last });
      }
    }
    if (plan.ombudsman?.referredBack) await post(reference, { type: "ombudsman", action: "referred-back", date: last });
    if (plan.closed) await post(reference, { type: "closed", date: last });
  }

  it(
    "states section 7's figures, exactly as the seed's records give them",
    async () => {
      for (const plan of [...seedPreviousYearComplaints, ...seedYearComplaints]) await replay(plan);
      const compliment = journeyById("compliment")!;
      for (const record of [...seedPreviousYearCompliments, ...seedYearCompliments]) {
        const person = personas({ today: record.receivedOn }).thanksWithEmail;
        const { answers } = answerJourney(compliment, person, record.receivedOn);
        await storeJourneySubmission(services, { journey: compliment, answers, language: "en", runId: randomUUID(), today: record.receivedOn });
      }

      const out = path.join(dir, "reports");
      const ran = await runReport(["--year", "2017", "--out", out], { DATA_DIR: dir, DATABASE_URL: database.url, DATA_KEYS: dataKeys });
      expect(ran.status, ran.stderr).toBe(0);
      const csvFile = readdirSync(out).find((name) => name.endsWith(".csv"))!;
      const lines = csvRows(readFileSync(path.join(out, csvFile), "utf8"));
      const csvValue = (section: string, figure: string) => lines.find((line) => line[0] === section && line[1] === figure)?.slice(2);
      const csc = "Children's social care complaints";

      // Section 7, figure by figure.
      expect(csvValue("Compliments", "Compliments received, by service: Compliments received")).toEqual(["2017/18", "8", "10"]);
      expect(csvValue(csc, "Complaints received each month: Complaints received")).toEqual(["2017/18", "18", "18"]);
      expect(csvValue(csc, "Complaints received, by who made them: Care leaver")?.[1]).toBe("2");
      expect(csvValue(csc, "Complaints received, by who made them: Foster or connected carer")?.[1]).toBe("2");
      expect(csvValue(csc, "Complaints received, by who made them: Parent")?.[1]).toBe("13");
      expect(csvValue(csc, "Complaints received, by who made them: Grandparent or relative")?.[1]).toBe("1");
      expect(csvValue(csc, "Complaints received, by how far they went: First considered at stage 1")?.[1]).toBe("16");
      expect(csvValue(csc, "Complaints received, by how far they went: Concluded at stage 1")?.[1]).toBe("12");
      expect(csvValue(csc, "Complaints received, by how far they went: Progressed to stage 2")?.[1]).toBe("4");
      expect(csvValue(csc, "Complaints received, by how far they went: Progressed to stage 2 and concluded")?.[1]).toBe("2");
      expect(csvValue(csc, "Complaints received, by how far they went: Progressed to stage 2 and still open")?.[1]).toBe("2");
      expect(csvValue(csc, "Complaints received, by how far they went: Went straight to stage 2")?.[1]).toBe("2");
      expect(csvValue(csc, "Complaints received, by how far they went: Accepted outside the 12-month time limit")?.[1]).toBe("1");
      expect(csvValue(csc, "Advocates for people who complained: Advocate arranged for: Care leaver")?.[1]).toBe("1");
      expect(csvValue(csc, "Complaints and the Ombudsman: Considered by the Ombudsman")?.[1]).toBe("0");
      expect(csvValue(csc, "Complaints and the Ombudsman: Referred back to the council")?.[1]).toBe("1");
      expect(csvValue(csc, "Complaints carried forward and carried in: Carried forward (open on 31 March 2018)")?.[1]).toBe("4");
      expect(csvValue(csc, "Complaints carried forward and carried in: Carried in and concluded at stage 2")?.[1]).toBe("2");
      expect(csvValue("Public health complaints", "Complaints received each month: Complaints received")).toEqual(["2017/18", "0", "0"]);

      // And every complaint figure (timeliness, medians, outcomes, months) as the seed's own records give it.
      const expected = csvRows(
        renderReportCsv(buildReport(seedYearInput(), seedYear, { councilName: englishExampleCouncil.councilName, serviceName: englishExampleCouncil.serviceName, timetable: statutoryTimetable, madeOn: "2026-12-02", suppressBelow: null })),
      );
      const complaintRows = (rows: string[][]) => rows.filter((line) => line[0] === csc || line[0] === "Public health complaints").map((line) => line.join("|"));
      expect(complaintRows(lines)).toEqual(complaintRows(expected));
    },
    120_000,
  );
});
