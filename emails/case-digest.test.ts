// The complaints manager's digest as it reads: every section it can have, its subject, and no personal data.
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { createTranslations } from "~/services/translations.server";
import type { Digest } from "~/cases/case-digest";
import { renderCaseDigest } from "./case-digest";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;
const t = createTranslations(timetable).en.getFixedT("en", ["emails", "common"]);
const empty: Digest = { day: "2027-01-12", notAcknowledged: [], dueSoon: [], overdue: [], nextStageNotStarted: [], nextStageCannotStart: [], panelsOverdue: [], panelsDueSoon: [], toClose: [], codesHeldBack: [] };

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

  it("gives each waiting request the reply date, and at stage 3 the panel's, that already run from it", () => {
    const digest: Digest = {
      ...empty,
      nextStageNotStarted: [
        { reference: "C-ABCD-EFGH-J", stage: 2, askedOn: "2027-01-04", days: 6, replyDueOn: "2027-02-08" },
        { reference: "C-KLMN-PQRS-T", stage: 3, askedOn: "2027-01-05", days: 5, replyDueOn: "2027-03-16", panelDueOn: "2027-02-16" },
        { reference: "C-7K4M-2Q9P-W", stage: 2, askedOn: "2027-01-04", days: 6 },
      ],
    };
    const { subject, text } = renderCaseDigest(digest, t, timetable);
    expect(subject).toBe("Complaints to act on, Tuesday, 12 January 2027: 0 overdue, 0 due soon, 0 not acknowledged, 3 next stage not started");
    expect(text).toContain("C-ABCD-EFGH-J: stage 2 asked for on Monday, 4 January 2027, 6 working days ago. Its reply is due by Monday, 8 February 2027, counted from the request.");
    expect(text).toContain("C-KLMN-PQRS-T: stage 3 asked for on Tuesday, 5 January 2027, 5 working days ago. Its review panel must meet by Tuesday, 16 February 2027 and its reply is due by Tuesday, 16 March 2027, both counted from the request.");
    expect(text).toContain("C-7K4M-2Q9P-W: stage 2 asked for on Monday, 4 January 2027, 6 working days ago. It was asked for before the last reply: its time runs from when the stage starts.");
  });

  it("lists complaints replied to that nothing keeps open, to be closed, and counts them in the subject", () => {
    const digest: Digest = {
      ...empty,
      toClose: [
        { reference: "C-ABCD-EFGH-J", stage: 1, repliedOn: "2026-11-16", askBy: "2026-12-14" },
        { reference: "C-KLMN-PQRS-T", stage: 3, repliedOn: "2027-01-08", askBy: null },
        { reference: "C-UVWX-YZ23-4", stage: 1, repliedOn: "2027-01-06", askBy: null, ended: "withdrawn" },
        { reference: "C-5678-9ABC-D", stage: 2, repliedOn: "2027-01-07", askBy: null, ended: "not-considered" },
      ],
    };
    const { subject, text } = renderCaseDigest(digest, t, timetable);
    expect(subject).toBe("Complaints to act on, Tuesday, 12 January 2027: 0 overdue, 0 due soon, 0 not acknowledged, 4 to close");
    expect(text).toContain("4 complaints replied to or ended, and still open");
    // A withdrawal is not a reply, and a complaint that has ended has no time to ask for a next stage.
    expect(text).toContain("C-UVWX-YZ23-4, stage 1: withdrawn Wednesday, 6 January 2027; there is no next stage to ask for");
    expect(text).toContain("C-5678-9ABC-D, stage 2: not considered, decided Thursday, 7 January 2027; there is no next stage to ask for");
    expect(text).toContain("C-ABCD-EFGH-J, stage 1: replied Monday, 16 November 2026; the time to ask for the next stage ended Monday, 14 December 2026");
    expect(text).toContain("C-KLMN-PQRS-T, stage 3: replied Friday, 8 January 2027; there is no further stage at the council");
    expect(text).toContain("Close each one (the case event closed)");
  });

  it("says nothing of panels or requests when there are none", () => {
    const { subject, text } = renderCaseDigest({ ...empty, overdue: [{ reference: "C-ABCD-EFGH-J", stage: 1, dueOn: "2027-01-05", days: 5 }] }, t, timetable);
    expect(subject).toBe("Complaints to act on, Tuesday, 12 January 2027: 1 overdue, 0 due soon, 0 not acknowledged");
    expect(text).not.toMatch(/panel|cannot come next/);
  });
});
