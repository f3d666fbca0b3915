// The complaints manager's digest as it reads: every section it can have, its subject, and no personal data.
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { createTranslations } from "~/services/translations.server";
import type { Digest } from "~/cases/case-digest";
import { renderCaseDigest } from "./case-digest";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;
const t = createTranslations(timetable).en.getFixedT("en", ["emails", "common"]);
const empty: Digest = { day: "2027-01-12", notAcknowledged: [], dueSoon: [], overdue: [], nextStageNotStarted: [], nextStageCannotStart: [], panelsOverdue: [], panelsDueSoon: [], codesHeldBack: [] };

describe("the complaints manager's digest", () => {
  it("lists review panels to hold and requests that cannot come next, each with what to record, and counts them in the subject", () => {
    const digest: Digest = {
      ...empty,
      panelsOverdue: [{ reference: "C-ABCD-EFGH-J", stage: 3, dueOn: "2027-01-05", days: 5 }],
      panelsDueSoon: [{ reference: "C-KLMN-PQRS-T", stage: 3, dueOn: "2027-01-13", days: 1 }],
      nextStageCannotStart: [{ reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2027-01-04", days: 6, at: 1 }],
    };
    const { subject, text } = renderCaseDigest(digest, t, timetable);
    expect(subject).toBe("Complaints to act on, Tuesday, 12 January 2027: 0 overdue, 0 due soon, 0 not acknowledged, 1 request that cannot come next, 2 review panels to hold");
    expect(text).toContain("1 review panel overdue");
    expect(text).toContain("C-ABCD-EFGH-J, stage 3: the review panel was due to meet by Tuesday, 5 January 2027, 5 working days over");
    expect(text).toContain("1 review panel due to meet soon");
    expect(text).toContain("C-KLMN-PQRS-T, stage 3: the review panel must meet by Wednesday, 13 January 2027, 1 working day left");
    expect(text).toContain("The panel's report is then due within 5 working days, and the council's response within 15 working days of the report: 20 working days from the meeting in all");
    expect(text).toContain("1 request for a stage that cannot come next");
    expect(text).toContain("C-7K4M-2Q9P-W: stage 2 asked for on Monday, 4 January 2027, while the complaint is at stage 1");
    expect(text).toContain("(the case event next-stage-declined)");
  });

  it("says nothing of panels or requests when there are none", () => {
    const { subject, text } = renderCaseDigest({ ...empty, overdue: [{ reference: "C-ABCD-EFGH-J", stage: 1, dueOn: "2027-01-05", days: 5 }] }, t, timetable);
    expect(subject).toBe("Complaints to act on, Tuesday, 12 January 2027: 1 overdue, 0 due soon, 0 not acknowledged");
    expect(text).not.toMatch(/panel|cannot come next/);
  });
});
