// The report's records as the database holds them today, until the case progress work (issue 14) records each
// complaint's stages: the anonymous statistics rows that retention leaves when it deletes a submission's personal
// data. They give compliments and requests as they are, and complaints with no stage data yet, so each complaint
// is taken as received on its day and still open at stage 1. Nothing else is read: no answers, no references.
//
// A submission is counted once retention has turned it into a statistics row (RETENTION_DAYS after its last
// delivery); the case progress work replaces this source with one that reads case timelines too.
import { caseServices, complainantRoles, type CaseRecord, type CaseService, type ComplainantRole, type ReportInput, type ReportTimetable, type SubmissionRecord } from "~/cases/case-record";
import { journeys } from "~/journeys/journeys";
import type { Database } from "~/services/database.server";
import { addWorkingDays } from "~/working-days";
import type { ReportPeriod } from "./report-period";

interface StatisticsRow {
  type: string;
  service: string | null;
  role: string | null;
  advocate_asked: number | string;
  format_asked: string | null;
  escalation_stage: string | null;
  submitted_on: string;
  language: string;
}

/** The Complaint Handling Code's 5 working days to acknowledge, or the public health regulations' 3. */
const acknowledgementWorkingDays: Record<CaseService, number> = { "childrens-social-care": 5, "public-health": 3, "not-sure": 3 };

/** Submission types ("complaint.submitted") to the registry's kinds ("complaint"). */
const kindOfType = new Map(Object.values(journeys).map((journey) => [journey.submissionType, journey.kind]));

const serviceOf = (value: string | null): CaseService | null => ((caseServices as readonly string[]).includes(value ?? "") ? (value as CaseService) : null);
const roleOf = (value: string | null): ComplainantRole | null => ((complainantRoles as readonly string[]).includes(value ?? "") ? (value as ComplainantRole) : null);

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function complaintRecord(row: StatisticsRow, timetable: ReportTimetable): CaseRecord {
  const service = serviceOf(row.service) ?? "not-sure";
  const receivedOn = row.submitted_on;
  return {
    service,
    role: roleOf(row.role),
    receivedOn,
    channel: "portal",
    reach: { language: row.language, javascript: null, widthBand: null },
    firstStage: 1,
    stages: [
      {
        stage: 1,
        startedOn: receivedOn,
        dueOn: service === "public-health" ? addMonths(receivedOn, timetable.publicHealthMonths) : addWorkingDays(receivedOn, timetable.childrensSocialCare[1].workingDays),
        extendedDueOn: null,
        repliedOn: null,
        outcome: null,
        workingDays: null,
        timeliness: null,
      },
    ],
    acknowledgedOn: null,
    acknowledgementDueOn: addWorkingDays(receivedOn, acknowledgementWorkingDays[service]),
    advocateAsked: Number(row.advocate_asked) === 1,
    advocateArranged: false,
    acceptedOutOfTime: false,
    ombudsman: null,
    closedOn: null,
  };
}

function submissionRecord(row: StatisticsRow, kind: string): SubmissionRecord {
  const facts: Record<string, string> = {};
  if (row.format_asked) facts.format = row.format_asked;
  if (row.escalation_stage) facts.stage = row.escalation_stage;
  return {
    kind,
    receivedOn: row.submitted_on,
    service: serviceOf(row.service),
    role: roleOf(row.role),
    channel: "portal",
    reach: { language: row.language, javascript: null, widthBand: null },
    facts,
  };
}

/** Loads the report's records for a period, and everything before it (the previous period, and complaints carried in). */
export function statisticsReportSource(db: Database, timetable: ReportTimetable): (period: ReportPeriod) => Promise<ReportInput> {
  return async (period) => {
    const rows = await db.all<StatisticsRow>(
      `SELECT type, service, role, advocate_asked, format_asked, escalation_stage, submitted_on, language
       FROM statistics WHERE submitted_on <= ? ORDER BY submitted_on, id`,
      [period.to],
    );
    const cases: CaseRecord[] = [];
    const submissions: SubmissionRecord[] = [];
    for (const row of rows) {
      const kind = kindOfType.get(row.type) ?? row.type.split(".")[0]!;
      if (kind === "complaint") cases.push(complaintRecord(row, timetable));
      else submissions.push(submissionRecord(row, kind));
    }
    return { cases, submissions, quotations: [] };
  };
}
