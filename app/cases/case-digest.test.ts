// Which requests for the next stage the digest lists: one the council can start now, for as long as that stage
// would take, and never one it cannot start (a stage the service does not have, or one after a stage still open).
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { buildDigest } from "./case-digest";
import type { TimelineEvent } from "./case-events";
import { applyEvent, openCase, type CaseOpening, type CaseState } from "./case-state";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;

const opening = (overrides: Partial<CaseOpening> = {}): CaseOpening => ({
  reference: "C-7K4M-2Q9P-W",
  service: "childrens-social-care",
  role: "parent",
  receivedOn: "2026-11-02",
  channel: "portal",
  reach: null,
  firstStage: 1,
  advocateAsked: false,
  acceptedOutOfTime: false,
  ...overrides,
});

function run(state: CaseState, ...events: TimelineEvent[]): CaseState {
  for (const event of events) {
    const applied = applyEvent(state, event, timetable, "2027-12-31");
    if (!applied.ok) throw new Error(applied.refusal.title);
    state = applied.state;
  }
  return state;
}

const listed = (state: CaseState, today: string) => buildDigest([{ reference: state.reference, state }], timetable, today).nextStageNotStarted;

describe("requests for the next stage in the digest", () => {
  const replied = run(openCase(opening(), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" });

  it("lists one the council can start, with the working days since, until the stage would have been due", () => {
    const asked = run(replied, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false });
    expect(listed(asked, "2026-11-23")).toEqual([{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2026-11-20", days: 1 }]);
    // Stage 2's 25 working days from the request run to 29 December (with Christmas and Boxing Day off).
    expect(listed(asked, "2026-12-29")).toHaveLength(1);
    expect(listed(asked, "2026-12-30")).toEqual([]);
    expect(listed(run(asked, { type: "stage-started", stage: 2, date: "2026-11-24" }), "2026-11-25")).toEqual([]);
  });

  it("lists none for a stage after one still open, or a stage the service does not have", () => {
    const atStage2 = run(replied, { type: "stage-started", stage: 2, date: "2026-11-16" }, { type: "next-stage-requested", stage: 3, date: "2026-11-20", late: false });
    expect(listed(atStage2, "2026-11-23")).toEqual([]);
    const publicHealth = run(openCase(opening({ service: "public-health" }), timetable), { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-13" }, { type: "next-stage-requested", stage: 2, date: "2026-11-20", late: false });
    expect(listed(publicHealth, "2026-11-23")).toEqual([]);
  });
});
