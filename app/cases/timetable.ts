// Deadlines, worked out from the council's timetable (council settings, `timetable`) and England and Wales working
// days. Nothing else in the code knows a number of days: journeys name the promise they make, cases the stage
// they are at, and this module turns either into a date.
import type { Timetable } from "~/config/council-schema";
import { addWorkingDays, londonDate } from "~/working-days";
import type { CaseService, CaseStage, ReportTimetable } from "./case-record";

/** What a submission promises the person about a reply, named by the journey (see Journey.replyPromise). */
export const replyPromises = ["complaint", "next-stage", "review-panel", "advocate", "other-format", "late-request"] as const;
export type ReplyPromise = (typeof replyPromises)[number];

/** Whether the service follows the children's social care procedure (three stages) or the public health one. */
export function isPublicHealth(service: string | null): boolean {
  return service === "public-health";
}

/**
 * When someone will be in touch about something about to happen: working days from the day it was sent, as that day
 * was in London (a send at half past midnight in summer is the next day's, not UTC's day before).
 */
export function urgentContactBy(submittedAt: string, timetable: Timetable): string {
  return addWorkingDays(londonDate(new Date(submittedAt)), timetable.urgentContactWithin);
}

/** What a request for stage 2 or 3 promises: stage 2's reply, or stage 3's panel, report and response. */
export const nextStagePromise = (stage: 2 | 3): ReplyPromise => (stage === 3 ? "review-panel" : "next-stage");

/** Working days to the reply a journey promises. */
export function promisedWorkingDays(timetable: Timetable, promise: ReplyPromise, service: string | null): number {
  switch (promise) {
    case "complaint":
      return isPublicHealth(service) ? timetable.publicHealth.replyWithin : timetable.childrensSocialCare.stage1.replyWithin;
    case "next-stage":
      // Stage 2's statutory time, as the case's own due date has it; an extension, if one is needed, is told to the
      // person and shows on their progress page.
      return timetable.childrensSocialCare.stage2.replyWithin;
    case "review-panel":
      return stage3WorkingDays(timetable);
    case "advocate":
      return timetable.advocateContactWithin;
    case "other-format":
      return timetable.otherFormatWithin;
    case "late-request":
      // A request for the next stage made after the time to ask: the council decides whether to take it, and tells
      // the person within the time a complaint is acknowledged, not a stage's (decision 090). Only the children's
      // social care procedure has a next stage, so its time, whatever the form said of the service.
      return timetable.acknowledgeWithin;
  }
}

/** The day a promise's reply is due: its working days from the day it was made (the send's, as a submission's reply
 * date is stored; the staff email reads which promise gave a date by working it out again). */
export function promisedReplyBy(timetable: Timetable, promise: ReplyPromise, service: string | null, madeOn: string): string {
  return addWorkingDays(madeOn, promisedWorkingDays(timetable, promise, service));
}

/** Stage 3's whole time: the panel meets, it reports, and the council responds. */
function stage3WorkingDays(timetable: Timetable): number {
  const { panelWithin, reportWithin, responseWithin } = timetable.childrensSocialCare.stage3;
  return panelWithin + reportWithin + responseWithin;
}

/** The calendar date `months` after `date` (the same day, or the month's last day when it has no such day). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The last day of a period of `months` months commencing on `date`, as the regulations count "6 months commencing on
 * the day on which the complaint was received": the day before the same day `months` later (received 4 August, the
 * last day is 3 February), or that month's last day when it has no such day (received 31 August, 28 or 29 February).
 */
