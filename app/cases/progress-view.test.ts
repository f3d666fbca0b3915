import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import type { TimelineEvent } from "./case-events";
import { applyEvent, openCase, type CaseOpening, type CaseState } from "./case-state";
import { progressView } from "./progress-view";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;

function opened(overrides: Partial<CaseOpening> = {}): CaseState {
  return openCase(
    {
      reference: "C-7K4M-2Q9P-W",
      service: "childrens-social-care",
      role: "child-or-young-person",
      receivedOn: "2026-12-17",
      channel: "portal",
      reach: { language: "en", javascript: false, widthBand: "narrow" },
      firstStage: 1,
      advocateAsked: false,
      acceptedOutOfTime: false,
      ...overrides,
    },
    timetable,
  );
}

function run(state: CaseState, ...events: TimelineEvent[]): CaseState {
  for (const event of events) {
    const applied = applyEvent(state, event, timetable, "2027-12-31");
    if (!applied.ok) throw new Error(`${event.type} refused: ${applied.refusal.title}`);
    state = applied.state;
  }
  return state;
}

describe("what the person's page says about their case", () => {
  const case1 = opened();
  // Stage 1's reply is due on 5 January 2027 (received 17 December 2026, over Christmas).
  it("gives the reply's date, and says sorry once it has passed without a reply", () => {
    expect(progressView(case1, timetable, "2027-01-05")).toMatchObject({ stageKey: "1", reply: { key: "replyBy", date: "2027-01-05" }, nextStage: null });
    expect(progressView(case1, timetable, "2027-01-06").reply).toEqual({ key: "replyLate", date: "2027-01-05" });
  });

  const replied = run(case1, { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" });

  it("offers the next stage after a reply, and stops offering it once they have asked for it", () => {
    expect(progressView(replied, timetable, "2027-01-10")).toMatchObject({ stageKey: "1-replied", reply: { key: "repliedOn", date: "2027-01-04" }, nextStage: { kind: "offer", stage: 2, inTime: true } });
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2027-01-11", late: false });
    expect(progressView(asked, timetable, "2027-01-12").nextStage).toEqual({ kind: "asked", stage: 2, on: "2027-01-11", late: false });
    // Once stage 2 has started, stage 3 is what may be asked for next, after its reply.
    // Closing the case does not answer the request: it is still waiting, however long it waits.
    const closedAfter = run(asked, { type: "closed", date: "2027-01-12" });
    expect(progressView(closedAfter, timetable, "2027-01-13").nextStage).toEqual({ kind: "asked", stage: 2, on: "2027-01-11", late: false });
    expect(progressView(closedAfter, timetable, "2027-03-01")).toMatchObject({ stageKey: "1-replied", nextStage: { kind: "asked" } });
    // Asked for on the day the case was closed, after the closing: asked for, not offered again.
    const askedOnClosingDay = run(replied, { type: "closed", date: "2027-01-11" }, { type: "next-stage-requested", stage: 2, date: "2027-01-11", late: false });
    expect(progressView(askedOnClosingDay, timetable, "2027-01-12").nextStage).toEqual({ kind: "asked", stage: 2, on: "2027-01-11", late: false });
    // Declined by the council: not offered again; a closed case is then finished.
    const declined = run(closedAfter, { type: "next-stage-declined", stage: 2, date: "2027-01-13" });
    expect(progressView(declined, timetable, "2027-01-14")).toMatchObject({ stageKey: "closed", nextStage: null });
    expect(progressView(run(asked, { type: "next-stage-declined", stage: 2, date: "2027-01-13" }), timetable, "2027-01-14")).toMatchObject({ stageKey: "1-replied", nextStage: null });
    // Asked again after a decline: said, as any request waiting is.
    const askedAgain = run(declined, { type: "next-stage-requested", stage: 2, date: "2027-01-14", late: false });
    expect(progressView(askedAgain, timetable, "2027-01-15")).toMatchObject({ stageKey: "1-replied", nextStage: { kind: "asked", stage: 2, on: "2027-01-14" } });
    // Asked after the time to ask: said so, as the council decides whether to take it (decision 090).
    const askedLate = run(replied, { type: "next-stage-requested", stage: 2, date: "2027-03-01", late: true });
    expect(progressView(askedLate, timetable, "2027-03-02").nextStage).toEqual({ kind: "asked", stage: 2, on: "2027-03-01", late: true });
    const atStage2 = run(asked, { type: "stage-started", stage: 2, date: "2027-01-13" });
    expect(progressView(atStage2, timetable, "2027-01-14")).toMatchObject({ stageKey: "2", nextStage: null });
  });

  it("says a closed case is finished once the usual time to ask for the next stage has passed", () => {
    const closed = run(replied, { type: "closed", date: "2027-01-05" });
    expect(progressView(closed, timetable, "2027-01-10")).toMatchObject({ stageKey: "1-replied", nextStage: { kind: "offer", inTime: true } });
    expect(progressView(closed, timetable, "2027-03-01")).toMatchObject({ stageKey: "closed", nextStage: { kind: "offer", inTime: false } });
  });

  it("points to the Ombudsman once the council's procedure has ended for them, and not while a stage may still be asked for", () => {
    expect(progressView(replied, timetable, "2027-01-10").canAskOmbudsman).toBe(false);
    // The usual time to ask for stage 2 has passed: they may still ask, late, or go to the Ombudsman.
    expect(progressView(replied, timetable, "2027-03-01")).toMatchObject({ nextStage: { kind: "offer", inTime: false }, canAskOmbudsman: true });
    // Asked for: not while it waits; declined by the council: the Ombudsman.
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2027-01-11", late: false });
    expect(progressView(asked, timetable, "2027-03-01").canAskOmbudsman).toBe(false);
    const declined = run(asked, { type: "next-stage-declined", stage: 2, date: "2027-01-13" }, { type: "closed", date: "2027-01-13" });
    expect(progressView(declined, timetable, "2027-01-14")).toMatchObject({ stageKey: "closed", canAskOmbudsman: true });
    // A reply saying the council would not consider the complaint ends the procedure too.
    const notConsidered = run(case1, { type: "replied", stage: 1, outcome: "not-considered", date: "2027-01-04" });
    expect(progressView(notConsidered, timetable, "2027-01-05").canAskOmbudsman).toBe(true);
    // Once they have gone to the Ombudsman, the page says that instead.
    const referred = run(declined, { type: "ombudsman", action: "referred", date: "2027-01-20" });
    expect(progressView(referred, timetable, "2027-01-21")).toMatchObject({ ombudsman: "referred", canAskOmbudsman: false });
  });

  it("names no stages for public health, and offers advocacy there only to someone who asked for it", () => {
    const publicHealth = opened({ service: "public-health" });
    expect(progressView(publicHealth, timetable, "2026-12-18")).toMatchObject({ stageKey: "publicHealth", advocate: null, canAskOmbudsman: false });
    expect(progressView(opened({ service: "public-health", advocateAsked: true }), timetable, "2026-12-18").advocate).toBe("advocateAsked");
    const answered = run(publicHealth, { type: "replied", stage: 1, outcome: "upheld", date: "2027-01-04" });
    expect(progressView(answered, timetable, "2027-01-05")).toMatchObject({ stageKey: "publicHealth-replied", nextStage: null, canAskOmbudsman: true });
    expect(progressView(case1, timetable, "2026-12-18").advocate).toBe("advocateNotAsked");
  });
});

describe("what the person's page says about a review panel", () => {
  const atStage3 = run(
    opened(),
    { type: "replied", stage: 1, outcome: "not-upheld", date: "2027-01-04" },
    { type: "stage-started", stage: 2, date: "2027-01-05" },
    { type: "replied", stage: 2, outcome: "not-upheld", date: "2027-02-01" },
    { type: "stage-started", stage: 3, date: "2027-02-02" },
  );
  const panelDue = atStage3.stages[2]!.panel!.dueOn;

  it("says when it will meet, that it is late, and when it met, while stage 3 is open", () => {
    expect(progressView(atStage3, timetable, "2027-02-03").panel).toEqual({ key: "panelBy", date: panelDue });
    const dayAfter = new Date(Date.parse(`${panelDue}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(progressView(atStage3, timetable, dayAfter).panel).toEqual({ key: "panelLate", date: panelDue });
    const held = run(atStage3, { type: "panel-held", date: "2027-02-20" });
    expect(progressView(held, timetable, "2027-02-21").panel).toEqual({ key: "panelMet", date: "2027-02-20" });
    const replied = run(held, { type: "replied", stage: 3, outcome: "upheld", date: "2027-03-01" });
    expect(progressView(replied, timetable, "2027-03-02").panel).toBeNull();
    expect(progressView(opened(), timetable, "2026-12-18").panel).toBeNull();
  });
});
