// The complaints manager's daily digest: cases not acknowledged in time, cases whose reply is due within the
// timetable's reminder window, cases overdue, and cases whose requests for a progress code the limit held back since
// the last digest. References, stages, dates and counts only: no personal data.
import type { Timetable } from "~/config/council-schema";
import { addWorkingDays, workingDaysBetween } from "~/working-days";
import { currentStage, replyDueOn, type CaseState } from "./case-state";

export interface DigestLine {
  reference: string;
  stage: 1 | 2 | 3;
  dueOn: string;
  /** Working days past the due date (0 on the day itself); for lines not yet due, working days left. */
  days: number;
}

/** A case whose requests for a code to check progress the limit held back, with how many. */
export interface HeldBackCodes {
  reference: string;
  count: number;
}

export interface Digest {
  day: string;
  notAcknowledged: DigestLine[];
  dueSoon: DigestLine[];
  overdue: DigestLine[];
  /** Cases whose requests for a code to check progress the hourly or daily limit held back since the last digest. */
  codesHeldBack: HeldBackCodes[];
}

export function buildDigest(
  cases: readonly { reference: string; state: CaseState }[],
  timetable: Timetable,
  today: string,
  codesHeldBack: readonly HeldBackCodes[] = [],
): Digest {
  const horizon = addWorkingDays(today, timetable.remindBefore);
  const digest: Digest = { day: today, notAcknowledged: [], dueSoon: [], overdue: [], codesHeldBack: [...codesHeldBack] };
  for (const { reference, state } of cases) {
    if (state.closedOn) continue;
    const stage = currentStage(state).stage;
    if (!state.acknowledgedOn && state.acknowledgementDueOn < today) {
      digest.notAcknowledged.push({ reference, stage, dueOn: state.acknowledgementDueOn, days: workingDaysBetween(state.acknowledgementDueOn, today) });
    }
    const due = replyDueOn(state);
    if (!due) continue;
    if (due < today) digest.overdue.push({ reference, stage, dueOn: due, days: workingDaysBetween(due, today) });
    else if (due <= horizon) digest.dueSoon.push({ reference, stage, dueOn: due, days: workingDaysBetween(today, due) });
  }
  const byDate = (a: DigestLine, b: DigestLine) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference);
  digest.notAcknowledged.sort(byDate);
  digest.dueSoon.sort(byDate);
  digest.overdue.sort(byDate);
  return digest;
}

export function isEmptyDigest(digest: Digest): boolean {
  return !digest.notAcknowledged.length && !digest.dueSoon.length && !digest.overdue.length && !digest.codesHeldBack.length;
}
