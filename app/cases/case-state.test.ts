// Every deadline rule, over bank holidays and year ends, and every change a case can and cannot make.
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import type { TimelineEvent } from "./case-events";
import { caseEventSchema } from "./case-events";
import { applyEvent, caseRecordOf, closedCaseNeededUntil, currentStage, nextStageOffer, openCase, panelOf, replay, replyDueOn, settleRequest, stageAfter, type CaseOpening, type CaseState } from "./case-state";
import { progressView } from "./progress-view";
import { buildDigest } from "./case-digest";
import { caseUpdatedPayload, caseUpdatedPayloadSchema } from "./case-webhook";
import { acknowledgementDue, addMonths, promisedWorkingDays, stageLimits } from "./timetable";
import { addWorkingDays } from "~/working-days";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;
const today = "2027-06-30";

function opening(overrides: Partial<CaseOpening> = {}): CaseOpening {
  return {
    reference: "C-7K4M-2Q9P-W",
    service: "childrens-social-care",
    role: "parent",
    receivedOn: "2026-12-17",
    channel: "portal",
    reach: { language: "en", javascript: true, widthBand: "narrow" },
    firstStage: 1,
    advocateAsked: false,
    acceptedOutOfTime: false,
    ...overrides,
  };
}

/** Applies events in turn, failing the test on the first refusal. */
function run(state: CaseState, ...events: TimelineEvent[]): CaseState {
  for (const event of events) {
    const applied = applyEvent(state, event, timetable, today);
    if (!applied.ok) throw new Error(`${event.type} refused: ${applied.refusal.title}`);
    state = applied.state;
  }
  return state;
}

function refusal(state: CaseState, event: TimelineEvent) {
  const applied = applyEvent(state, event, timetable, today);
  if (applied.ok) throw new Error(`${event.type} was accepted`);
  return applied.refusal;
}

describe("deadlines from the council's timetable", () => {
  it("counts stage 1 in working days over Christmas and New Year (received 17 December 2026)", () => {
    // 25, 26 (Sat, so 28 Dec substitute), 28 Dec and 1 Jan are holidays in 2026/27.
    expect(stageLimits(timetable, "childrens-social-care", 1, "2026-12-17")).toEqual({ dueOn: "2027-01-05", latestExtension: "2027-01-19" });
  });
  it("counts stage 2 (25, extendable to 65) and stage 3 (30 + 5 + 15, not extendable)", () => {
    // Easter (26 and 29 March 2027) and the May bank holidays (3 and 31 May) are not working days.
    expect(stageLimits(timetable, "childrens-social-care", 2, "2027-03-01")).toEqual({ dueOn: "2027-04-07", latestExtension: "2027-06-04" });
    // The panel meets within 30 working days: 1 April is the 22nd, 14 April the 30th.
    expect(stageLimits(timetable, "childrens-social-care", 3, "2027-03-01")).toEqual({ dueOn: "2027-05-13", latestExtension: null, panelDueOn: "2027-04-14" });
  });
  it("gives public health one stage: a reply aimed for in 10 working days, which may be put back up to 6 months", () => {
    expect(stageLimits(timetable, "public-health", 1, "2027-08-31")).toEqual({ dueOn: "2027-09-14", latestExtension: "2028-02-29" });
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addMonths("2026-12-31", 2)).toBe("2027-02-28");
  });
  it("acknowledges within 5 working days, or the public health regulations' shorter 3", () => {
    // Thursday 1 April 2027, after Easter Monday: 2, 5, 6, 7 and 8 April.
    expect(acknowledgementDue(timetable, "childrens-social-care", "2027-04-01")).toBe("2027-04-08");
    expect(acknowledgementDue(timetable, "public-health", "2027-04-01")).toBe("2027-04-06");
    // Received on a Saturday: counting starts on Monday.
    expect(acknowledgementDue(timetable, "childrens-social-care", "2027-01-02")).toBe("2027-01-11");
  });
  it("takes every promised reply from the one table", () => {
    expect(promisedWorkingDays(timetable, "complaint", "childrens-social-care")).toBe(timetable.childrensSocialCare.stage1.replyWithin);
    expect(promisedWorkingDays(timetable, "complaint", "public-health")).toBe(timetable.publicHealth.replyWithin);
    // The date the person and the staff email are given is the one the case falls due on, as on the progress page.
    expect(promisedWorkingDays(timetable, "next-stage", null)).toBe(timetable.childrensSocialCare.stage2.replyWithin);
    const stage3 = stageLimits(timetable, "childrens-social-care", 3, "2026-11-16").dueOn;
    expect(addWorkingDays("2026-11-16", promisedWorkingDays(timetable, "review-panel", null))).toBe(stage3);
    expect(promisedWorkingDays(timetable, "advocate", null)).toBe(timetable.advocateContactWithin);
    expect(promisedWorkingDays(timetable, "other-format", null)).toBe(timetable.otherFormatWithin);
  });
  it("refuses a timetable with a negative or missing limit, naming it", () => {
    const bad = structuredClone(exampleCouncil) as { timetable: { childrensSocialCare: { stage1: Record<string, unknown> } } };
    bad.timetable.childrensSocialCare.stage1.replyWithin = -10;
    const result = councilSettingsSchema.safeParse(bad);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("timetable.childrensSocialCare.stage1.replyWithin");
    delete bad.timetable.childrensSocialCare.stage1.extendableTo;
    expect(councilSettingsSchema.safeParse(bad).error?.issues.map((issue) => issue.path.join("."))).toContain("timetable.childrensSocialCare.stage1.extendableTo");
  });
});

