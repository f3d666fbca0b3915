// What staff read from `npm run case -- show`: each stage's dates, and the day its working days count from.
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import type { TimelineEvent } from "~/cases/case-events";
import { replay, requestAsRecorded, type CaseOpening } from "~/cases/case-state";
import { describeCase } from "./describe-case";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;
const opening: CaseOpening = {
  reference: "C-7K4M-2Q9P-W",
  service: "childrens-social-care",
  role: "parent",
  receivedOn: "2025-05-01",
  channel: "portal",
  reach: { language: "en", javascript: true, widthBand: "narrow" },
  firstStage: 1,
  advocateAsked: false,
  acceptedOutOfTime: false,
};

describe("npm run case -- show", () => {
  it("says a stage begun after the person's request counts its days from the request, and says nothing of it otherwise", () => {
    const replied: TimelineEvent = { type: "replied", stage: 1, outcome: "not-upheld", date: "2025-05-15" };
    const asked: TimelineEvent = { type: "next-stage-requested", stage: 2, date: "2025-06-02", late: false };
    const started: TimelineEvent = { type: "stage-started", stage: 2, date: "2025-06-16" };
    const fromRequest = describeCase(opening.reference, replay(opening, [replied, asked, started], timetable), timetable, "2025-06-20");
    // 25 working days from 2 June, not from 16 June.
    expect(fromRequest).toContain("stage 2: started 2025-06-16 (timed from the request of 2025-06-02), due 2025-07-07;");
    expect(fromRequest).toContain("asked for stage 2 on 2025-06-02, started 2025-06-16");
    const fromStart = describeCase(opening.reference, replay(opening, [replied, started], timetable), timetable, "2025-06-20");
    expect(fromStart).toContain("stage 2: started 2025-06-16, due 2025-07-21;");
    expect(fromStart).not.toContain("timed from");
  });

  it("says a request answered as it came was answered, not started: public health has no stage 2", () => {
    const publicHealth = { ...opening, service: "public-health" as const };
    const replied = replay(publicHealth, [{ type: "replied", stage: 1, outcome: "not-upheld", date: "2025-05-09" }], timetable);
    const asked = replay(publicHealth, [{ type: "replied", stage: 1, outcome: "not-upheld", date: "2025-05-09" }, requestAsRecorded(replied, { type: "next-stage-requested", stage: 2, date: "2025-05-12" }, timetable)], timetable);
    const shown = describeCase(opening.reference, asked, timetable, "2025-05-13");
    expect(shown).toContain("asked for stage 2 on 2025-05-12, answered 2025-05-12: there is no stage 2 to start (the Ombudsman is next)");
    expect(shown).not.toContain("started 2025-05-12");
  });
});
