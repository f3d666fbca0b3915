// The report's records, as the database holds them (app/cases/case-record.ts): closed cases from the statistics rows
// written when they closed, open cases from their timeline's current state, compliments and requests from the rows
// written when they arrived, and the sealed quotations. Nothing else is read: no answers, no references, no names.
// Rows written before case progress existed (when statistics were written at purge, with no record) are read in
// their old shape: a complaint as received and still open at stage 1.
import { caseServices, complainantRoles, type CaseRecord, type CaseService, type ComplainantRole, type Quotation, type ReportInput, type SubmissionRecord } from "~/cases/case-record";
import { caseRecordOf, openCase, type CaseState } from "~/cases/case-state";
import type { Timetable } from "~/config/council-schema";
import type { Database } from "~/services/database.server";
import type { Sealer } from "~/services/encryption.server";
import type { ReportPeriod } from "./report-period";

interface StatisticsRow {
  type: string;
  kind: string | null;
  record: string | null;
  service: string | null;
  role: string | null;
  advocate_asked: number | string;
  format_asked: string | null;
  escalation_stage: string | null;
  submitted_on: string;
  language: string;
}

/** Kinds as they were named before the journey registry gave each journey one name. */
const legacyKinds: Record<string, string> = { "format.requested": "other-format", "escalation.requested": "escalate" };

const serviceOf = (value: string | null): CaseService | null => ((caseServices as readonly string[]).includes(value ?? "") ? (value as CaseService) : null);
const roleOf = (value: string | null): ComplainantRole | null => ((complainantRoles as readonly string[]).includes(value ?? "") ? (value as ComplainantRole) : null);

function legacyRecord(row: StatisticsRow, timetable: Timetable): { case: CaseRecord } | { submission: SubmissionRecord } {
  const kind = legacyKinds[row.type] ?? row.type.split(".")[0]!;
  const reach = { language: row.language, javascript: null, widthBand: null };
  if (kind === "complaint") {
    const state = openCase(
      { reference: "", service: serviceOf(row.service) ?? "not-sure", role: roleOf(row.role), receivedOn: row.submitted_on, channel: "portal", reach, firstStage: 1, advocateAsked: Number(row.advocate_asked) === 1, acceptedOutOfTime: false },
      timetable,
    );
    return { case: caseRecordOf(state) };
  }
  const facts: Record<string, string> = {};
  if (row.format_asked) facts.format = row.format_asked;
  if (row.escalation_stage) facts.stage = row.escalation_stage;
  return { submission: { kind, receivedOn: row.submitted_on, service: serviceOf(row.service), role: roleOf(row.role), channel: "portal", reach, facts } };
}

/** Everything up to the period's end (the previous period, and complaints carried in, come from before it). */
export async function loadReportInput(db: Database, sealer: Sealer | null, timetable: Timetable, period: ReportPeriod): Promise<ReportInput> {
  const cases: CaseRecord[] = [];
  const submissions: SubmissionRecord[] = [];
  const rows = await db.all<StatisticsRow>(
    `SELECT type, kind, record, service, role, advocate_asked, format_asked, escalation_stage, submitted_on, language
     FROM statistics WHERE submitted_on <= ? ORDER BY submitted_on, id`,
    [period.to],
  );
  for (const row of rows) {
    if (row.record === null) {
      const legacy = legacyRecord(row, timetable);
      if ("case" in legacy) cases.push(legacy.case);
      else submissions.push(legacy.submission);
    } else if (row.kind === "case") {
      cases.push(JSON.parse(row.record) as CaseRecord);
    } else {
      submissions.push(JSON.parse(row.record) as SubmissionRecord);
    }
  }
  // Open cases are read from where they stand now; closed ones have their row above.
  for (const { state } of await db.all<{ state: string }>("SELECT state FROM cases WHERE closed_on IS NULL ORDER BY created_at, id")) {
    const record = caseRecordOf(JSON.parse(state) as CaseState);
    if (record.receivedOn <= period.to) cases.push(record);
  }
  const quotations: Quotation[] = [];
  const sealed = await db.all<{ record: string }>("SELECT record FROM quotations WHERE received_on <= ? ORDER BY received_on, id", [period.to]);
  if (sealed.length && !sealer) throw new Error("DATA_KEYS is needed to read the compliments' quotations (the portal's data key)");
  for (const { record } of sealed) quotations.push(JSON.parse(sealer!.open(record)) as Quotation);
  cases.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  return { cases, submissions, quotations };
}

/** Once a report covering them has been made, quotations are kept only as long as any personal data (retention). */
export async function markQuotationsReported(db: Database, period: ReportPeriod, now: number): Promise<void> {
  await db.run("UPDATE quotations SET reported_at = ? WHERE received_on >= ? AND received_on <= ? AND reported_at IS NULL", [now, period.from, period.to]);
}