export function lastDayOfMonthsCommencing(date: string, months: number): string {
  const same = addMonths(date, months);
  if (same.slice(8) !== date.slice(8)) return same;
  return new Date(Date.parse(`${same}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The working days a complaint is acknowledged within: the shorter of the Complaint Handling Code's and the
 * regulations'. One whose service is not known yet may be public health's, so it has the shorter time until staff
 * settle it (which times it again from when it was received).
 */
export function acknowledgementWorkingDays(timetable: Timetable, service: CaseService): number {
  return service === "childrens-social-care" ? timetable.acknowledgeWithin : Math.min(timetable.acknowledgeWithin, timetable.publicHealth.acknowledgeWithin);
}

/** The service a submission's answer names, as cases know services: one not named is "not sure". */
export function caseServiceOf(service: string | null): CaseService {
  return service === "childrens-social-care" || service === "public-health" ? service : "not-sure";
}

export function acknowledgementDue(timetable: Timetable, service: CaseService, receivedOn: string): string {
  return addWorkingDays(receivedOn, acknowledgementWorkingDays(timetable, service));
}

export interface StageLimits {
  /** The statutory date, before any extension. */
  dueOn: string;
  /** The latest an extension may move it to; null when the stage cannot be extended. Public health's is the end of
   * its 6 months, and a longer period may be agreed before then (`extended`, decision 079). */
  latestExtension: string | null;
  /** Stage 3 only: the day its review panel must meet by. */
  panelDueOn?: string;
}

/** When a stage started on `startedOn` must be replied to, and how far it may be extended. */
export function stageLimits(timetable: Timetable, service: CaseService, stage: CaseStage, startedOn: string): StageLimits {
  if (isPublicHealth(service)) {
    return { dueOn: addWorkingDays(startedOn, timetable.publicHealth.replyWithin), latestExtension: lastDayOfMonthsCommencing(startedOn, timetable.publicHealth.replyWithinMonths) };
  }
  const csc = timetable.childrensSocialCare;
  switch (stage) {
    case 1:
      return { dueOn: addWorkingDays(startedOn, csc.stage1.replyWithin), latestExtension: addWorkingDays(startedOn, csc.stage1.extendableTo) };
    case 2:
      return { dueOn: addWorkingDays(startedOn, csc.stage2.replyWithin), latestExtension: addWorkingDays(startedOn, csc.stage2.extendableTo) };
    case 3:
      return { dueOn: addWorkingDays(startedOn, stage3WorkingDays(timetable)), latestExtension: null, panelDueOn: addWorkingDays(startedOn, csc.stage3.panelWithin) };
  }
}

/** The day stage 3's reply is due once its review panel has met on `heldOn`: the panel's report within its days of
 * the meeting, then the response within its days of the report, as the regulations time them, whenever the panel met
 * (decision 078: a panel that met late is late itself, and does not shorten the response's time). */
export function replyDueAfterPanel(timetable: Timetable, heldOn: string): string {
  const { reportWithin, responseWithin } = timetable.childrensSocialCare.stage3;
  return addWorkingDays(heldOn, reportWithin + responseWithin);
}

/** The stages a service's procedure has. */
export function stagesOf(service: CaseService): readonly CaseStage[] {
  return isPublicHealth(service) ? [1] : [1, 2, 3];
}

/** How long after a stage's reply the person may ask for the next one; null when there is no next stage. */
export function nextStageRequestDeadline(timetable: Timetable, service: CaseService, stage: CaseStage, repliedOn: string): string | null {
  if (isPublicHealth(service) || stage === 3) return null;
  const within = stage === 1 ? timetable.childrensSocialCare.stage2.requestWithin : timetable.childrensSocialCare.stage3.requestWithin;
  return addWorkingDays(repliedOn, within);
}

/** The part of the timetable the annual report measures replies against. */
export function reportTimetable(timetable: Timetable): ReportTimetable {
  const csc = timetable.childrensSocialCare;
  return {
    childrensSocialCare: {
      1: { workingDays: csc.stage1.replyWithin, extendedWorkingDays: csc.stage1.extendableTo },
      2: { workingDays: csc.stage2.replyWithin, extendedWorkingDays: csc.stage2.extendableTo },
      3: { workingDays: stage3WorkingDays(timetable), extendedWorkingDays: null },
    },
    stage3Parts: { panelWithin: csc.stage3.panelWithin, reportWithin: csc.stage3.reportWithin, responseWithin: csc.stage3.responseWithin },
    publicHealthWorkingDays: timetable.publicHealth.replyWithin,
    publicHealthMonths: timetable.publicHealth.replyWithinMonths,
    acknowledgeWithin: { childrensSocialCare: acknowledgementWorkingDays(timetable, "childrens-social-care"), publicHealth: acknowledgementWorkingDays(timetable, "public-health") },
  };
}
