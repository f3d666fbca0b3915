// The administrator's alert of dead letters as it reads: what failed, for which submission, and whether a team may
// not know of a submission (then the complaints manager is told too). No personal data.
import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import type { DeliveryJob, JobKind } from "~/delivery/outbox.server";
import { createTranslations } from "~/services/translations.server";
import { renderDeadLetterAlert, teamMayNotKnow } from "./dead-letter-alert";

const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;
const t = createTranslations(timetable).en.getFixedT("en", ["emails"]);

const job = (kind: JobKind, target: string, reference: string | null, lastError: string | null, id = `job-${kind}`): DeliveryJob => ({
  id,
  submissionId: reference ? "submission" : null,
  caseId: null,
  payload: null,
  kind,
  target,
  state: "failed",
  attempts: 12,
  nextAttemptAt: 0,
  lastError,
  createdAt: 0,
  doneAt: null,
  failedAt: 1,
  reference,
  type: "complaint",
});

describe("the dead letter alert", () => {
  it("says which submissions a team may not know of, first, when a team's email or the case system's copy died", () => {
    const jobs = [
      job("staff-email", "childrensComplaints", "C-ABCD-EFGH-J", "550 5.1.1 mailbox unavailable"),
      job("webhook", "caseSystem", "C-ABCD-EFGH-J", "HTTP 400"),
      job("webhook", "caseSystem", "E-KLMN-PQRS-T", null, "job-2"),
      job("acknowledgement", "person", "C-UVWX-YZ23-4", "timeout"),
    ];
    expect(teamMayNotKnow(jobs)).toBe(true);
    const { subject, text } = renderDeadLetterAlert({ dead: jobs, late: [], lateAfterMinutes: 60 }, t);
    expect(subject).toBe("Complaints portal: 4 messages could not be delivered, and a team may not know of a submission");
    const told = text.indexOf("so the team may not know of them");
    expect(told).toBeGreaterThan(0);
    expect(told).toBeLessThan(text.indexOf("npm run outbox -- retry"));
    // Each submission once, and not the one whose team has it (only its acknowledgement failed).
    const list = text.slice(told, text.indexOf("These messages failed"));
    expect(list.match(/C-ABCD-EFGH-J/g)).toHaveLength(1);
    expect(list).toContain("E-KLMN-PQRS-T");
    expect(list).not.toContain("C-UVWX-YZ23-4");
    expect(text).toContain("The email to the team's mailbox childrensComplaints for C-ABCD-EFGH-J (job job-staff-email): 550 5.1.1 mailbox unavailable");
    expect(text).toContain("The acknowledgement to the person for C-UVWX-YZ23-4 (job job-acknowledgement): timeout");
    // No error recorded: no dangling colon.
    expect(text).toMatch(/The copy for the case system caseSystem for E-KLMN-PQRS-T \(job job-2\)\n/);
  });

  it("says which team's copies are still being retried an hour after the send, before any is given up", () => {
    const late = [job("staff-email", "dutyManager", "C-ABCD-EFGH-J", "451 Try again later"), job("webhook", "caseSystem", "C-ABCD-EFGH-J", "HTTP 503")];
    for (const pending of late) pending.state = "pending";
    const { subject, text } = renderDeadLetterAlert({ dead: [], late, lateAfterMinutes: 60 }, t);
    expect(subject).toBe("Complaints portal: a team's copy of a submission is not delivered after 60 minutes");
    expect(text).toContain("Messages to a team not delivered yet");
    expect(text).toContain("Still being retried, but not delivered more than 60 minutes after the send. The team may not know of these submissions yet");
    expect(text).toContain("The email to the team's mailbox dutyManager for C-ABCD-EFGH-J (job job-staff-email): 451 Try again later");
    // Nothing given up: no retry instructions for dead letters.
    expect(text).not.toContain("npm run outbox -- retry");
    // With a dead letter too, both, and the subject says a team may not know.
    const both = renderDeadLetterAlert({ dead: [job("acknowledgement", "person", "C-UVWX-YZ23-4", "timeout")], late, lateAfterMinutes: 60 }, t);
    expect(both.subject).toBe("Complaints portal: 1 message could not be delivered, and a team may not know of a submission");
    expect(both.text).toContain("Still being retried");
    expect(both.text).toContain("npm run outbox -- retry");
  });

  it("is the administrator's alone when every team has its copy", () => {
    const jobs = [job("acknowledgement", "person", "C-UVWX-YZ23-4", "timeout"), job("case-digest", "complaintsManager", null, "timeout"), job("progress-code", "person", null, "timeout")];
    expect(teamMayNotKnow(jobs)).toBe(false);
    const { subject, text } = renderDeadLetterAlert({ dead: jobs, late: [], lateAfterMinutes: 60 }, t);
    expect(subject).toBe("Complaints portal: 3 messages could not be delivered");
    expect(text).not.toContain("may not know");
    expect(text).toContain("The daily digest to complaintsManager for no submission (job job-case-digest): timeout");
  });
});
