// The seed report's year (Hartlepool's 2017/18, shared/seed/annual-complaints-report-2017-18.txt, section 7) as
// anonymous records: every complaint, compliment and quotation the report's figures come from, and the year
// before it, so that "18 complaints were received, the same as the previous year" can be said.
//
// It is data, not a shortcut: the unit tests give it to the figures and renderer directly, and the end-to-end
// test of the case progress work can replay the same cases through the real interfaces (a complaint registered
// or sent, then its events: stage started, replied with an outcome, advocate, Ombudsman, closed) and expect the
// same report. Every date is a working day from 2017 onwards, inside the bundled bank-holiday years.
//
// What section 7 says, and where it is here:
// - 8 compliments about children's social care (7 quoted in Appendix 1, from the seed's own appendix).
// - 18 complaints received: 2 from care leavers, 2 from connected carers, 13 from parents, 1 from a grandparent.
// - 16 first considered at stage 1: 12 resolved at stage 1, 4 progressed to stage 2 (2 concluded, 2 open).
// - 2 went straight to stage 2 (both open on 31 March 2018), 1 accepted outside the 12-month limit.
// - 1 care leaver with an advocate. No public health complaints.
// - None considered by the Ombudsman; 1 complainant referred back to the council (one that went straight to stage 2).
// - 4 carried forward (all at stage 2); 2 carried in from 2016/17, both concluded after stage 2.
// - The year before: 18 complaints, all concluded by 31 March 2017 except the 2 carried in.
import { addWorkingDays } from "../../app/working-days";
import type {
  CaseChannel,
  CaseRecord,
  ComplainantRole,
  OmbudsmanRecord,
  Quotation,
  ReportInput,
  StageOutcome,
  StageRecord,
  SubmissionRecord,
  Timeliness,
} from "../../app/cases/case-record";
import { financialYear } from "../../app/annual-report/report-period";

export const seedYear = financialYear(2017);
export const seedPreviousYear = financialYear(2016);

const stageLimits = { 1: { days: 10, extended: 20 }, 2: { days: 25, extended: 65 }, 3: { days: 50, extended: null } } as const;

function timelinessOf(stage: 1 | 2 | 3, workingDays: number): Timeliness {
  const limit = stageLimits[stage];
  if (workingDays <= limit.days) return "in-time";
  return limit.extended !== null && workingDays <= limit.extended ? "extended" : "late";
}

interface StagePlan {
  startedOn: string;
  /** Working days to the reply; omitted while the stage is open. */
  repliedAfter?: number;
  outcome?: StageOutcome;
}

function stageRecord(stage: 1 | 2 | 3, plan: StagePlan): StageRecord {
  const limit = stageLimits[stage];
  const dueOn = addWorkingDays(plan.startedOn, limit.days);
  const repliedOn = plan.repliedAfter === undefined ? null : addWorkingDays(plan.startedOn, plan.repliedAfter);
  const timeliness = plan.repliedAfter === undefined ? null : timelinessOf(stage, plan.repliedAfter);
  return {
    stage,
    startedOn: plan.startedOn,
    dueOn,
    extendedDueOn: timeliness === "extended" || timeliness === "late" ? (limit.extended === null ? null : addWorkingDays(plan.startedOn, limit.extended)) : null,
    repliedOn,
    outcome: repliedOn ? (plan.outcome ?? "not-upheld") : null,
    workingDays: plan.repliedAfter ?? null,
    timeliness,
  };
}

interface CasePlan {
  receivedOn: string;
  role: ComplainantRole;
  channel?: CaseChannel;
  stage1?: StagePlan;
  /** Stage 2 starts this many working days after the stage 1 reply (or after receipt, when it is the first stage). */
  stage2?: { after: number; repliedAfter?: number; outcome?: StageOutcome };
  /** Closed on the day of the last reply. */
  closed: boolean;
  advocate?: boolean;
  acceptedOutOfTime?: boolean;
  ombudsman?: OmbudsmanRecord;
}