describe("a children's social care complaint through every stage", () => {
  const opened = openCase(opening(), timetable);

  it("opens at stage 1, due in 10 working days, not yet acknowledged", () => {
    expect(currentStage(opened)).toMatchObject({ stage: 1, startedOn: "2026-12-17", dueOn: "2027-01-05" });
    expect(opened.acknowledgementDueOn).toBe("2026-12-24");
    expect(replyDueOn(opened)).toBe("2027-01-05");
  });

  it("moves through acknowledgement, an extension, replies, stages 2 and 3, the Ombudsman and closing", () => {
    const state = run(
      opened,
      { type: "acknowledged", date: "2026-12-18" },
      { type: "extended", dueDate: "2027-01-12", reason: "complex", date: "2026-12-30" },
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-08" },
      { type: "stage-started", stage: 2, date: "2027-01-20" },
      { type: "advocate-assigned", date: "2027-01-21" },
      { type: "replied", stage: 2, outcome: "partly-upheld", date: "2027-02-10" },
      { type: "stage-started", stage: 3, date: "2027-02-15" },
      { type: "replied", stage: 3, outcome: "upheld", date: "2027-05-10" },
      { type: "closed", date: "2027-05-11" },
      { type: "ombudsman", action: "referred", date: "2027-05-20" },
      { type: "ombudsman", action: "decided", decision: "not-upheld", date: "2027-06-01" },
    );
    // Stage 1 over Christmas: 13 working days, inside its extension. Stage 3 was due 50 working days after
    // 15 February 2027, on 28 April: the director's reply on 10 May was late.
    expect(state.stages.map((s) => [s.stage, s.outcome, s.timeliness, s.workingDays])).toEqual([
      [1, "not-upheld", "extended", 13],
      [2, "partly-upheld", "in-time", 15],
      [3, "upheld", "late", 57],
    ]);
    expect(state.stages[2]!.dueOn).toBe("2027-04-28");
    expect(caseRecordOf(state)).toMatchObject({ advocateArranged: true, closedOn: "2027-05-11", ombudsman: { referredOn: "2027-05-20", decision: "not-upheld", referredBack: false } });
  });

  it("counts a reply after the extended date as late, and after the first date without an extension as late", () => {
    expect(run(opened, { type: "replied", stage: 1, outcome: "resolved", date: "2027-01-06" }).stages[0]!.timeliness).toBe("late");
    expect(run(opened, { type: "extended", dueDate: "2027-01-12", reason: "person-agreed", date: "2026-12-20" }, { type: "replied", stage: 1, outcome: "resolved", date: "2027-01-13" }).stages[0]!.timeliness).toBe("late");
    expect(run(opened, { type: "replied", stage: 1, outcome: "resolved", date: "2027-01-05" }).stages[0]!.timeliness).toBe("in-time");
  });

  it("refuses stages out of order, and a stage before the last one's reply", () => {
    expect(refusal(opened, { type: "stage-started", stage: 3, date: "2027-01-02" })).toMatchObject({ title: "Stages go in order", field: "stage" });
    const replied = run(opened, { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" });
    expect(refusal(replied, { type: "stage-started", stage: 3, date: "2027-01-05" })).toMatchObject({ title: "Stages go in order" });
    expect(refusal(replied, { type: "replied", stage: 1, outcome: "upheld", date: "2027-01-05" })).toMatchObject({ title: "Already replied" });
    expect(refusal(replied, { type: "replied", stage: 2, outcome: "upheld", date: "2027-01-05" })).toMatchObject({ title: "Not the open stage" });
  });

  it("takes a complaint straight to stage 2 before any stage 1 reply: first considered at stage 2, timed from that day", () => {
    const straight = run(opened, { type: "acknowledged", date: "2026-12-18" }, { type: "stage-started", stage: 2, date: "2027-01-04" });
    expect(straight.firstStage).toBe(2);
    expect(straight.stages).toEqual([expect.objectContaining({ stage: 2, startedOn: "2027-01-04", timedFrom: "2027-01-04", dueOn: stageLimits(timetable, "childrens-social-care", 2, "2027-01-04").dueOn, repliedOn: null })]);
    expect(caseRecordOf(straight)).toMatchObject({ firstStage: 2 });
    // Its reply and stage 3 follow as for any stage 2; stage 1 cannot be replied to any more.
    expect(refusal(straight, { type: "replied", stage: 1, outcome: "upheld", date: "2027-01-05" })).toMatchObject({ title: "Not the open stage" });
    expect(run(straight, { type: "replied", stage: 2, outcome: "upheld", date: "2027-02-01" }, { type: "stage-started", stage: 3, date: "2027-02-02" }).stages.map((s) => s.stage)).toEqual([2, 3]);
    // Not for public health, which has one stage; and stage 3 still waits for stage 2's reply.
    expect(refusal(run(straight, { type: "extended", dueDate: "2027-02-15", reason: "complex", date: "2027-01-05" }), { type: "stage-started", stage: 3, date: "2027-01-06" })).toMatchObject({ title: "The current stage has not been replied to" });
  });

  it("refuses an extension past the limit, not later than the current date, on a replied stage, or at stage 3", () => {
    expect(refusal(opened, { type: "extended", dueDate: "2027-01-20", reason: "complex", date: "2026-12-18" })).toMatchObject({ title: "Past the longest extension allowed", field: "dueDate" });
    expect(refusal(opened, { type: "extended", dueDate: "2027-01-05", reason: "complex", date: "2026-12-18" })).toMatchObject({ title: "The new date is not later" });
    const replied = run(opened, { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" });
    expect(refusal(replied, { type: "extended", dueDate: "2027-01-10", reason: "complex", date: "2027-01-05" })).toMatchObject({ title: "Nothing to extend" });
    const atStage3 = run(replied, { type: "stage-started", stage: 2, date: "2027-01-05" }, { type: "replied", stage: 2, outcome: "upheld", date: "2027-01-06" }, { type: "stage-started", stage: 3, date: "2027-01-07" });
    expect(refusal(atStage3, { type: "extended", dueDate: "2027-04-01", reason: "complex", date: "2027-01-08" })).toMatchObject({ title: "This stage cannot be extended" });
  });

  it("refuses an extension recorded after the reply was due, so a late reply cannot be made one within an extension", () => {
    const due = replyDueOn(opened)!;
    expect(run(opened, { type: "extended", dueDate: "2027-01-12", reason: "complex", date: due }).stages[0]!.extendedDueOn).toBe("2027-01-12");
    expect(refusal(opened, { type: "extended", dueDate: "2027-01-12", reason: "complex", date: addWorkingDays(due, 1) })).toMatchObject({ title: "The reply is already late", field: "date" });
    // A second extension, after the first extended date has passed, likewise.
    const extended = run(opened, { type: "extended", dueDate: "2027-01-08", reason: "complex", date: "2026-12-18" });
    expect(refusal(extended, { type: "extended", dueDate: "2027-01-15", reason: "complex", date: "2027-01-11" })).toMatchObject({ title: "The reply is already late" });
  });

  it("lets a stage that began after its date (timed from the request) be extended as it begins, and not after", () => {
    // Stage 1 replied 13 February 2026; stage 2 asked for on 9 March, due 25 working days later; started 20 April.
    const replied = run(openCase(opening({ receivedOn: "2026-02-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-02-13" });
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2026-03-09", late: false });
    const started = run(asked, { type: "stage-started", stage: 2, date: "2026-04-20" });
    const due = currentStage(started).dueOn;
    expect(due < "2026-04-20").toBe(true);
    expect(run(started, { type: "extended", dueDate: "2026-05-29", reason: "complex", date: "2026-04-20" }).stages.at(-1)!.extendedDueOn).toBe("2026-05-29");
    expect(refusal(started, { type: "extended", dueDate: "2026-05-29", reason: "complex", date: "2026-04-21" })).toMatchObject({ title: "The reply is already late", field: "date" });
    // Never past the longest extension the regulations allow, from the request.
    expect(refusal(started, { type: "extended", dueDate: "2026-07-01", reason: "complex", date: "2026-04-20" })).toMatchObject({ title: "Past the longest extension allowed" });
  });

  it("refuses dates in the future, before the latest event, and a second acknowledgement", () => {
    expect(refusal(opened, { type: "acknowledged", date: "2027-07-01" })).toMatchObject({ field: "date" });
    const acknowledged = run(opened, { type: "acknowledged", date: "2026-12-21" });
    expect(refusal(acknowledged, { type: "advocate-assigned", date: "2026-12-20" })).toMatchObject({ title: "The date is before the case's latest event", field: "date" });
    expect(refusal(acknowledged, { type: "acknowledged", date: "2026-12-22" })).toMatchObject({ title: "Already acknowledged" });
    expect(refusal(opened, { type: "acknowledged", date: "2026-12-16" })).toMatchObject({ field: "date" });
  });

  it("takes only the Ombudsman or a reopening once closed; closing needs the open stage's reply; reopening needs a closed case", () => {
    expect(refusal(opened, { type: "closed", date: "2027-01-04" })).toMatchObject({ title: "The open stage has no reply" });
    expect(refusal(opened, { type: "reopened", date: "2027-01-04" })).toMatchObject({ title: "The case is open" });
    const closed = run(opened, { type: "replied", stage: 1, outcome: "resolved", date: "2027-01-04" }, { type: "closed", date: "2027-01-05" });
    expect(refusal(closed, { type: "stage-started", stage: 2, date: "2027-01-06" })).toMatchObject({ title: "The case is closed" });
    expect(refusal(closed, { type: "advocate-assigned", date: "2027-01-06" })).toMatchObject({ title: "The case is closed" });
    const reopened = run(closed, { type: "reopened", date: "2027-01-07" }, { type: "stage-started", stage: 2, date: "2027-01-07" });
    expect(currentStage(reopened).stage).toBe(2);
    expect(reopened.closedOn).toBeNull();
    // Each closing is kept with its reopening, so the annual report can tell whether it was closed on any day.
    expect(caseRecordOf(reopened).closings).toEqual([{ closedOn: "2027-01-05", reopenedOn: "2027-01-07" }]);
    expect(caseRecordOf(closed).closings).toEqual([{ closedOn: "2027-01-05", reopenedOn: null }]);
    expect(run(closed, { type: "ombudsman", action: "referred-back", date: "2027-02-01" }).ombudsman).toMatchObject({ referredBack: true, referredOn: null, referredBackOn: "2027-02-01" });
    // Sent back twice: the first time is its date. A record kept before the date was keeps none (its complaint's year).
    expect(run(closed, { type: "ombudsman", action: "referred-back", date: "2027-02-01" }, { type: "ombudsman", action: "referred-back", date: "2027-05-03" }).ombudsman?.referredBackOn).toBe("2027-02-01");
    const olderRecord: CaseState = { ...closed, ombudsman: { referredOn: null, referredBack: true, decidedOn: null, decision: null } };
    expect(run(olderRecord, { type: "ombudsman", action: "referred-back", date: "2027-05-03" }).ombudsman?.referredBackOn).toBeUndefined();
    // A state kept before closings were: reopening keeps the closing it had.
    const { closings: _closings, ...olderClosed } = closed;
    expect(run(olderClosed, { type: "reopened", date: "2027-01-07" }).closings).toEqual([{ closedOn: "2027-01-05", reopenedOn: "2027-01-07" }]);
  });

  it("counts a complaint made over 12 months late as accepted out of time only once the council waives the limit, once", () => {
    const late = openCase(opening({ madeLate: true }), timetable);
    expect(caseRecordOf(late).acceptedOutOfTime).toBe(false);
    const waived = run(late, { type: "time-limit-waived", date: "2026-12-18" });
    expect(caseRecordOf(waived).acceptedOutOfTime).toBe(true);
    expect(refusal(waived, { type: "time-limit-waived", date: "2026-12-21" })).toMatchObject({ title: "Already accepted" });
  });

  it("refuses an Ombudsman decision before a referral, and a second referral or decision", () => {
    expect(refusal(opened, { type: "ombudsman", action: "decided", decision: "upheld", date: "2027-01-04" })).toMatchObject({ title: "Not with the Ombudsman" });
    const referred = run(opened, { type: "ombudsman", action: "referred", date: "2027-01-04" });
    expect(refusal(referred, { type: "ombudsman", action: "referred", date: "2027-01-05" })).toMatchObject({ title: "Already with the Ombudsman" });
    const decided = run(referred, { type: "ombudsman", action: "decided", decision: "advice-given", date: "2027-01-05" });
    expect(refusal(decided, { type: "ombudsman", action: "decided", decision: "upheld", date: "2027-01-06" })).toMatchObject({ title: "Already decided" });
  });

  it("offers the next stage for 20 working days after a reply, then says the time has passed", () => {
    const replied = run(opened, { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" });
    expect(nextStageOffer(opened, timetable, "2027-01-04")).toBeNull();
    expect(nextStageOffer(replied, timetable, "2027-02-01")).toEqual({ stage: 2, until: "2027-02-01", inTime: true });
    expect(nextStageOffer(replied, timetable, "2027-02-02")).toEqual({ stage: 2, until: "2027-02-01", inTime: false });
    const atStage3 = run(replied, { type: "stage-started", stage: 2, date: "2027-01-05" }, { type: "replied", stage: 2, outcome: "upheld", date: "2027-01-06" }, { type: "stage-started", stage: 3, date: "2027-01-07" }, { type: "replied", stage: 3, outcome: "upheld", date: "2027-01-08" });
    expect(nextStageOffer(atStage3, timetable, "2027-01-09")).toBeNull();
  });

  it("rebuilds the same state from the timeline", () => {
    const events: TimelineEvent[] = [
      { type: "acknowledged", date: "2026-12-18" },
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" },
      { type: "next-stage-requested", stage: 2, date: "2027-01-06", late: false },
    ];
    expect(replay(opening(), events, timetable)).toEqual(run(opened, ...events));
  });
});

describe("a public health complaint", () => {
  const opened = openCase(opening({ service: "public-health" }), timetable);
  it("has one stage: no stage 2, and no next stage to offer", () => {
    const replied = run(opened, { type: "replied", stage: 1, outcome: "upheld", date: "2027-01-04" });
    expect(refusal(replied, { type: "stage-started", stage: 2, date: "2027-01-05" })).toMatchObject({ title: "No such stage" });
    expect(nextStageOffer(replied, timetable, "2027-01-05")).toBeNull();
  });
  it("may be put back to the end of the 6 months commencing on the day received, or longer if agreed before they end", () => {
    // Received 17 December 2026: the 6 months commencing that day end on 16 June 2027.
    expect(opened.latestExtension).toBe("2027-06-16");
    expect(stageLimits(timetable, "public-health", 1, "2025-08-04").latestExtension).toBe("2026-02-03");
    expect(stageLimits(timetable, "public-health", 1, "2025-08-31").latestExtension).toBe("2026-02-28");
    expect(stageLimits(timetable, "public-health", 1, "2025-08-01").latestExtension).toBe("2026-01-31");
    expect(run(opened, { type: "extended", dueDate: "2027-06-16", reason: "complex", date: "2027-01-04" }).stages[0]!.extendedDueOn).toBe("2027-06-16");
    // "Such longer period as may be agreed before the expiry of that period": agreed in time, it may go beyond.
    const longer = run(opened, { type: "extended", dueDate: "2027-08-02", reason: "person-agreed", date: "2027-01-04" });
    expect(longer.stages[0]!.extendedDueOn).toBe("2027-08-02");
    // Once the 6 months have ended, no agreement made then takes it further.
    expect(refusal(longer, { type: "extended", dueDate: "2027-09-01", reason: "person-agreed", date: "2027-06-28" })).toMatchObject({ title: "Past the longest extension allowed" });
  });
});

describe("a complaint sent as \"not sure\" which service", () => {
  const opened = openCase(opening({ service: "not-sure" }), timetable);

  it("is to be acknowledged in the shorter time, public health's, until it is settled", () => {
    expect(opened.acknowledgementDueOn).toBe(acknowledgementDue(timetable, "public-health", "2026-12-17"));
    expect(acknowledgementDue(timetable, "public-health", "2026-12-17")).not.toBe(acknowledgementDue(timetable, "childrens-social-care", "2026-12-17"));
    const settled = run(opened, { type: "service-settled", service: "childrens-social-care", date: "2026-12-18" });
    expect(settled.acknowledgementDueOn).toBe(acknowledgementDue(timetable, "childrens-social-care", "2026-12-17"));
    // Acknowledged after the shorter time, then settled to the service with the longer: in time, as it turned out.
    const day4 = addWorkingDays("2026-12-17", 4);
    const acknowledgedLate = run(opened, { type: "acknowledged", date: day4 });
    expect(day4 > acknowledgedLate.acknowledgementDueOn).toBe(true);
    const thenSettled = run(acknowledgedLate, { type: "service-settled", service: "childrens-social-care", date: day4 });
    expect(thenSettled.acknowledgementDueOn).toBe(acknowledgementDue(timetable, "childrens-social-care", "2026-12-17"));
    expect(caseRecordOf(thenSettled).acknowledgedOn! <= caseRecordOf(thenSettled).acknowledgementDueOn).toBe(true);
  });

  it("is settled by staff to one service, then counted and timed as that service's", () => {
    const settled = run(opened, { type: "service-settled", service: "public-health", date: "2026-12-18" });
    expect(settled.service).toBe("public-health");
    expect(caseRecordOf(settled).service).toBe("public-health");
    // Public health's acknowledgement (3 working days) and its reply, extendable to 6 months, from when each began.
    expect(settled.acknowledgementDueOn).toBe(acknowledgementDue(timetable, "public-health", "2026-12-17"));
    expect(currentStage(settled).dueOn).toBe(stageLimits(timetable, "public-health", 1, "2026-12-17").dueOn);
    expect(run(settled, { type: "extended", dueDate: "2027-06-17", reason: "complex", date: "2027-01-04" }).stages[0]!.extendedDueOn).toBe("2027-06-17");
    expect(run(opened, { type: "service-settled", service: "childrens-social-care", date: "2026-12-18" }).service).toBe("childrens-social-care");
  });

  it("is settled once, only from \"not sure\", and not to public health once past stage 1", () => {
    const settled = run(opened, { type: "service-settled", service: "childrens-social-care", date: "2026-12-18" });
    expect(refusal(settled, { type: "service-settled", service: "public-health", date: "2026-12-19" })).toMatchObject({ title: "The service is settled", field: "service" });
    const atStage2 = run(opened, { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" }, { type: "stage-started", stage: 2, date: "2027-01-05" });
    expect(refusal(atStage2, { type: "service-settled", service: "public-health", date: "2027-01-06" })).toMatchObject({ title: "No such stage" });
  });

  it("is typed as the case system sends it, and refuses \"not sure\" as a settled service", () => {
    expect(caseEventSchema.safeParse({ type: "service-settled", service: "public-health" }).success).toBe(true);
    expect(caseEventSchema.safeParse({ type: "service-settled", service: "not-sure" }).success).toBe(false);
  });
});

describe("a complaint that went straight to stage 2", () => {
  it("starts at stage 2 with its 25 working days", () => {
    const opened = openCase(opening({ firstStage: 2, receivedOn: "2027-03-01", acceptedOutOfTime: true }), timetable);
    expect(currentStage(opened)).toMatchObject({ stage: 2, dueOn: "2027-04-07" });
    expect(caseRecordOf(opened)).toMatchObject({ firstStage: 2, acceptedOutOfTime: true });
  });
});

describe("the events' schema", () => {
  it("names the field at fault", () => {
    const paths = (value: unknown) => caseEventSchema.safeParse(value).error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths({ type: "replied", stage: 1, outcome: "sort-of" })).toEqual(["outcome"]);
    expect(paths({ type: "replied", stage: 4, outcome: "upheld" })).toEqual(["stage"]);
    // Only stages 2 and 3 are asked for.
    expect(paths({ type: "next-stage-declined", stage: 1 })).toEqual(["stage"]);
    expect(paths({ type: "acknowledged", date: "02/12/2026" })).toEqual(["date"]);
    // Working days are known only for the bank-holiday years held: a date outside them is refused, not a crash.
    expect(paths({ type: "acknowledged", date: "1999-11-02" })).toEqual(["date"]);
    expect(paths({ type: "extended", reason: "complex", dueDate: "2099-01-05" })).toEqual(["dueDate"]);
    expect(paths({ type: "extended", reason: "complex" })).toEqual(["dueDate"]);
    expect(paths({ type: "ombudsman", action: "decided" })).toEqual(["decision"]);
    expect(paths({ type: "teleported" })).toEqual(["type"]);
    expect(paths({ type: "closed", surprise: true })).toEqual([""]);
  });
});

// Which requests for the next stage the digest lists: one the council can start now, for as long as that stage
// would take, and never one it cannot start (a stage the service does not have, or one after a stage still open).
const listed = (state: CaseState, today: string) => buildDigest([{ reference: state.reference, state }], timetable, today).nextStageNotStarted;
/** The dates a requested stage's limits already run to, from the request (decision 067), as a digest line has them. */
const runningFrom = (stage: 2 | 3, askedOn: string) => {
  const limits = stageLimits(timetable, "childrens-social-care", stage, askedOn);
  return { replyDueOn: limits.dueOn, ...(limits.panelDueOn ? { panelDueOn: limits.panelDueOn } : {}) };
};

describe("requests for the next stage in the digest", () => {
  const replied = run(openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" });

  it("lists one the council can start, with the working days since, until the council answers it", () => {
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false });
    expect(listed(asked, "2026-11-23")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2026-11-20", days: 1, ...runningFrom(2, "2026-11-20") }]);
    // Long after the stage would have been due, a request nobody answered is still there, older.
    expect(listed(asked, "2027-02-01")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2026-11-20", days: 48, ...runningFrom(2, "2026-11-20") }]);
    // Closing the case (as after a reply) does not answer it; starting the stage or declining the request does.
    expect(listed(run(asked, { type: "closed", date: "2026-11-23" }), "2026-11-24")).toHaveLength(1);
    expect(listed(run(asked, { type: "stage-started", stage: 2, date: "2026-11-24" }), "2026-11-25")).toEqual([]);
    expect(listed(run(asked, { type: "closed", date: "2026-11-23" }, { type: "next-stage-declined", stage: 2, date: "2026-11-24" }), "2026-11-25")).toEqual([]);
  });

  it("times a stage started after a request from the request, as the person was promised, and from its start otherwise", () => {
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false });
    expect(currentStage(run(asked, { type: "stage-started", stage: 2, date: "2026-11-27" })).dueOn).toBe(stageLimits(timetable, "childrens-social-care", 2, "2026-11-20").dueOn);
    expect(currentStage(run(asked, { type: "stage-started", stage: 2, date: "2026-11-27" })).startedOn).toBe("2026-11-27");
    expect(currentStage(run(replied, { type: "stage-started", stage: 2, date: "2026-11-27" })).dueOn).toBe(stageLimits(timetable, "childrens-social-care", 2, "2026-11-27").dueOn);
  });

  it("counts a stage's working days from the day its due date counts from, so a late reply never looks in time", () => {
    // Stage 1 replied 15 May 2025; stage 2 asked for on 2 June, started 16 June, replied 14 July: due 7 July (25
    // working days from the request), so late, and 29 working days from the request, not the 20 from its start.
    const events: TimelineEvent[] = [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2025-05-15" },
      { type: "next-stage-requested", stage: 2, date: "2025-06-02", late: false },
      { type: "stage-started", stage: 2, date: "2025-06-16" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2025-07-14" },
    ];
    const state = run(openCase(opening({ receivedOn: "2025-05-01" }), timetable), ...events);
    expect(currentStage(state)).toMatchObject({ startedOn: "2025-06-16", timedFrom: "2025-06-02", dueOn: "2025-07-07", timeliness: "late", workingDays: 30 });
    expect(caseRecordOf(state).stages[1]).toMatchObject({ timedFrom: "2025-06-02", workingDays: 30 });
    // The stored timeline replays to the same state.
    expect(replay(opening({ receivedOn: "2025-05-01" }), events, timetable)).toEqual(state);
    // Started with no request waiting (a call or a letter): from its start, as before.
    const called = run(openCase(opening({ receivedOn: "2025-05-01" }), timetable), events[0]!, events[2]!, events[3]!);
    expect(currentStage(called)).toMatchObject({ timedFrom: "2025-06-16", workingDays: 20 });
    // A record kept before `timedFrom` was counts from its start.
    const { timedFrom: _timedFrom, ...kept } = currentStage(run(openCase(opening({ receivedOn: "2025-05-01" }), timetable), ...events.slice(0, 3)));
    const older = { ...state, stages: [state.stages[0]!, { ...kept }], closedOn: null };
    const applied = applyEvent(older, events[3]!, timetable, today);
    expect(applied.ok && currentStage(applied.state).workingDays).toBe(20);
  });

  it("times a stage from its start when the request for it came before the last stage's reply", () => {
    const early = run(openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable), { type: "next-stage-requested", stage: 2, date: "2026-11-10", late: false }, { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" });
    expect(currentStage(run(early, { type: "stage-started", stage: 2, date: "2026-11-20" })).dueOn).toBe(stageLimits(timetable, "childrens-social-care", 2, "2026-11-20").dueOn);
    // The digest lists it with no date running: none does until the stage starts.
    expect(listed(early, "2026-11-16")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2026-11-10", days: 4 }]);
  });

  it("keeps a closed case while the person may still ask for the next stage, and while a request of theirs waits", () => {
    const closed = run(replied, { type: "closed", date: "2026-11-16" });
    const askBy = addWorkingDays("2026-11-13", timetable.childrensSocialCare.stage2.requestWithin);
    expect(closedCaseNeededUntil(closed, timetable)).toBe(askBy);
    const lateRequest = run(closed, { type: "next-stage-requested", stage: 2, date: "2027-01-20", late: true });
    expect(closedCaseNeededUntil(lateRequest, timetable)).toBe("2027-01-20");
    expect(closedCaseNeededUntil(run(lateRequest, { type: "next-stage-declined", stage: 2, date: "2027-01-21" }), timetable)).toBe(askBy);
    // No next stage after public health's reply: its closing.
    const publicHealth = run(openCase(opening({ service: "public-health", receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "upheld", date: "2026-11-13" }, { type: "closed", date: "2026-11-16" });
    expect(closedCaseNeededUntil(publicHealth, timetable)).toBe("2026-11-16");
  });

  it("lists a case replied to and not closed once nothing keeps it open: the time to ask has ended, or there is no next stage", () => {
    const toClose = (state: CaseState, today: string) => buildDigest([{ reference: state.reference, state }], timetable, today).toClose;
    const askBy = addWorkingDays("2026-11-13", timetable.childrensSocialCare.stage2.requestWithin);
    // While the person may still ask for stage 2, the case waits; the day after their time ends, it is listed.
    expect(toClose(replied, askBy)).toEqual([]);
    expect(toClose(replied, addWorkingDays(askBy, 1))).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 1, repliedOn: "2026-11-13", askBy }]);
    // A request waiting keeps it open (it is listed as a request instead); closing it takes it off.
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false });
    expect(toClose(asked, addWorkingDays(askBy, 1))).toEqual([]);
    expect(toClose(run(replied, { type: "closed", date: "2026-11-16" }), addWorkingDays(askBy, 1))).toEqual([]);
    // Declined, the request no longer keeps it open.
    expect(toClose(run(asked, { type: "next-stage-declined", stage: 2, date: "2026-11-23" }), addWorkingDays(askBy, 1))).toHaveLength(1);
    // Public health has no next stage at the council: listed from the day after its reply.
    const publicHealth = run(openCase(opening({ service: "public-health", receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "upheld", date: "2026-11-13" });
    expect(toClose(publicHealth, "2026-11-16")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 1, repliedOn: "2026-11-13", askBy: null }]);
    // An open stage is not listed.
    expect(toClose(openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable), "2027-06-01")).toEqual([]);
  });

  it("declines only a request that is waiting, once, and marks it declined", () => {
    expect(refusal(replied, { type: "next-stage-declined", stage: 2, date: "2026-11-20" })).toMatchObject({ title: "No request waiting", field: "stage" });
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: true });
    const declined = run(asked, { type: "next-stage-declined", stage: 2, date: "2026-11-23" });
    expect(declined.nextStageRequests).toEqual([{ stage: 2, on: "2026-11-20", late: true, answeredOn: "2026-11-23", declined: true }]);
    expect(refusal(declined, { type: "next-stage-declined", stage: 2, date: "2026-11-24" })).toMatchObject({ title: "No request waiting" });
    // Sent on as case.updated, in the schema the case system is given; so is a waived time limit, and a referral back's date.
    const event = { type: "next-stage-declined", stage: 2, date: "2026-11-23" } as const;
    expect(caseUpdatedPayloadSchema.safeParse(caseUpdatedPayload("C-7K4M-2Q9P-W", 4, "staff", event, declined, timetable, Date.parse("2026-11-23T10:00:00Z"))).error?.issues ?? []).toEqual([]);
    const waived = run(declined, { type: "time-limit-waived", date: "2026-11-24" }, { type: "ombudsman", action: "referred-back", date: "2026-11-25" });
    expect(caseUpdatedPayloadSchema.safeParse(caseUpdatedPayload("C-7K4M-2Q9P-W", 6, "staff", { type: "ombudsman", action: "referred-back", date: "2026-11-25" }, waived, timetable, Date.parse("2026-11-25T10:00:00Z"))).error?.issues ?? []).toEqual([]);
    expect(run(asked, { type: "stage-started", stage: 2, date: "2026-11-23" }).nextStageRequests).toEqual([{ stage: 2, on: "2026-11-20", late: true, answeredOn: "2026-11-23" }]);
  });

  it("counts someone who asks for an advocate with the request as having asked for one, closed case or not", () => {
    expect(run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false }).advocateAsked).toBe(false);
    expect(run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false, advocate: true }).advocateAsked).toBe(true);
    const closed = run(replied, { type: "closed", date: "2026-11-16" });
    expect(caseRecordOf(run(closed, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false, advocate: true })).advocateAsked).toBe(true);
  });

  it("settles a request as it is recorded: one that skips a stage is for the next, one for a stage under way is answered by it", () => {
    const ask = (state: CaseState, stage: 2 | 3, date: string) => run(state, settleRequest(state, { type: "next-stage-requested", stage, date, late: false }));
    const skipping = ask(replied, 3, "2026-11-20");
    expect(skipping.nextStageRequests).toEqual([{ stage: 2, on: "2026-11-20", late: false, answeredOn: null }]);
    expect(settleRequest(replied, { type: "next-stage-requested", stage: 3, date: "2026-11-20", late: false })).toMatchObject({ stage: 2, picked: 3, answered: false });
    expect(listed(skipping, "2026-11-23")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2026-11-20", days: 1, ...runningFrom(2, "2026-11-20") }]);
    expect(currentStage(run(skipping, { type: "stage-started", stage: 2, date: "2026-11-24" })).dueOn).toBe(stageLimits(timetable, "childrens-social-care", 2, "2026-11-20").dueOn);
    // While stage 2 is open: "stage 2" again is answered by it; "stage 3" waits for its reply.
    const atStage2 = run(replied, { type: "stage-started", stage: 2, date: "2026-11-16" });
    const again = ask(atStage2, 2, "2026-11-20");
    expect(again.nextStageRequests).toEqual([{ stage: 2, on: "2026-11-20", late: false, answeredOn: "2026-11-20" }]);
    expect(ask(atStage2, 3, "2026-11-20").nextStageRequests).toEqual([{ stage: 3, on: "2026-11-20", late: false, answeredOn: null }]);
    // After stage 2's reply, "stage 2" means going further: a request for stage 3, listed until answered.
    const replied2 = run(atStage2, { type: "replied", stage: 2, outcome: "upheld", date: "2026-12-01" }, { type: "closed", date: "2026-12-01" });
    const further = ask(replied2, 2, "2026-12-02");
    expect(further.nextStageRequests).toEqual([{ stage: 3, on: "2026-12-02", late: false, answeredOn: null }]);
    expect(listed(further, "2026-12-03")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 3, askedOn: "2026-12-02", days: 1, ...runningFrom(3, "2026-12-02") }]);
    expect(run(further, { type: "next-stage-declined", stage: 3, date: "2026-12-03" }).nextStageRequests[0]).toMatchObject({ declined: true });
    // After stage 3's reply there is no next stage at the council: answered on arrival.
    const done = run(replied2, { type: "reopened", date: "2026-12-02" }, { type: "stage-started", stage: 3, date: "2026-12-02" }, { type: "replied", stage: 3, outcome: "upheld", date: "2026-12-04" });
    expect(ask(done, 3, "2026-12-07").nextStageRequests.at(-1)).toEqual({ stage: 3, on: "2026-12-07", late: false, answeredOn: "2026-12-07" });
  });

  it("reads a request stored before requests were settled as it was then: for the stage picked, waiting", () => {
    // A timeline recorded then (stage 3 asked for at stage 1, then declined) still replays.
    const opening_ = opening({ receivedOn: "2026-11-02", reach: null });
    const events: TimelineEvent[] = [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" },
      { type: "next-stage-requested", stage: 3, date: "2026-11-20", late: false },
      { type: "next-stage-declined", stage: 3, date: "2026-11-23" },
    ];
    expect(replay(opening_, events, timetable).nextStageRequests).toEqual([{ stage: 3, on: "2026-11-20", late: false, answeredOn: "2026-11-23", declined: true }]);
  });

  it("lists none for a stage after one still open, or a stage the service does not have", () => {
    const atStage2 = run(replied, { type: "stage-started", stage: 2, date: "2026-11-16" }, { type: "next-stage-requested", stage: 3, date: "2026-11-20", late: false });
    expect(listed(atStage2, "2026-11-23")).toEqual([]);
    const publicHealth = run(openCase(opening({ service: "public-health", receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" }, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false });
    expect(listed(publicHealth, "2026-11-23")).toEqual([]);
    // Public health has no stage 2: settled, the request waits for nothing, and does not keep a closed case.
    const phReplied = run(openCase(opening({ service: "public-health", receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" });
    const settled = run(phReplied, settleRequest(phReplied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false }));
    expect(settled.nextStageRequests).toEqual([{ stage: 2, on: "2026-11-20", late: false, answeredOn: "2026-11-20" }]);
    expect(closedCaseNeededUntil(run(settled, { type: "closed", date: "2026-11-23" }), timetable)).toBe("2026-11-23");
  });
});

// Stage 3 in its parts (decision 070): the panel meets within 30 working days, then the report and the response.
describe("stage 3's review panel", () => {
  const atStage2 = run(
    openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable),
    { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" },
    { type: "stage-started", stage: 2, date: "2026-11-16" },
  );
  const replied2 = run(atStage2, { type: "replied", stage: 2, outcome: "not-upheld", date: "2026-12-01" });
  const atStage3 = run(replied2, { type: "stage-started", stage: 3, date: "2026-12-02" });
  const { panelWithin, reportWithin, responseWithin } = timetable.childrensSocialCare.stage3;

  it("gives the panel its own day, from when the stage is timed", () => {
    expect(currentStage(atStage3)).toMatchObject({ dueOn: addWorkingDays("2026-12-02", panelWithin + reportWithin + responseWithin), panel: { dueOn: addWorkingDays("2026-12-02", panelWithin), heldOn: null } });
    // Timed from the person's request, as the reply is.
    const asked = run(replied2, { type: "next-stage-requested", stage: 3, date: "2026-12-01", late: false }, { type: "stage-started", stage: 3, date: "2026-12-09" });
    expect(currentStage(asked).panel).toEqual({ dueOn: addWorkingDays("2026-12-01", panelWithin), heldOn: null });
    // Stages 1 and 2 have no panel.
    expect(atStage2.stages.some((stage) => "panel" in stage)).toBe(false);
  });

  it("times the reply from the meeting, as the regulations do, whenever the panel met", () => {
    const early = run(atStage3, { type: "panel-held", date: "2026-12-10" });
    expect(currentStage(early)).toMatchObject({ panel: { heldOn: "2026-12-10" }, dueOn: addWorkingDays("2026-12-10", reportWithin + responseWithin) });
    expect(replyDueOn(early)).toBe(addWorkingDays("2026-12-10", reportWithin + responseWithin));
    // A panel that met after its day is late itself; the report and the response still have their time after it
    // (decision 078), so a response within it is in time, though after the whole stage's 50 days.
    const lateDay = addWorkingDays(currentStage(atStage3).panel!.dueOn, 10);
    const late = run(atStage3, { type: "panel-held", date: lateDay });
    expect(currentStage(late).dueOn).toBe(addWorkingDays(lateDay, reportWithin + responseWithin));
    expect(currentStage(late).dueOn > currentStage(atStage3).dueOn).toBe(true);
    const respondedLatePanel = run(late, { type: "replied", stage: 3, outcome: "not-upheld", date: addWorkingDays(lateDay, reportWithin + responseWithin - 1) });
    expect(currentStage(respondedLatePanel).timeliness).toBe("in-time");
    // A reply after the meeting's time is late, though within the whole stage's 50 days.
    const answered = run(early, { type: "replied", stage: 3, outcome: "not-upheld", date: addWorkingDays("2026-12-10", reportWithin + responseWithin + 1) });
    expect(currentStage(answered).timeliness).toBe("late");
  });

  it("refuses a panel anywhere but an open stage 3 whose panel has not met", () => {
    expect(refusal(atStage2, { type: "panel-held", date: "2026-12-01" })).toMatchObject({ title: "No review panel" });
    const held = run(atStage3, { type: "panel-held", date: "2026-12-10" });
    expect(refusal(held, { type: "panel-held", date: "2026-12-11" })).toMatchObject({ title: "The panel has met" });
    const answered = run(held, { type: "replied", stage: 3, outcome: "upheld", date: "2026-12-20" });
    expect(refusal(answered, { type: "panel-held", date: "2026-12-21" })).toMatchObject({ title: "Already replied" });
    expect(refusal(atStage3, { type: "panel-held", date: "2026-12-01" })).toMatchObject({ title: "The date is before stage 3 began", field: "date" });
    // A stage 3 kept before panels were recorded: its panel is due 30 working days from its start, and may be held.
    const { panel: _panel, ...older } = currentStage(atStage3);
    const kept = { ...atStage3, stages: [...atStage3.stages.slice(0, -1), older] };
    expect(buildDigest([{ reference: kept.reference, state: kept }], timetable, addWorkingDays("2026-12-02", panelWithin + 1)).panelsOverdue).toHaveLength(1);
    expect(currentStage(run(kept, { type: "panel-held", date: "2026-12-10" })).panel).toEqual({ dueOn: addWorkingDays("2026-12-02", panelWithin), heldOn: "2026-12-10" });
    expect(caseEventSchema.safeParse({ type: "panel-held", stage: 3 }).success).toBe(false);
  });

  it("takes the day the panel met though it is recorded after later events, and keeps the latest event's date", () => {
    const later = run(atStage3, { type: "advocate-assigned", date: "2026-12-15" }, { type: "panel-held", date: "2026-12-10" });
    expect(currentStage(later)).toMatchObject({ panel: { heldOn: "2026-12-10" }, dueOn: addWorkingDays("2026-12-10", reportWithin + responseWithin) });
    expect(later.lastEventOn).toBe("2026-12-15");
    expect(refusal(later, { type: "acknowledged", date: "2026-12-14" })).toMatchObject({ title: "The date is before the case's latest event" });
  });

  it("lists a panel that has not met in the digest, due soon or overdue, until it has", () => {
    const panelDue = currentStage(atStage3).panel!.dueOn;
    const digestOn = (state: CaseState, day: string) => buildDigest([{ reference: state.reference, state }], timetable, day);
    expect(digestOn(atStage3, "2026-12-10")).toMatchObject({ panelsDueSoon: [], panelsOverdue: [] });
    expect(digestOn(atStage3, panelDue).panelsDueSoon).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 3, dueOn: panelDue, days: 0 }]);
    const after = addWorkingDays(panelDue, 2);
    expect(digestOn(atStage3, after).panelsOverdue).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 3, dueOn: panelDue, days: 2 }]);
    const held = run(atStage3, { type: "panel-held", date: "2026-12-10" });
    expect(digestOn(held, after)).toMatchObject({ panelsDueSoon: [], panelsOverdue: [] });
    // Sent on as case.updated, in the schema the case system is given.
    const payload = caseUpdatedPayload("C-7K4M-2Q9P-W", 6, "staff", { type: "panel-held", date: "2026-12-10" }, held, timetable, Date.parse("2026-12-10T10:00:00Z"));
    expect(caseUpdatedPayloadSchema.safeParse(payload).error?.issues ?? []).toEqual([]);
    expect(payload.data.case).toMatchObject({ panelDueOn: panelDue, panelHeldOn: "2026-12-10" });
  });
});

