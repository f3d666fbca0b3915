// The anonymous records the statutory annual report is written from (section 7 of the seed report): one per
// complaint case, whether it came through the portal or was registered by staff from a phone call or a letter,
// one per other submission (compliments, advocate and other-format requests), and the sealed quotations of
// compliments whose senders agreed to be quoted. None of them holds a name, an email address, a reference or
// anything a person typed, except the quotation text, which has names replaced by initials before it is kept.
//
// The case progress work writes them (a statistics row when a case closes, updated if it reopens; an open case's
// record is read from its timeline); the annual report only reads them.

export const caseStages = [1, 2, 3] as const;
export type CaseStage = (typeof caseStages)[number];

/** The outcome of a stage, as the case system or staff record it. */
/** How a stage ended. `not-considered`: the council did not consider it (made more than 12 months after the events and
 * not accepted, or by someone the procedure does not cover). */
export const stageOutcomes = ["upheld", "partly-upheld", "not-upheld", "resolved", "withdrawn", "not-considered"] as const;
export type StageOutcome = (typeof stageOutcomes)[number];

/** Outcomes that end a stage without a reply: the annual report counts them among a stage's outcomes, never among
 * its replies or their times (a withdrawal is not a late reply). */
export const outcomesWithoutReply = ["withdrawn", "not-considered"] as const satisfies readonly StageOutcome[];

export function isReply(outcome: StageOutcome | null): boolean {
  return !(outcomesWithoutReply as readonly (StageOutcome | null)[]).includes(outcome);
}

/** How a stage's reply compared with its statutory time: within it, within an allowed extension, or late. */
export const timelinessBands = ["in-time", "extended", "late"] as const;
export type Timeliness = (typeof timelinessBands)[number];

/** How the complaint reached the council. */
export const caseChannels = ["portal", "phone", "letter", "email", "in-person", "other"] as const;
export type CaseChannel = (typeof caseChannels)[number];
/** How a complaint staff register came: every way but the portal, whose complaints open their own cases. */
export const registeredChannels = ["phone", "letter", "email", "in-person", "other"] as const satisfies readonly Exclude<CaseChannel, "portal">[];

/** Who made the complaint or paid the compliment (the portal's "Who are you?" answers). */
export const complainantRoles = [
  "child-or-young-person",
  "care-leaver",
  "parent",
  "foster-or-kinship-carer",
  "special-guardian",
  "grandparent-or-relative",
  "someone-else",
] as const;
export type ComplainantRole = (typeof complainantRoles)[number];

/** Services a submission can be about; "not-sure" until staff settle it. */
export const caseServices = ["childrens-social-care", "public-health", "not-sure"] as const;
export type CaseService = (typeof caseServices)[number];

/** The Local Government and Social Care Ombudsman's decisions, as it publishes them. */
export const ombudsmanDecisions = ["upheld", "not-upheld", "closed-after-initial-enquiries", "advice-given", "incomplete-or-invalid"] as const;
export type OmbudsmanDecision = (typeof ombudsmanDecisions)[number];

/** Screen width bands, recorded by the portal's JavaScript when it runs (nothing finer: it must identify no one). */
export const widthBands = ["narrow", "medium", "wide"] as const;
export type WidthBand = (typeof widthBands)[number];

/** How someone used the portal to send something; null for anything staff registered. */
export interface PortalReach {
  /** The page language they used ("en", "pl", "ar"…). */
  language: string;
  /** Whether the portal's JavaScript ran on the page they sent from; null when not known. */
  javascript: boolean | null;
  /** Below 641 px, 641 to 1020 px, or wider; null without JavaScript. */
  widthBand: WidthBand | null;
}

/** One stage of a case. Dates are YYYY-MM-DD, London time. */
export interface StageRecord {
  stage: CaseStage;
  startedOn: string;
  /** The day the stage's time counts from: its start, or the person's request through the portal that was waiting
   * when it started (decision 067). Its due date and its working days both count from it. Absent from records kept
   * before this was: read as `startedOn`. */
  timedFrom?: string;
  /** The statutory date the reply is due, before any extension. */
  dueOn: string;
  /** The date after an allowed extension, if there was one. */
  extendedDueOn: string | null;
  repliedOn: string | null;
  outcome: StageOutcome | null;
  /** Working days (England and Wales) from the day the stage is timed from (`timedFrom`) to its reply; null while it
   * is open. */
  workingDays: number | null;
  /** Null while the stage is open. */
  timeliness: Timeliness | null;
  /** Stage 3's review panel: the day it must meet by, and the day it met (absent from other stages, and from stage 3
   * records kept before this was). Once it has met, the reply is due within the report's and the response's time
   * of the meeting, whenever it met (decisions 070, 078). */
  panel?: { dueOn: string; heldOn: string | null };
}

