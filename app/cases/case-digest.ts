// The complaints manager's daily digest: cases not acknowledged in time (until a reply or a later stage makes that
// moot), cases whose reply is due within the timetable's reminder window, cases overdue, stage 3 review panels that
// have not met by their day or are due to soon, requests for the next stage
// not yet started (closed cases too: a request usually follows the reply that closed one), with the reply date that
// already runs from the request, cases replied to that nothing keeps open any more but are not closed, and cases
// whose requests for a progress code the limit held back since the last digest. References, stages, dates and counts only: no
// personal data.
import type { Timetable } from "~/config/council-schema";
import { addWorkingDays, workingDaysBetween } from "~/working-days";
import { isReply } from "./case-record";
import { currentStage, panelOf, replyDueOn, stageAfter, timesItsStage, waitingRequests, type CaseState } from "./case-state";
import { nextStageRequestDeadline, stageLimits } from "./timetable";

export interface DigestLine {
  reference: string;
  stage: 1 | 2 | 3;
  dueOn: string;
  /** Working days past the due date (0 on the day itself); for lines not yet due, working days left. */
  days: number;
}

/** A request for the next stage that has not started: listed for as long as that stage would take. */
export interface NextStageLine {
  reference: string;
  stage: 2 | 3;
  askedOn: string;
  /** Working days since it was asked for. */
  days: number;
}

/** The stage's reply date, and at stage 3 its panel's, counted from the request (decision 067): they run already.
 * Absent for a request made before the last stage's reply, whose stage is timed from its start. */
export interface RunningDates {
  replyDueOn?: string;
  panelDueOn?: string;
}

/** A case replied to, with nothing left at the council (the time to ask for the next stage has ended, or there is no
 * next stage) and no request waiting, that is not closed: until it is, the annual report counts it as still being
 * considered. */