describe("requests that cannot come next, and stage 3s kept before panels", () => {
  const digestOn = (state: CaseState, day: string) => buildDigest([{ reference: state.reference, state }], timetable, day);

  it("offers no next stage after a withdrawal or a decision not to consider, lists the case to close, and a request then to be answered", () => {
    const opened = openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable);
    for (const outcome of ["withdrawn", "not-considered"] as const) {
      const ended = run(opened, { type: "replied", stage: 1, outcome, date: "2026-11-13" });
      expect(nextStageOffer(ended, timetable, "2026-11-16")).toBeNull();
      expect(refusal(ended, { type: "stage-started", stage: 2, date: "2026-11-16" }).title).toBe("The complaint has ended");
      // Listed as ended that way, with no time to ask for a next stage it does not have.
      expect(digestOn(ended, "2026-11-16").toClose).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 1, repliedOn: "2026-11-13", askBy: null, ended: outcome }]);
      // The person may still ask (by phone, say): there is nothing to wait for, so it is answered as it comes, as
      // public health's is, and the next-stage form suggests no stage.
      expect(stageAfter(ended)).toBeNull();
      const asked = run(ended, settleRequest(ended, { type: "next-stage-requested", stage: 2, date: "2026-11-16", late: false }));
      expect(asked.nextStageRequests).toEqual([{ stage: 2, on: "2026-11-16", late: false, answeredOn: "2026-11-16" }]);
      expect(digestOn(asked, "2026-11-17")).toMatchObject({ nextStageNotStarted: [], nextStageCannotStart: [] });
    }
    // A reply offers it, as ever.
    expect(nextStageOffer(run(opened, { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" }), timetable, "2026-11-16")).toMatchObject({ stage: 2, inTime: true });
  });

  it("lists a request that can never start as it is, to be answered, until it is declined", () => {
    // Sent as "not sure", stage 2 asked for after the reply, then settled to public health (which has no stage 2).
    const notSure = run(openCase(opening({ service: "not-sure", receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" });
    const asked = run(notSure, settleRequest(notSure, { type: "next-stage-requested", stage: 2, date: "2026-11-16", late: false }));
    const settled = run(asked, { type: "service-settled", service: "public-health", date: "2026-11-17" }, { type: "closed", date: "2026-11-17" });
    expect(digestOn(settled, "2026-11-18")).toMatchObject({ nextStageNotStarted: [], nextStageCannotStart: [{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2026-11-16", at: 1, days: 2 }] });
    expect(digestOn(run(settled, { type: "next-stage-declined", stage: 2, date: "2026-11-18" }), "2026-11-19").nextStageCannotStart).toEqual([]);
    // A request for the stage after an open one waits for its reply, unlisted.
    const atStage2 = run(notSure, { type: "stage-started", stage: 2, date: "2026-11-16" });
    expect(digestOn(run(atStage2, settleRequest(atStage2, { type: "next-stage-requested", stage: 3, date: "2026-11-17", late: false })), "2026-11-18")).toMatchObject({ nextStageNotStarted: [], nextStageCannotStart: [] });
  });

  it("lists a request stored before requests were settled that skips a stage, and the person's page says they asked", () => {
    const replied = run(openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" });
    const stored = run(replied, { type: "next-stage-requested", stage: 3, date: "2026-11-16", late: false }, { type: "closed", date: "2026-11-16" });
    expect(digestOn(stored, "2026-11-17").nextStageCannotStart).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 3, askedOn: "2026-11-16", at: 1, days: 1 }]);
    // They asked to go further: the page says they asked for the stage that comes next.
    expect(progressView(stored, timetable, "2026-11-17").nextStage).toEqual({ kind: "asked", stage: 2, on: "2026-11-16", late: false });
    // Asked again, settled: that request is the one the page gives.
    const again = run(stored, settleRequest(stored, { type: "next-stage-requested", stage: 2, date: "2026-11-18", late: false }));
    expect(progressView(again, timetable, "2026-11-19").nextStage).toEqual({ kind: "asked", stage: 2, on: "2026-11-18", late: false });
    // Stage 2 declined by the council: the older request for stage 3 does not say they are waiting for it.
    const declined = run(again, { type: "next-stage-declined", stage: 2, date: "2026-11-19" });
    expect(progressView(declined, timetable, "2026-11-20").nextStage).toBeNull();
  });

  it("times the panel of a stage 3 kept before panels from the same day as its reply, the person's request", () => {
    const replied2 = run(
      openCase(opening({ receivedOn: "2026-11-02", reach: null }), timetable),
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-05" },
      { type: "stage-started", stage: 2, date: "2026-11-06" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2026-12-01" },
    );
    const asked = run(replied2, settleRequest(replied2, { type: "next-stage-requested", stage: 3, date: "2026-12-01", late: false }), { type: "stage-started", stage: 3, date: "2026-12-15" });
    const { panel: _panel, ...older } = currentStage(asked);
    expect(panelOf(older, timetable)).toEqual({ dueOn: addWorkingDays("2026-12-01", timetable.childrensSocialCare.stage3.panelWithin), heldOn: null });
    expect(panelOf(older, timetable)).toEqual(currentStage(asked).panel);
    // The case system is told the same day in case.updated.
    const kept: CaseState = { ...asked, stages: [...asked.stages.slice(0, -1), older] };
    const payload = caseUpdatedPayload("C-7K4M-2Q9P-W", 5, "staff", { type: "stage-started", stage: 3, date: "2026-12-15" }, kept, timetable, Date.parse("2026-12-15T10:00:00Z"));
    expect(payload.data.case).toMatchObject({ stage: 3, panelDueOn: currentStage(asked).panel!.dueOn, panelHeldOn: null });
  });

  it("keeps a reply timed from the panel's meeting when a 'not sure' service is settled after it", () => {
    const notSure = run(
      openCase(opening({ service: "not-sure", receivedOn: "2026-11-02", reach: null }), timetable),
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-05" },
      { type: "stage-started", stage: 2, date: "2026-11-06" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2026-12-01" },
      { type: "stage-started", stage: 3, date: "2026-12-02" },
    );
    const heldFirst = run(notSure, { type: "panel-held", date: "2026-12-10" }, { type: "service-settled", service: "childrens-social-care", date: "2026-12-11" });
    const settledFirst = run(notSure, { type: "service-settled", service: "childrens-social-care", date: "2026-12-11" }, { type: "panel-held", date: "2026-12-10" });
    expect(currentStage(heldFirst).dueOn).toBe(currentStage(settledFirst).dueOn);
  });
});
