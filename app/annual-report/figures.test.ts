import { describe, expect, it } from "vitest";
import type { CaseRecord, ReportInput, SubmissionRecord } from "~/cases/case-record";
import type { TimelineEvent } from "~/cases/case-events";
import { caseRecordOf, replay } from "~/cases/case-state";
import { exampleTimetable } from "../../tests/support/example-timetable";
import { seedYear, seedYearInput } from "../../tests/support/seed-year";
import { computeFigures, type Count } from "./figures";
import { financialYear } from "./report-period";

const now = (count: Count) => count.value;
const before = (count: Count) => count.previous;

describe("the seed year's figures (section 7 of the 2017/18 report)", () => {
  const figures = computeFigures(seedYearInput(), seedYear);
  const csc = figures.services["childrens-social-care"];

  it("compares with 2016/17, which has figures", () => {
    expect(figures.previousPeriod).toEqual(financialYear(2016));
    expect(figures.hasPrevious).toBe(true);
  });

  it("8 compliments, all about children's social care", () => {
    expect(now(figures.compliments.total)).toBe(8);
    expect(now(figures.compliments.byService["childrens-social-care"])).toBe(8);
    expect(now(figures.compliments.quotations)).toBe(7);
    expect(before(figures.compliments.total)).toBe(10);
  });

  it("18 complaints, the same as the previous year: 2 care leavers, 2 connected carers, 13 parents, 1 grandparent", () => {
    expect(now(csc.received)).toBe(18);
    expect(before(csc.received)).toBe(18);
    expect(now(csc.byRole["care-leaver"])).toBe(2);
    expect(now(csc.byRole["foster-or-kinship-carer"])).toBe(2);
    expect(now(csc.byRole.parent)).toBe(13);
    expect(now(csc.byRole["grandparent-or-relative"])).toBe(1);
    expect(now(csc.byRole["child-or-young-person"]) + now(csc.byRole["special-guardian"]) + now(csc.byRole["someone-else"]) + now(csc.byRole["not-recorded"])).toBe(0);
    expect(Object.values(csc.byMonth).reduce((sum, count) => sum + count.value, 0)).toBe(18);
  });

  it("16 first at stage 1: 12 resolved there, 4 progressed to stage 2 (2 concluded, 2 open)", () => {
    const stage1 = csc.firstStage.stage1;
    expect(now(stage1.total)).toBe(16);
    expect(now(stage1.resolvedAtStage1)).toBe(12);
    expect(now(stage1.progressedToStage2.total)).toBe(4);
    expect(now(stage1.progressedToStage2.concluded)).toBe(2);
    expect(now(stage1.progressedToStage2.open)).toBe(2);
    expect(now(stage1.progressedToStage3)).toBe(0);
    expect(now(stage1.openAtStage1)).toBe(0);
  });

  it("2 went straight to stage 2, 1 accepted outside the 12-month limit; 14 concluded and 4 open", () => {
    expect(now(csc.firstStage.stage2.total)).toBe(2);
    expect(now(csc.firstStage.stage2.open)).toBe(2);
    expect(now(csc.acceptedOutOfTime)).toBe(1);
    expect(now(csc.concluded)).toBe(14);
    expect(now(csc.open)).toBe(4);
  });

  it("1 care leaver with an advocate", () => {
    expect(now(csc.advocacy.arranged)).toBe(1);
    expect(now(csc.advocacy.arrangedByRole["care-leaver"])).toBe(1);
  });

  it("none considered by the Ombudsman, 1 referred back", () => {
    expect(now(csc.ombudsman.considered)).toBe(0);
    expect(now(csc.ombudsman.referredBack)).toBe(1);
    expect(now(csc.ombudsman.decided)).toBe(0);
  });

  it("4 carried forward at stage 2; 2 carried in from 2016/17, both concluded at stage 2", () => {
    expect(now(csc.carriedForward.total)).toBe(4);
    expect(now(csc.carriedForward.atStage.stage2)).toBe(4);
    expect(now(csc.carriedIn.total)).toBe(2);
    expect(now(csc.carriedIn.concluded.total)).toBe(2);
    expect(now(csc.carriedIn.concluded.atStage.stage2)).toBe(2);
    expect(now(csc.carriedIn.open)).toBe(0);
    expect(before(csc.carriedForward.total)).toBe(2);
  });

  it("replies counted when they were sent, with their timeliness, outcomes and median working days", () => {
    const stage1 = csc.timeliness.stage1;
    expect([now(stage1.replied), now(stage1.inTime), now(stage1.extended), now(stage1.late)]).toEqual([16, 12, 3, 1]);
    expect(stage1.medianDays.value).toBe(9.5);
    const stage2 = csc.timeliness.stage2;
    expect([now(stage2.replied), now(stage2.inTime), now(stage2.extended), now(stage2.late)]).toEqual([4, 1, 2, 1]);
    expect(stage2.medianDays.value).toBe(51);
    expect(stage2.medianDays.previous).toBeNull();
    expect(now(csc.outcomes.stage1.upheld) + now(csc.outcomes.stage1["partly-upheld"]) + now(csc.outcomes.stage1["not-upheld"]) + now(csc.outcomes.stage1.resolved)).toBe(16);
  });

  it("no public health complaints", () => {
    const ph = figures.services["public-health"];
    expect(now(ph.received)).toBe(0);
    expect(now(ph.carriedForward.total)).toBe(0);
  });

  it("declares sums that hold: every partition's parts add up to its total, in both periods", () => {
    for (const { total, parts } of figures.partitions) {
      expect(parts.reduce((sum, part) => sum + part.value, 0)).toBe(total.value);
      expect(parts.reduce((sum, part) => sum + (part.previous ?? 0), 0)).toBe(total.previous ?? 0);
    }
  });
});