function caseRecord(plan: CasePlan): CaseRecord {
  const stages: StageRecord[] = [];
  if (plan.stage1) stages.push(stageRecord(1, plan.stage1));
  if (plan.stage2) {
    const from = stages[0]?.repliedOn ?? plan.receivedOn;
    stages.push(stageRecord(2, { startedOn: addWorkingDays(from, plan.stage2.after), repliedAfter: plan.stage2.repliedAfter, outcome: plan.stage2.outcome }));
  }
  const last = stages[stages.length - 1];
  return {
    service: "childrens-social-care",
    role: plan.role,
    receivedOn: plan.receivedOn,
    channel: plan.channel ?? "email",
    reach: null,
    firstStage: plan.stage1 ? 1 : 2,
    stages,
    acknowledgedOn: addWorkingDays(plan.receivedOn, 2),
    acknowledgementDueOn: addWorkingDays(plan.receivedOn, 5),
    advocateAsked: plan.advocate ?? false,
    advocateArranged: plan.advocate ?? false,
    acceptedOutOfTime: plan.acceptedOutOfTime ?? false,
    ombudsman: plan.ombudsman ?? null,
    closedOn: plan.closed ? (last?.repliedOn ?? null) : null,
  };
}

const resolvedAtStage1 = (receivedOn: string, role: ComplainantRole, repliedAfter: number, outcome: StageOutcome, channel: CaseChannel = "email"): CasePlan => ({
  receivedOn,
  role,
  channel,
  stage1: { startedOn: receivedOn, repliedAfter, outcome },
  closed: true,
});

/** The 18 complaints received in 2017/18. */
export const seedYearComplaints: CasePlan[] = [
  // 12 resolved at stage 1: 9 parents, a care leaver (with an advocate), a connected carer and a grandparent.
  resolvedAtStage1("2017-04-05", "parent", 8, "not-upheld", "phone"),
  resolvedAtStage1("2017-04-24", "grandparent-or-relative", 10, "partly-upheld", "letter"),
  resolvedAtStage1("2017-05-15", "parent", 9, "upheld"),
  resolvedAtStage1("2017-06-07", "parent", 14, "not-upheld"),
  { ...resolvedAtStage1("2017-06-26", "care-leaver", 7, "partly-upheld", "phone"), advocate: true },
  resolvedAtStage1("2017-07-18", "parent", 6, "not-upheld"),
  resolvedAtStage1("2017-08-09", "parent", 10, "partly-upheld", "letter"),
  resolvedAtStage1("2017-09-04", "foster-or-kinship-carer", 23, "not-upheld"),
  resolvedAtStage1("2017-09-27", "parent", 5, "resolved", "phone"),
  resolvedAtStage1("2017-10-16", "parent", 9, "not-upheld"),
  resolvedAtStage1("2018-01-22", "parent", 17, "upheld", "in-person"),
  resolvedAtStage1("2018-03-05", "parent", 8, "resolved"),
  // 4 progressed to stage 2: 2 concluded there, 2 still open on 31 March 2018.
  { receivedOn: "2017-10-30", role: "parent", stage1: { startedOn: "2017-10-30", repliedAfter: 10, outcome: "not-upheld" }, stage2: { after: 8, repliedAfter: 24, outcome: "partly-upheld" }, closed: true },
  { receivedOn: "2017-11-20", role: "parent", channel: "letter", stage1: { startedOn: "2017-11-20", repliedAfter: 12, outcome: "partly-upheld" }, stage2: { after: 5, repliedAfter: 40, outcome: "not-upheld" }, closed: true },
  { receivedOn: "2017-12-11", role: "parent", stage1: { startedOn: "2017-12-11", repliedAfter: 9, outcome: "not-upheld" }, stage2: { after: 12 }, closed: false },
  { receivedOn: "2018-01-08", role: "care-leaver", channel: "phone", stage1: { startedOn: "2018-01-08", repliedAfter: 10, outcome: "partly-upheld" }, stage2: { after: 6 }, closed: false },
  // 2 went straight to stage 2, both still open: one accepted outside the 12-month limit, and one whose
  // complainant went to the Ombudsman first and was referred back.
  { receivedOn: "2018-02-05", role: "parent", channel: "letter", stage2: { after: 3 }, closed: false, acceptedOutOfTime: true },
  {
    receivedOn: "2018-02-26",
    role: "foster-or-kinship-carer",
    stage2: { after: 2 },
    closed: false,
    ombudsman: { referredOn: "2018-02-16", referredBack: true, decidedOn: null, decision: null },
  },
];