/** The day a stage's time counts from: the person's request, or its start (a record kept before `timedFrom` was). */
export function timedFrom(stage: StageRecord): string {
  return stage.timedFrom ?? stage.startedOn;
}

export interface OmbudsmanRecord {
  /** The person went to the Ombudsman (the Ombudsman "considered" the complaint), on this date. */
  referredOn: string | null;
  /** The Ombudsman sent it back to the council to consider first. */
  referredBack: boolean;
  /** When it was sent back (absent from records kept before this was). Counts the referral in its year when the case
   * system gave no date for the person going to the Ombudsman. */
  referredBackOn?: string | null;
  decidedOn: string | null;
  decision: OmbudsmanDecision | null;
}

/** One complaint, through every stage it reached. */
export interface CaseRecord {
  service: CaseService;
  role: ComplainantRole | null;
  /** When the council received the complaint. */
  receivedOn: string;
  channel: CaseChannel;
  reach: PortalReach | null;
  /** The stage the complaint was first considered at (2 when it went straight to an investigation). */
  firstStage: CaseStage;
  /** Stages in the order they started; the last one may still be open. */
  stages: StageRecord[];
  acknowledgedOn: string | null;
  /** The date the acknowledgement was due (the shorter of the Complaint Handling Code's and the regulations'). */
  acknowledgementDueOn: string;
  advocateAsked: boolean;
  advocateArranged: boolean;
  /** Made more than 12 months after the events, and accepted all the same. */
  acceptedOutOfTime: boolean;
  ombudsman: OmbudsmanRecord | null;
  /** When the case was closed; null while it is open. */
  closedOn: string | null;
  /** Every time it was closed, and reopened if it was, in order (absent from records kept before this was): a year
   * already reported keeps its figures when a case closed in it is reopened later. */
  closings?: Closing[];
  /** The person's requests for the next stage made through the portal, and when the council answered each (absent
   * from records kept before this was): a request waiting for its answer keeps the complaint under consideration,
   * closed or not (decision 074). */
  requests?: RequestRecord[];
}

export interface RequestRecord {
  stage: 2 | 3;
  on: string;
  /** The stage started, or the request was declined; null while it waits. */
  answeredOn: string | null;
}

export interface Closing {
  closedOn: string;
  reopenedOn: string | null;
}

/** Anything else sent through the portal, or registered by staff: compliments and requests. */
export interface SubmissionRecord {
  /** The id of the journey it came through (app/journeys/journeys.ts): "compliment", "advocate", "other-format", "escalate", and any later journey's. */
  kind: string;
  receivedOn: string;
  service: CaseService | null;
  role: ComplainantRole | null;
  channel: CaseChannel;
  reach: PortalReach | null;
  /** Anonymous facts particular to the kind, such as `format` ("large-print"…) or `language` for a format request. */
  facts: Readonly<Record<string, string | number | boolean | null>>;
}

/** A compliment's words, for the report's appendix, from someone who agreed to be quoted anonymously. */
export interface Quotation {
  receivedOn: string;
  service: CaseService | null;
  role: ComplainantRole | null;
  /** With every name the person typed in their answers replaced by initials. */
  text: string;
}

/** Everything the report reads for a period and the period before it. */
export interface ReportInput {
  cases: readonly CaseRecord[];
  submissions: readonly SubmissionRecord[];
  quotations: readonly Quotation[];
}

/**
 * The statutory time for each stage's reply, in working days, as the council's settings declare it (the one
 * table every deadline comes from), with the longest an allowed extension may reach. Public health has one stage,
 * replied to within the council's working days, or an extension of up to a number of calendar months.
 */
export interface StageTimeLimit {
  workingDays: number;
  extendedWorkingDays: number | null;
}
export interface ReportTimetable {
  childrensSocialCare: Readonly<Record<CaseStage, StageTimeLimit>>;
  /** Stage 3's three limits, whose sum is its time above: the panel meets, it reports, and the council responds. */
  stage3Parts: { panelWithin: number; reportWithin: number; responseWithin: number };
  /** The council's time for a public health reply, in working days, as the case records measure it. */
  publicHealthWorkingDays: number;
  /** The longest a public health reply may be extended to, in calendar months. */
  publicHealthMonths: number;
  /** The working days a complaint about each service is acknowledged within. */
  acknowledgeWithin: { childrensSocialCare: number; publicHealth: number };
}