export interface ToCloseLine {
  reference: string;
  stage: 1 | 2 | 3;
  repliedOn: string;
  /** The last day the person could ask for the next stage; null when there is no next stage at the council. */
  askBy: string | null;
  /** How the stage ended when it ended without a reply: the complaint was withdrawn, or not considered. */
  ended?: "withdrawn" | "not-considered";
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
  nextStageNotStarted: (NextStageLine & RunningDates)[];
  /** Waiting requests for a stage that cannot come next (`at`: the stage the case is at): to be answered by declining. */
  nextStageCannotStart: (NextStageLine & { at: 1 | 2 | 3 })[];
  /** Stage 3 review panels that have not met: past the day they were due to (`days` over), or due within the reminder
   * window (`days` left). The reply's own date is listed as any stage's. */
  panelsOverdue: DigestLine[];
  panelsDueSoon: DigestLine[];
  toClose: ToCloseLine[];
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
  const digest: Digest = { day: today, notAcknowledged: [], dueSoon: [], overdue: [], nextStageNotStarted: [], nextStageCannotStart: [], panelsOverdue: [], panelsDueSoon: [], toClose: [], codesHeldBack: [...codesHeldBack] };
  for (const { reference, state } of cases) {
    const latest = currentStage(state);
    const waiting = waitingRequests(state);
    for (const request of waiting) {
      // Only a stage the service has, that comes next, after the last one's reply: a request for stage 3 while stage
      // 2 is still open waits for stage 2's reply, and public health has one stage at the council. Listed until the
      // council answers it, by starting the stage or declining it (decision 067): a request nobody answered gets older in
      // the digest, rather than dropping out of it.
      const line = { reference, stage: request.stage, askedOn: request.on, days: workingDaysBetween(request.on, today) };
      const next = request.stage === stageAfter(state);
      if (next && latest.repliedOn !== null) digest.nextStageNotStarted.push({ ...line, ...(timesItsStage(state, request) ? runningFrom(timetable, state, request.stage, request.on) : {}) });
      // One that can never start as it is (a stage the service does not have, after a "not sure" complaint was settled
      // to public health; one after a withdrawal, or a decision not to consider the complaint; or one recorded before
      // requests were settled, skipping a stage) is listed to be answered, so
      // that nothing waits unseen. One for the stage after an open one waits for its reply.
      else if (!next) digest.nextStageCannotStart.push({ ...line, at: latest.stage });
    }
    if (state.closedOn) continue;
    const stage = latest.stage;
    if (latest.repliedOn && !waiting.length) {
      // A late request may still be accepted (decision 068): closing does not stop one, it reopens the case.
      const askBy = nextStageRequestDeadline(timetable, state.service, stage, latest.repliedOn);
      // A withdrawn complaint, or one not considered, has no next stage to wait for.
      if (!isReply(latest.outcome) && (latest.outcome === "withdrawn" || latest.outcome === "not-considered")) {
        digest.toClose.push({ reference, stage, repliedOn: latest.repliedOn, askBy: null, ended: latest.outcome });
      } else if (!askBy || askBy < today) digest.toClose.push({ reference, stage, repliedOn: latest.repliedOn, askBy });
    }
    // Once a stage has been replied to, or a later one started, an acknowledgement is no longer worth chasing.
    const movedOn = state.stages.length > 1 || state.stages.some((each) => each.repliedOn !== null);
    if (!state.acknowledgedOn && !movedOn && state.acknowledgementDueOn < today) {
      digest.notAcknowledged.push({ reference, stage, dueOn: state.acknowledgementDueOn, days: workingDaysBetween(state.acknowledgementDueOn, today) });
    }
    const due = replyDueOn(state);
    if (!due) continue;
    if (due < today) digest.overdue.push({ reference, stage, dueOn: due, days: workingDaysBetween(due, today) });
    else if (due <= horizon) digest.dueSoon.push({ reference, stage, dueOn: due, days: workingDaysBetween(today, due) });
    const panel = panelOf(latest, timetable);
    if (panel && !panel.heldOn) {
      if (panel.dueOn < today) digest.panelsOverdue.push({ reference, stage, dueOn: panel.dueOn, days: workingDaysBetween(panel.dueOn, today) });
      else if (panel.dueOn <= horizon) digest.panelsDueSoon.push({ reference, stage, dueOn: panel.dueOn, days: workingDaysBetween(today, panel.dueOn) });
    }
  }
  const byDate = (a: DigestLine, b: DigestLine) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference);
  digest.notAcknowledged.sort(byDate);
  digest.dueSoon.sort(byDate);
  digest.overdue.sort(byDate);
  digest.panelsOverdue.sort(byDate);
  digest.panelsDueSoon.sort(byDate);
  const byAsked = (a: NextStageLine, b: NextStageLine) => a.askedOn.localeCompare(b.askedOn) || a.reference.localeCompare(b.reference);
  digest.nextStageNotStarted.sort(byAsked);
  digest.nextStageCannotStart.sort(byAsked);
  digest.toClose.sort((a, b) => a.repliedOn.localeCompare(b.repliedOn) || a.reference.localeCompare(b.reference));
  return digest;
}

/** The dates a requested stage's limits run to from the request, as stage-started will set them. */
function runningFrom(timetable: Timetable, state: CaseState, stage: 2 | 3, askedOn: string): RunningDates {
  const limits = stageLimits(timetable, state.service, stage, askedOn);
  return { replyDueOn: limits.dueOn, ...(limits.panelDueOn ? { panelDueOn: limits.panelDueOn } : {}) };
}

export function isEmptyDigest(digest: Digest): boolean {
  return (
    !digest.notAcknowledged.length &&
    !digest.dueSoon.length &&
    !digest.overdue.length &&
    !digest.nextStageNotStarted.length &&
    !digest.nextStageCannotStart.length &&
    !digest.panelsOverdue.length &&
    !digest.panelsDueSoon.length &&
    !digest.toClose.length &&
    !digest.codesHeldBack.length
  );
}