/** The 18 complaints received in 2016/17: 16 resolved at stage 1 by 31 March 2017, and the 2 carried into 2017/18. */
export const seedPreviousYearComplaints: CasePlan[] = [
  ...[
    "2017-01-03",
    "2017-01-05",
    "2017-01-09",
    "2017-01-12",
    "2017-01-18",
    "2017-01-23",
    "2017-01-26",
    "2017-01-31",
    "2017-02-03",
    "2017-02-08",
    "2017-02-14",
    "2017-02-20",
    "2017-02-24",
    "2017-03-01",
    "2017-03-06",
    "2017-03-10",
  ].map((receivedOn, index) => resolvedAtStage1(receivedOn, index % 4 === 0 ? "child-or-young-person" : "parent", 6 + (index % 5), index % 3 === 0 ? "partly-upheld" : "not-upheld")),
  // Carried into 2017/18 at stage 2, and concluded there.
  { receivedOn: "2017-01-16", role: "grandparent-or-relative", stage1: { startedOn: "2017-01-16", repliedAfter: 10, outcome: "not-upheld" }, stage2: { after: 10, repliedAfter: 62, outcome: "upheld" }, closed: true },
  { receivedOn: "2017-02-13", role: "parent", channel: "letter", stage1: { startedOn: "2017-02-13", repliedAfter: 9, outcome: "not-upheld" }, stage2: { after: 9, repliedAfter: 70, outcome: "not-upheld" }, closed: true },
];

/** The seed's Appendix 1, as the portal keeps quotations: names the person typed already replaced by initials. */
export const seedYearQuotations: Quotation[] = [
  {
    receivedOn: "2017-05-22",
    service: "childrens-social-care",
    role: "parent",
    text: "Both Z and I would like to say a MASSIVE Thank you for all your patience and hard work to get the outcome that was wanted by all concerned. You've been a true professional in all aspects of our dealings together. Once again from both of us. THANK YOU.",
  },
  {
    receivedOn: "2017-07-03",
    service: "childrens-social-care",
    role: "child-or-young-person",
    text: "Thank you so much for believing me always being there for me and driving me and most importantly thank you for being you XXXX and also being a great care worker, lots of love AZ.",
  },
  {
    receivedOn: "2017-08-14",
    service: "childrens-social-care",
    role: "child-or-young-person",
    text: "H you are the best social worker ever. H you are the best because you moved me like I asked. Please keep in touch. Many thanks.",
  },
  {
    receivedOn: "2017-10-02",
    service: "childrens-social-care",
    role: "parent",
    text: "We just wanted to say a huge thank you for your work and all the time effort and love you have put into our children.",
  },
  {
    receivedOn: "2017-11-13",
    service: "childrens-social-care",
    role: "grandparent-or-relative",
    text: "I write to express my thanks for the brilliant and timeless work undertaken by CR on behalf of my grandson. I feel C went above and beyond her remit to solve K's problems and expect she will be doing so for some time. Please thank her for her tireless efforts.",
  },
  {
    receivedOn: "2018-01-15",
    service: "childrens-social-care",
    role: "parent",
    text: "Thank you for all your support and guidance through a really hard time. You helped us in more ways than you will ever know. We will always be grateful for everything you have done.",
  },
  {
    receivedOn: "2018-03-12",
    service: "childrens-social-care",
    role: "parent",
    text: "I would like to take this opportunity to say a very big thank you to all the staff at the council's Children's Services as they have worked very hard on our case and I am grateful to them for all their help and for giving us the opportunity to prove ourselves, which I feel we did not have when we were dealing with Children's Services in X. I would also like to take this opportunity to reassure I have learned a lot from the work I have done and I now understand the importance of security and stability for my children, and will continue to work very hard to make sure that their needs are always put first.",
  },
];

const compliment = (receivedOn: string, role: ComplainantRole | null, channel: CaseChannel = "letter"): SubmissionRecord => ({
  kind: "compliment",
  receivedOn,
  service: "childrens-social-care",
  role,
  channel,
  reach: null,
  facts: {},
});

/** 8 compliments in 2017/18 (the 7 quoted, and one from a foster carer who was not), and 10 the year before. */
export const seedYearCompliments: SubmissionRecord[] = [
  ...seedYearQuotations.map((quotation) => compliment(quotation.receivedOn, quotation.role)),
  compliment("2017-12-04", "foster-or-kinship-carer", "email"),
];
export const seedPreviousYearCompliments: SubmissionRecord[] = [
  "2016-04-01",
  "2016-05-09",
  "2016-06-13",
  "2016-07-11",
  "2016-09-12",
  "2016-10-10",
  "2016-11-14",
  "2017-01-09",
  "2017-02-13",
  "2017-03-13",
].map((receivedOn, index) => compliment(receivedOn, index % 2 ? "parent" : null));

/** Both years' records, as the report's data source returns them. */
export function seedYearInput(): ReportInput {
  return {
    cases: [...seedPreviousYearComplaints, ...seedYearComplaints].map(caseRecord),
    submissions: [...seedPreviousYearCompliments, ...seedYearCompliments],
    quotations: seedYearQuotations,
  };
}