const portalCase = (receivedOn: string, overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  service: "childrens-social-care",
  role: "parent",
  receivedOn,
  channel: "portal",
  reach: { language: "en", javascript: true, widthBand: "narrow" },
  firstStage: 1,
  stages: [{ stage: 1, startedOn: receivedOn, dueOn: receivedOn, extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null }],
  acknowledgedOn: null,
  acknowledgementDueOn: receivedOn,
  advocateAsked: false,
  advocateArranged: false,
  acceptedOutOfTime: false,
  ombudsman: null,
  closedOn: null,
  ...overrides,
});

const submission = (kind: string, receivedOn: string, overrides: Partial<SubmissionRecord> = {}): SubmissionRecord => ({
  kind,
  receivedOn,
  service: null,
  role: null,
  channel: "portal",
  reach: { language: "pl", javascript: false, widthBand: null },
  facts: {},
  ...overrides,
});

describe("figures from other records", () => {
  const year = financialYear(2025);

  it("says there are no previous figures when nothing was recorded before the year began", () => {
    const figures = computeFigures({ cases: [portalCase("2025-06-02")], submissions: [], quotations: [] }, year);
    expect(figures.hasPrevious).toBe(false);
    expect(figures.services["childrens-social-care"].received).toEqual({ value: 1, previous: null });
    expect(figures.recordsBegin).toBe("2025-06-02");
  });

  it("has previous figures, possibly of 0, once anything was recorded before the year began", () => {
    const input: ReportInput = { cases: [portalCase("2025-06-02")], submissions: [submission("compliment", "2025-01-10")], quotations: [] };
    const figures = computeFigures(input, year);
    expect(figures.hasPrevious).toBe(true);
    expect(figures.services["childrens-social-care"].received).toEqual({ value: 1, previous: 0 });
  });

  it("counts a case closed after the end of the period as open at its end", () => {
    const closedLater = portalCase("2026-03-20", { closedOn: "2026-04-02" });
    const figures = computeFigures({ cases: [closedLater], submissions: [], quotations: [] }, year);
    const csc = figures.services["childrens-social-care"];
    expect([csc.open.value, csc.concluded.value, csc.firstStage.stage1.openAtStage1.value, csc.carriedForward.total.value]).toEqual([1, 0, 1, 1]);
  });

  it("counts complaints by when they were acknowledged: in time, after it, or not by the period's end", () => {
    const cases = [
      portalCase("2025-06-02", { acknowledgementDueOn: "2025-06-09", acknowledgedOn: "2025-06-09" }),
      portalCase("2025-06-02", { acknowledgementDueOn: "2025-06-09", acknowledgedOn: "2025-06-10" }),
      portalCase("2025-06-02", { acknowledgementDueOn: "2025-06-09" }),
      // Received in the last days of the year, acknowledged in the next: not acknowledged by its end.
      portalCase("2026-03-30", { acknowledgementDueOn: "2026-04-07", acknowledgedOn: "2026-04-01" }),
      // Received the year before: counted in that year's figures, not this one's.
      portalCase("2025-03-03", { acknowledgementDueOn: "2025-03-10", acknowledgedOn: "2025-03-20" }),
    ];
    const { acknowledgements, received } = computeFigures({ cases, submissions: [], quotations: [] }, year).services["childrens-social-care"];
    expect([acknowledgements.inTime, acknowledgements.late, acknowledgements.notAcknowledged, received]).toEqual([
      { value: 1, previous: 0 },
      { value: 1, previous: 1 },
      { value: 2, previous: 0 },
      { value: 4, previous: 1 },
    ]);
  });

  it("counts the period's first and last days as inside it", () => {
    const cases = [
      portalCase("2026-03-20", { closedOn: "2026-03-31" }),
      portalCase("2025-03-02", { closedOn: "2025-03-31" }),
      portalCase("2025-03-03", { closedOn: "2025-04-01" }),
    ];
    const csc = computeFigures({ cases, submissions: [], quotations: [] }, year).services["childrens-social-care"];
    expect([csc.concluded.value, csc.open.value, csc.carriedForward.total.value]).toEqual([1, 0, 0]);
    expect([csc.carriedIn.total.value, csc.carriedIn.concluded.total.value, csc.carriedIn.concluded.atStage.stage1.value]).toEqual([1, 1, 1]);
  });

  it("keeps services apart and counts 'not sure' complaints in neither", () => {
    const cases = [portalCase("2025-05-01", { service: "public-health" }), portalCase("2025-05-02", { service: "not-sure" }), portalCase("2025-05-03")];
    const figures = computeFigures({ cases, submissions: [], quotations: [] }, year);
    expect(figures.services["public-health"].received.value).toBe(1);
    expect(figures.services["childrens-social-care"].received.value).toBe(1);
    expect(figures.serviceNotSettled.value).toBe(1);
  });

  it("counts the Ombudsman by when it was approached and when it decided", () => {
    const cases = [
      portalCase("2024-11-01", { ombudsman: { referredOn: "2025-05-01", referredBack: false, decidedOn: "2025-09-01", decision: "upheld" } }),
      portalCase("2025-04-10", { ombudsman: { referredOn: "2025-04-01", referredBack: true, decidedOn: null, decision: null } }),
      portalCase("2024-01-10", { ombudsman: { referredOn: "2024-06-01", referredBack: false, decidedOn: "2025-06-01", decision: "not-upheld" } }),
    ];
    const ombudsman = computeFigures({ cases, submissions: [], quotations: [] }, year).services["childrens-social-care"].ombudsman;
    expect([ombudsman.considered.value, ombudsman.referredBack.value, ombudsman.decided.value]).toEqual([1, 1, 2]);
    expect([ombudsman.decisions.upheld.value, ombudsman.decisions["not-upheld"].value]).toEqual([1, 1]);
    expect(ombudsman.considered.previous).toBe(1);
  });

  it("counts a referral back with no referral date (only the referred-back event was sent) in the year the complaint arrived", () => {
    const cases = [
      portalCase("2025-06-02", { ombudsman: { referredOn: null, referredBack: true, decidedOn: null, decision: null } }),
      portalCase("2024-06-03", { ombudsman: { referredOn: null, referredBack: true, decidedOn: null, decision: null } }),
    ];
    const { referredBack, considered } = computeFigures({ cases, submissions: [], quotations: [] }, year).services["childrens-social-care"].ombudsman;
    expect([referredBack.value, referredBack.previous, considered.value]).toEqual([1, 1, 0]);
  });

  it("keeps a year's figures when a case closed in it is reopened in a later year (from its closings)", () => {
    const stage1 = { stage: 1 as const, startedOn: "2026-02-16", dueOn: "2026-03-02", extendedDueOn: null, repliedOn: "2026-03-03", outcome: "not-upheld" as const, workingDays: 11, timeliness: "late" as const };
    const stage2 = { stage: 2 as const, startedOn: "2026-04-08", dueOn: "2026-05-14", extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null };
    // Closed with its stage 1 reply on 3 March 2026, reopened for stage 2 on 8 April 2026: open again now.
    const reopened = portalCase("2026-02-16", { stages: [stage1, stage2], closedOn: null, closings: [{ closedOn: "2026-03-03", reopenedOn: "2026-04-08" }] });
    const then = computeFigures({ cases: [reopened], submissions: [], quotations: [] }, year).services["childrens-social-care"];
    expect([now(then.firstStage.stage1.resolvedAtStage1), now(then.firstStage.stage1.openAtStage1), now(then.open), now(then.carriedForward.total)]).toEqual([1, 0, 0, 0]);
    // The next year: not carried in (it was closed on 31 March), carried forward while open.
    const next = computeFigures({ cases: [reopened], submissions: [], quotations: [] }, financialYear(2026)).services["childrens-social-care"];
    expect([now(next.carriedIn.total), now(next.carriedForward.total), now(next.carriedForward.atStage.stage2)]).toEqual([0, 1, 1]);
    // …but counted as reopened, so that what is open at the year's end adds up (received, carried in, reopened).
    expect([now(next.reopened.total), now(next.reopened.open), now(next.reopened.concluded), now(next.open)]).toEqual([1, 1, 0, 0]);
    // A record kept before closings were: its closing date alone, as before.
    const { closings: _closings, ...older } = reopened;
    expect(now(computeFigures({ cases: [older], submissions: [], quotations: [] }, year).services["childrens-social-care"].open)).toBe(1);
  });

  it("keeps a complaint whose request for the next stage waits at the year's end open, at that stage, and carries it in the next year (decision 074)", () => {
    const opening = { reference: "C-7K4M-2Q9P-W", service: "childrens-social-care" as const, role: "parent" as const, receivedOn: "2026-02-16", channel: "portal" as const, reach: null, firstStage: 1 as const, advocateAsked: false, acceptedOutOfTime: false };
    const asked: TimelineEvent[] = [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-03-03" },
      { type: "closed", date: "2026-03-03" },
      // Asked for stage 2 on 20 March; the council had not started it by 31 March.
      { type: "next-stage-requested", stage: 2, date: "2026-03-20", late: false, answered: false },
    ];
    const started = caseRecordOf(replay(opening, [...asked, { type: "reopened", date: "2026-04-08" }, { type: "stage-started", stage: 2, date: "2026-04-08" }], exampleTimetable));
    const then = computeFigures({ cases: [started], submissions: [], quotations: [] }, year).services["childrens-social-care"];
    const stage1 = then.firstStage.stage1;
    expect([now(stage1.resolvedAtStage1), now(stage1.progressedToStage2.open), now(then.open), now(then.concluded)]).toEqual([0, 1, 1, 0]);
    expect([now(then.carriedForward.total), now(then.carriedForward.atStage.stage2)]).toEqual([1, 1]);
    // The next year it is carried in, not reopened.
    const next = computeFigures({ cases: [started], submissions: [], quotations: [] }, financialYear(2026)).services["childrens-social-care"];
    expect([now(next.carriedIn.total), now(next.carriedIn.open), now(next.reopened.total)]).toEqual([1, 1, 0]);
    // A request the council declined before the year's end leaves the complaint concluded at stage 1.
    const declined = caseRecordOf(replay(opening, [...asked, { type: "next-stage-declined", stage: 2, date: "2026-03-25" }], exampleTimetable));
    const no = computeFigures({ cases: [declined], submissions: [], quotations: [] }, year).services["childrens-social-care"];
    expect([now(no.firstStage.stage1.resolvedAtStage1), now(no.carriedForward.total)]).toEqual([1, 0]);
    // Closed in an earlier year, asked for again in this one and still waiting: counted with the reopened, still open.
    const older = caseRecordOf(replay({ ...opening, receivedOn: "2025-02-17" }, [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2025-03-03" },
      { type: "closed", date: "2025-03-03" },
      { type: "next-stage-requested", stage: 2, date: "2025-04-01", late: false, answered: false },
    ], exampleTimetable));
    const figures = computeFigures({ cases: [older], submissions: [], quotations: [] }, year);
    const csc = figures.services["childrens-social-care"];
    expect([now(csc.reopened.total), now(csc.reopened.open), now(csc.carriedForward.total), now(csc.carriedIn.total)]).toEqual([1, 1, 1, 0]);
    for (const { total, parts } of figures.partitions) expect(parts.reduce((sum, part) => sum + part.value, 0)).toBe(total.value);
    // Asked for while stage 1 was still open, with no stage 1 reply by the year's end: still at stage 1, as the case
    // itself has it (the request waits for stage 1's reply).
    const early = caseRecordOf(replay({ ...opening, receivedOn: "2026-03-16" }, [{ type: "next-stage-requested", stage: 2, date: "2026-03-20", late: false, answered: false }], exampleTimetable));
    const atStage1 = computeFigures({ cases: [early], submissions: [], quotations: [] }, year).services["childrens-social-care"];
    expect([now(atStage1.firstStage.stage1.openAtStage1), now(atStage1.firstStage.stage1.progressedToStage2.open), now(atStage1.carriedForward.atStage.stage1), now(atStage1.carriedForward.atStage.stage2)]).toEqual([1, 0, 1, 0]);
  });

  it("counts a complaint closed before the year began and reopened in it as reopened, concluded again or still open", () => {
    const stage1 = { stage: 1 as const, startedOn: "2024-10-01", dueOn: "2024-10-15", extendedDueOn: null, repliedOn: "2024-10-14", outcome: "upheld" as const, workingDays: 9, timeliness: "in-time" as const };
    const stage2 = { stage: 2 as const, startedOn: "2025-05-01", dueOn: "2025-06-06", extendedDueOn: null, repliedOn: "2025-06-02", outcome: "upheld" as const, workingDays: 21, timeliness: "in-time" as const };
    const concludedAgain = portalCase("2024-10-01", { stages: [stage1, stage2], closedOn: "2025-06-02", closings: [{ closedOn: "2024-10-14", reopenedOn: "2025-05-01" }, { closedOn: "2025-06-02", reopenedOn: null }] });
    const stillOpen = portalCase("2024-10-01", { stages: [stage1, { ...stage2, repliedOn: null, outcome: null, workingDays: null, timeliness: null }], closedOn: null, closings: [{ closedOn: "2024-10-14", reopenedOn: "2025-05-01" }] });
    // Reopened in the year before this one, and still open on 1 April: carried in, not reopened.
    const carried = portalCase("2023-10-01", { closedOn: null, closings: [{ closedOn: "2023-10-14", reopenedOn: "2024-05-01" }] });
    // Closed before the year and not reopened in it: neither.
    const closed = portalCase("2024-10-01", { closedOn: "2024-10-14", closings: [{ closedOn: "2024-10-14", reopenedOn: null }] });
    const figures = computeFigures({ cases: [concludedAgain, stillOpen, carried, closed], submissions: [], quotations: [] }, year);
    const csc = figures.services["childrens-social-care"];
    expect([now(csc.reopened.total), now(csc.reopened.concluded), now(csc.reopened.open)]).toEqual([2, 1, 1]);
    expect([now(csc.carriedIn.total), now(csc.carriedIn.open), now(csc.carriedForward.total), now(csc.received)]).toEqual([1, 1, 2, 0]);
    // The year before: the one reopened then (and still open at its end) was reopened in it.
    expect(before(csc.reopened.total)).toBe(1);
    for (const { total, parts } of figures.partitions) {
      expect(parts.reduce((sum, part) => sum + part.value, 0)).toBe(total.value);
    }
  });

  it("counts a referral back with no referral date in the year it was sent back, where that is known", () => {
    // Received in the previous year, sent back in this one: this year's; received this year, sent back next: next year's.
    const cases = [
      portalCase("2024-06-03", { ombudsman: { referredOn: null, referredBack: true, referredBackOn: "2025-05-05", decidedOn: null, decision: null } }),
      portalCase("2025-06-02", { ombudsman: { referredOn: null, referredBack: true, referredBackOn: "2026-05-05", decidedOn: null, decision: null } }),
    ];
    const { referredBack } = computeFigures({ cases, submissions: [], quotations: [] }, year).services["childrens-social-care"].ombudsman;
    expect([referredBack.value, referredBack.previous]).toEqual([1, 0]);
  });

  it("counts requests by format and language, advocates, next stages and how people reached the portal", () => {
    const submissions = [
      submission("other-format", "2025-05-01", { facts: { format: "large-print" } }),
      submission("other-format", "2025-05-02", { facts: { format: "another-language", language: " polish" } }),
      submission("other-format", "2025-05-03", { facts: { format: "another-language", language: "Polish " } }),
      // In the person's own words and script, counted under the language's English name.
      submission("other-format", "2025-05-03", { facts: { format: "another-language", language: "język polski" } }),
      submission("other-format", "2025-05-03", { facts: { format: "another-language", language: "عربي" } }),
      // A name the platform does not know is counted as it was typed.
      submission("other-format", "2025-05-03", { facts: { format: "another-language", language: "sylheti " } }),
      submission("advocate", "2025-05-04"),
      submission("escalate", "2025-05-05", { facts: { stage: "stage-2" } }),
      submission("escalate", "2025-05-06", { facts: { stage: 3 } }),
      submission("compliment", "2025-05-07", { channel: "phone", reach: null, service: "public-health", role: "child-or-young-person" }),
    ];
    const figures = computeFigures({ cases: [portalCase("2025-05-08")], submissions, quotations: [] }, year);
    const { formats, advocates, escalations } = figures.requests;
    expect(formats.total.value).toBe(6);
    expect(formats.byFormat["large-print"]!.value).toBe(1);
    expect(Object.fromEntries(Object.entries(formats.byLanguage).map(([label, count]) => [label, count.value]))).toEqual({ Polish: 3, Arabic: 1, Sylheti: 1 });
    expect(advocates.value).toBe(1);
    expect([escalations.byStage.stage2!.value, escalations.byStage.stage3!.value]).toEqual([1, 1]);
    const { reach } = figures;
    expect([reach.total.value, reach.portal.value, reach.byChannel.phone.value]).toEqual([11, 10, 1]);
    expect([reach.byLanguage.pl!.value, reach.byLanguage.en!.value]).toEqual([9, 1]);
    expect([reach.javascript.on.value, reach.javascript.off.value, reach.width.narrow.value, reach.width["not-recorded"].value]).toEqual([1, 9, 1, 9]);
    expect([figures.compliments.byService["public-health"].value, figures.compliments.byRole["child-or-young-person"].value]).toEqual([1, 1]);
  });
});
