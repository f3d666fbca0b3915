// A complaint's progress through the statutory stages, worked out from its timeline: each event either moves the
// case on or is refused with a reason, and a refused event changes nothing. Pure: the same timeline always gives the
// same state, so the stored state can always be rebuilt, and every rule is tested without a database.
import type { Timetable } from "~/config/council-schema";
import { subtractWorkingDays, workingDaysBetween } from "~/working-days";
import { isReply, timedFrom, type CaseChannel, type CaseRecord, type CaseService, type CaseStage, type Closing, type ComplainantRole, type OmbudsmanRecord, type PortalReach, type StageRecord, type Timeliness } from "./case-record";
import type { CaseEvent, PortalCaseEvent, TimelineEvent } from "./case-events";
import { acknowledgementDue, isPublicHealth, nextStageRequestDeadline, replyDueAfterPanel, stageLimits, stagesOf, type StageLimits } from "./timetable";

/** What is known when a case is opened: from a portal submission, or typed by staff for a call or letter. */
export interface CaseOpening {
  reference: string;
  service: CaseService;
  role: ComplainantRole | null;
  receivedOn: string;
  channel: CaseChannel;
  reach: PortalReach | null;
  firstStage: CaseStage;
  advocateAsked: boolean;
  /** The council accepted it though it was made more than 12 months after the events. */
  acceptedOutOfTime: boolean;
  /** Made more than 12 months after the events, by what the person told us (absent from cases opened before this
   * was kept): the council decides whether to accept it (`time-limit-waived`). */
  madeLate?: boolean;
}

export interface CaseState extends CaseOpening {
  acknowledgedOn: string | null;
  acknowledgementDueOn: string;
  stages: StageRecord[];
  /** The latest date an extension may move the open stage's reply to; null when it cannot be extended. */
  latestExtension: string | null;
  advocateArrangedOn: string | null;
  ombudsman: OmbudsmanRecord | null;
  closedOn: string | null;
  /** Every closing, and its reopening (absent from states kept before this was). */
  closings?: Closing[];
  nextStageRequests: NextStageRequest[];
  /** The date of the latest event: a later event may not be dated before it. */
  lastEventOn: string;
}

/** A request for the next stage, made through the portal. */
export interface NextStageRequest {
  stage: 2 | 3;
  on: string;
  late: boolean;
  /** When the council answered it: the stage started, or a `next-stage-declined` event. Until then it is waiting,
   * whatever else happens to the case: closing it does not answer it (decision 067). */
  answeredOn: string | null;
  /** Whether the answer was no. */
  declined?: boolean;
}

/** The person's requests the council has not yet answered. */
export function waitingRequests(state: CaseState): NextStageRequest[] {
  return state.nextStageRequests.filter((request) => !request.answeredOn);
}

/** Why an event was refused: `field` names the part of the event at fault, when one is. */
export interface Refusal {
  title: string;
  detail: string;
  field?: string;
}

export type Applied = { ok: true; state: CaseState } | { ok: false; refusal: Refusal };

export function openCase(opening: CaseOpening, timetable: Timetable): CaseState {
  const limits = stageLimits(timetable, opening.service, opening.firstStage, opening.receivedOn);
  return {
    ...opening,
    acknowledgedOn: null,
    acknowledgementDueOn: acknowledgementDue(timetable, opening.service, opening.receivedOn),
    stages: [openStage(opening.firstStage, opening.receivedOn, opening.receivedOn, limits)],
    latestExtension: limits.latestExtension,
    advocateArrangedOn: null,
    ombudsman: null,
    closedOn: null,
    closings: [],
    nextStageRequests: [],
    lastEventOn: opening.receivedOn,
  };
}

function openStage(stage: CaseStage, startedOn: string, from: string, limits: StageLimits): StageRecord {
  return {
    stage,
    startedOn,
    timedFrom: from,
    dueOn: limits.dueOn,
    extendedDueOn: null,
    repliedOn: null,
    outcome: null,
    workingDays: null,
    timeliness: null,
    ...(limits.panelDueOn ? { panel: { dueOn: limits.panelDueOn, heldOn: null } } : {}),
  };
}

/** Stage 3's review panel: as recorded, or, for a stage 3 kept before panels were, due the report's and the
 * response's time before its reply (so timed from the same day, the person's request or the stage's start). Null at
 * other stages. */
export function panelOf(stage: StageRecord, timetable: Timetable): NonNullable<StageRecord["panel"]> | null {
  if (stage.stage !== 3) return null;
  const { reportWithin, responseWithin } = timetable.childrensSocialCare.stage3;
  return stage.panel ?? { dueOn: subtractWorkingDays(stage.dueOn, reportWithin + responseWithin), heldOn: null };
}

export function currentStage(state: CaseState): StageRecord {
  return state.stages[state.stages.length - 1]!;
}

/** The date the open stage's reply is due (after any extension); null once it has been replied to. */
export function replyDueOn(state: CaseState): string | null {
  const stage = currentStage(state);
  return stage.repliedOn ? null : (stage.extendedDueOn ?? stage.dueOn);
}

function timelinessOf(stage: StageRecord, repliedOn: string): Timeliness {
  if (repliedOn <= stage.dueOn) return "in-time";
  if (stage.extendedDueOn && repliedOn <= stage.extendedDueOn) return "extended";
  return "late";
}

const refuse = (title: string, detail: string, field?: string): Applied => ({ ok: false, refusal: { title, detail, ...(field ? { field } : {}) } });

/**
 * Applies one event dated `date` (already defaulted to today by the caller). `today` bounds the date: nothing is
 * recorded as having happened tomorrow.
 */
export function applyEvent(state: CaseState, event: TimelineEvent, timetable: Timetable, today: string): Applied {
  const date = event.date;
  if (date > today) return refuse("The date is in the future", `${date} is after today (${today}).`, "date");
  // Two may be dated back: a panel's meeting (decision 070), and a request staff confirmed with the person after
  // later events were recorded (decision 075: one sent "not checked", dated the day it was sent, so it is judged in
  // time or late on that day), though never before the reply it follows.
  const open = currentStage(state);
  const backdated = event.type === "panel-held" || (event.type === "next-stage-requested" && date >= (open.repliedOn ?? open.startedOn));
  if (date < state.lastEventOn && !backdated) return refuse("The date is before the case's latest event", `${date} is before ${state.lastEventOn}, the date of the case's latest event. Record events in the order they happened.`, "date");
  const closedOnly = event.type === "ombudsman" || event.type === "reopened" || event.type === "next-stage-requested" || event.type === "next-stage-declined";
  if (state.closedOn && !closedOnly) return refuse("The case is closed", `The case was closed on ${state.closedOn}. Send a reopened event first.`);
  const next = structuredClone(state);
  next.lastEventOn = date > state.lastEventOn ? date : state.lastEventOn;
  const stage = currentStage(next);
  switch (event.type) {
    case "acknowledged":
      if (state.acknowledgedOn) return refuse("Already acknowledged", `The complaint was acknowledged on ${state.acknowledgedOn}.`);
      next.acknowledgedOn = date;
      return { ok: true, state: next };
    case "service-settled": {
      if (state.service !== "not-sure") return refuse("The service is settled", `The complaint is about ${state.service}: only one sent as "not sure" can be settled.`, "service");
      if (!stagesOf(event.service).includes(stage.stage)) return refuse("No such stage", "Public health complaints have one stage at the council, then the Ombudsman.", "service");
      next.service = event.service;
      // Its time limits are that service's from now on: the open stage's and the acknowledgement's, from the day each
      // counts from (the stage's, as `stage-started` set it: the person's request, or its start).
      const limits = stageLimits(timetable, event.service, stage.stage, timedFrom(stage));
      // A stage 3 whose panel has met keeps its reply timed from the meeting, whichever was recorded first.
      const heldOn = stage.panel?.heldOn;
      if (!stage.repliedOn) next.stages[next.stages.length - 1] = { ...stage, dueOn: heldOn ? replyDueAfterPanel(timetable, heldOn) : limits.dueOn };
      next.latestExtension = limits.latestExtension;
      // Whether or not it has been acknowledged: one acknowledged on day 4 while not settled (3 days) and then settled
      // to children's social care (5) was acknowledged in time, and the annual report counts it so (decision 092).
      next.acknowledgementDueOn = acknowledgementDue(timetable, event.service, state.receivedOn);
      return { ok: true, state: next };
    }
    case "stage-started": {
      if (!stagesOf(state.service).includes(event.stage)) return refuse("No such stage", "Public health complaints have one stage at the council, then the Ombudsman.", "stage");
      if (event.stage !== stage.stage + 1) return refuse("Stages go in order", `The case is at stage ${stage.stage}: the next stage is ${stage.stage + 1}.`, "stage");
      // Straight to an investigation, before any stage 1 reply (the procedure allows it, for a serious complaint or
      // when both agree): the complaint is then one first considered at stage 2, as one registered so is, and its
      // stage 2 is timed from the day it began. Stage 1, never replied to, is not kept: it was never a stage 1 reply.
      if (event.stage === 2 && !stage.repliedOn && state.stages.length === 1) {
        const limits = stageLimits(timetable, state.service, 2, date);
        next.firstStage = 2;
        next.stages = [openStage(2, date, date, limits)];
        answerRequests(next, date, (request) => request.stage <= 2, false);
        next.latestExtension = limits.latestExtension;
        return { ok: true, state: next };
      }
      if (!stage.repliedOn) return refuse("The current stage has not been replied to", `Stage ${stage.stage} has no reply yet: stage ${event.stage} starts after it.`, "stage");
      // A complaint withdrawn, or not considered, has ended: there is no reply to take further (the Ombudsman is next).
      if (!isReply(stage.outcome)) return refuse("The complaint has ended", `Stage ${stage.stage} ended ${stage.outcome}: there is no reply to take to stage ${event.stage}.`, "stage");
      // Timed from the person's request through the portal, where one made after the last stage's reply is waiting:
      // the reply date the confirmation promised them, and the regulations' time from when they asked (decision 067).
      // A request made before that reply (the portal takes one at any time) is timed from the stage's start.
      const askedOn = waitingRequests(state).find((request) => timesItsStage(state, request))?.on;
      const limits = stageLimits(timetable, state.service, event.stage, askedOn ?? date);
      next.stages.push(openStage(event.stage, date, askedOn ?? date, limits));
      answerRequests(next, date, (request) => request.stage <= event.stage, false);
      next.latestExtension = limits.latestExtension;
      return { ok: true, state: next };
    }
    case "extended": {
      if (stage.repliedOn) return refuse("Nothing to extend", `Stage ${stage.stage} was replied to on ${stage.repliedOn}.`);
      if (!state.latestExtension) return refuse("This stage cannot be extended", `Stage ${stage.stage} has no extension in the regulations.`);
      const current = stage.extendedDueOn ?? stage.dueOn;
      // Agreed while the reply is still in time: an extension recorded after the date has passed would turn a late
      // reply into one "within an agreed extension" in the annual report. A stage that began after its date (timed
      // from the person's request, decision 067) may have one agreed as it begins: nobody could agree it sooner.
      const agreeBy = stage.startedOn > current ? stage.startedOn : current;
      if (date > agreeBy) return refuse("The reply is already late", `Stage ${stage.stage}'s reply was due by ${current}: an extension is agreed by then, not after.`, "date");
      if (event.dueDate <= current) return refuse("The new date is not later", `The reply is already due by ${current}.`, "dueDate");
      // Public health's 6 months may be made longer by an agreement made before they end (the regulations' "such longer
      // period as may be agreed before the expiry of that period"); children's social care's limits are fixed.
      const agreedLonger = isPublicHealth(state.service) && date <= state.latestExtension;
      if (event.dueDate > state.latestExtension && !agreedLonger) return refuse("Past the longest extension allowed", `Stage ${stage.stage} may be extended to ${state.latestExtension} at the latest.`, "dueDate");
      next.stages[next.stages.length - 1] = { ...stage, extendedDueOn: event.dueDate };
      return { ok: true, state: next };
    }
    case "replied": {
      if (event.stage !== stage.stage) return refuse("Not the open stage", `The case is at stage ${stage.stage}.`, "stage");
      if (stage.repliedOn) return refuse("Already replied", `Stage ${stage.stage} was replied to on ${stage.repliedOn}.`, "stage");
      next.stages[next.stages.length - 1] = {
        ...stage,
        repliedOn: date,
        outcome: event.outcome,
        // From the day its due date counts from, so the days and the judgement of lateness agree.
        workingDays: workingDaysBetween(timedFrom(stage), date),
        timeliness: timelinessOf(stage, date),
      };
      next.latestExtension = null;
      return { ok: true, state: next };
    }
    case "panel-held": {
      const panel = panelOf(stage, timetable);
      if (!panel) return refuse("No review panel", `The case is at stage ${stage.stage}: a review panel meets at stage 3.`);
      if (stage.repliedOn) return refuse("Already replied", `Stage 3 was replied to on ${stage.repliedOn}.`);
      if (panel.heldOn) return refuse("The panel has met", `The review panel met on ${panel.heldOn}.`);
      if (date < stage.startedOn) return refuse("The date is before stage 3 began", `Stage 3 began on ${stage.startedOn}.`, "date");
      // It may be recorded late, after other events, with the day it met: nothing else recorded since depends on it.
      next.lastEventOn = date > state.lastEventOn ? date : state.lastEventOn;
      next.stages[next.stages.length - 1] = { ...stage, dueOn: replyDueAfterPanel(timetable, date), panel: { ...panel, heldOn: date } };
      return { ok: true, state: next };
    }
    case "time-limit-waived":
      if (state.acceptedOutOfTime) return refuse("Already accepted", "The complaint was already accepted outside the 12-month time limit.");
      next.acceptedOutOfTime = true;
      return { ok: true, state: next };
    case "advocate-assigned":
      next.advocateArrangedOn = date;
      return { ok: true, state: next };
    case "ombudsman": {
      const record: OmbudsmanRecord = next.ombudsman ?? { referredOn: null, referredBack: false, referredBackOn: null, decidedOn: null, decision: null };
      if (event.action === "referred") {
        if (record.referredOn) return refuse("Already with the Ombudsman", `The Ombudsman was asked on ${record.referredOn}.`, "action");
        record.referredOn = date;
      } else if (event.action === "referred-back") {
        // The first time it was sent back; a record kept before the date was keeps its year (the complaint's).
        if (!record.referredBack) record.referredBackOn = date;
        record.referredBack = true;
      } else {
        if (!record.referredOn) return refuse("Not with the Ombudsman", "Send an ombudsman event with action referred first.", "action");
        if (record.decidedOn) return refuse("Already decided", `The Ombudsman decided on ${record.decidedOn}.`, "action");
        record.decidedOn = date;
        record.decision = event.decision ?? null;
      }
      next.ombudsman = record;
      return { ok: true, state: next };
    }
    case "closed":
      if (!stage.repliedOn) return refuse("The open stage has no reply", `Send the reply to stage ${stage.stage} before closing the case.`);
      next.closedOn = date;
      next.closings = [...(next.closings ?? []), { closedOn: date, reopenedOn: null }];
      return { ok: true, state: next };
    case "reopened":
      if (!state.closedOn) return refuse("The case is open", "Only a closed case can be reopened.");
      next.closedOn = null;
      // A state kept before closings were has only its closing date: that closing is kept, reopened now.
      next.closings = (next.closings ?? [{ closedOn: state.closedOn, reopenedOn: null }]).map((closing) => (closing.reopenedOn === null ? { ...closing, reopenedOn: date } : closing));
      return { ok: true, state: next };
    case "next-stage-declined":
      if (!waitingRequests(state).some((request) => request.stage === event.stage)) {
        return refuse("No request waiting", `No request for stage ${event.stage} is waiting: a request is made through the portal, and answered once.`, "stage");
      }
      answerRequests(next, date, (request) => request.stage === event.stage, true);
      return { ok: true, state: next };
    case "next-stage-requested": {
      // As settled when it was recorded (`settleRequest`); one recorded before requests were settled waits, as then.
      next.nextStageRequests.push({ stage: event.stage, on: date, late: "late" in event && event.late, answeredOn: isSettled(event) && event.answered ? date : null });
      // Someone who asks for an advocate for the next stage is someone who complained and asked for one: the annual
      // report counts them so.
      if (event.advocate) next.advocateAsked = true;
      return { ok: true, state: next };
    }
  }
}

/**
 * What a request for the next stage made through the portal means for this case, worked out once, when it is
 * recorded, and stored so. The person picks a stage on the form, and may not know which one their complaint is at:
 * - after a reply below stage 3, any request is for the stage after it (they want to go further), and waits;
 * - while a stage is open, one for a later stage is for the next (stages go in order), and waits for its reply; one
 *   for that stage or an earlier one is answered by it;
 * - one after stage 3's reply, or for a stage the service does not have (public health's next step is the
 *   Ombudsman), is answered on arrival: there is nothing to wait for.
 * What they picked stays in their submission, which the team has by email, and in `picked`.
 */
export function settleRequest(state: CaseState, event: PortalCaseEvent): PortalCaseEvent {
  const stage = currentStage(state);
  const after = stageAfter(state);
  const stageOf = (stage.repliedOn && after ? after : Math.min(event.stage, stage.stage + 1)) as NextStageRequest["stage"];
  // Only a request for the stage after this one has anything to wait for.
  const answered = stageOf !== after;
  return { ...event, stage: stageOf, answered, ...(stageOf !== event.stage ? { picked: event.stage } : {}) };
}

/** The stage after the one a case is at, where its service has one and the complaint has not ended (public health's
 * next step is the Ombudsman, and so is stage 3's and a withdrawn complaint's): what a request for the next stage is
 * for (`settleRequest`), what the digest waits on, what the person is offered, and what the form suggests to someone
 * who checked their case. */
export function stageAfter(state: CaseState): NextStageRequest["stage"] | null {
  const stage = currentStage(state);
  // A complaint withdrawn, or not considered, has ended: it has no next stage (the Ombudsman is next).
  if (stage.repliedOn && !isReply(stage.outcome)) return null;
  const following = stage.stage + 1;
  return following <= 3 && stagesOf(state.service).includes(following as CaseStage) ? (following as NextStageRequest["stage"]) : null;
}

/** Whether the stage a waiting request asks for is timed from the request when it starts: one made on or after the
 * reply to the stage before it (decision 067). One made earlier (the portal takes one at any time) waits for that
 * reply, and its stage is timed from its start. */
export function timesItsStage(state: CaseState, request: NextStageRequest): boolean {
  const latest = currentStage(state);
  return latest.repliedOn !== null && request.stage === latest.stage + 1 && request.on >= latest.repliedOn;
}

/**
 * Whether a request for the next stage made on `date` comes after the usual time to ask (it is still taken). Not
 * while one made in time still waits for the council's answer: asking again is the same request, and is not told
 * the council may turn it down for lateness (decision 090).
 */
export function askedLate(state: CaseState, timetable: Timetable, date: string): boolean {
  if (waitingRequests(state).some((request) => !request.late)) return false;
  return nextStageOffer(state, timetable, date)?.inTime === false;
}

/** A request for the next stage that staff or the case system recorded (by phone, by letter, or a portal request
 * sent "not checked" that they confirmed with the person, decision 075). */
export type RecordedRequest = Extract<CaseEvent, { type: "next-stage-requested" }> & { date: string };

/** Whether a request for the next stage was settled when it was recorded (stored so, or one of the portal's own). */
export function isSettled(event: PortalCaseEvent | RecordedRequest): event is PortalCaseEvent & { answered: boolean } {
  return "answered" in event && event.answered !== undefined;
}

/**
 * A request as it is recorded, from the portal or from staff: late when the time to ask after the last reply had
 * passed (staff say nothing of it; the portal worked it out when it was sent), and settled (`settleRequest`).
 */
export function requestAsRecorded(state: CaseState, event: PortalCaseEvent | RecordedRequest, timetable: Timetable): PortalCaseEvent {
  const late = "late" in event ? event.late : askedLate(state, timetable, event.date);
  return settleRequest(state, { type: "next-stage-requested", stage: event.stage, date: event.date, late, ...(event.advocate ? { advocate: true } : {}) });
}

/** Marks the waiting requests `which` picks answered on `date`: by the stage starting, or `declined`. */
function answerRequests(state: CaseState, date: string, which: (request: NextStageRequest) => boolean, declined: boolean): void {
  state.nextStageRequests = state.nextStageRequests.map((request) => (request.answeredOn || !which(request) ? request : { ...request, answeredOn: date, ...(declined ? { declined } : {}) }));
}

/** Rebuilds a case from its opening and every event it accepted, in order. */
export function replay(opening: CaseOpening, events: readonly TimelineEvent[], timetable: Timetable): CaseState {
  let state = openCase(opening, timetable);
  for (const event of events) {
    const applied = applyEvent(state, event, timetable, "9999-12-31");
    if (!applied.ok) throw new Error(`A stored event no longer applies: ${applied.refusal.title}`);
    state = applied.state;
  }
  return state;
}

/**
 * The last day a closed case is needed for the person (retention keeps it a while after): its closing, the end of their
 * time to ask for the next stage, or the day of a request still waiting for the council's answer, whichever is latest
 * (decision 067).
 */
export function closedCaseNeededUntil(state: CaseState, timetable: Timetable): string {
  const last = currentStage(state);
  const askBy = last.repliedOn ? nextStageRequestDeadline(timetable, state.service, last.stage, last.repliedOn) : null;
  return [state.closedOn ?? state.lastEventOn, askBy, ...waitingRequests(state).map((request) => request.on)].reduce<string>((latest, day) => (day && day > latest ? day : latest), "");
}

/** The next stage the person may ask for, and until when; null when none is open to them. */
export function nextStageOffer(state: CaseState, timetable: Timetable, today: string): { stage: 2 | 3; until: string; inTime: boolean } | null {
  const stage = currentStage(state);
  const after = stageAfter(state);
  if (!stage.repliedOn || !after) return null;
  const until = nextStageRequestDeadline(timetable, state.service, stage.stage, stage.repliedOn);
  if (!until) return null;
  return { stage: after, until, inTime: today <= until };
}

/** Whether an event of this kind is one the case system or staff send (the portal's own are not). */
export function isOutsideEvent(event: TimelineEvent): event is CaseEvent & { date: string } {
  return event.type !== "next-stage-requested";
}

/** The anonymous record the annual report reads (app/cases/case-record.ts). */
export function caseRecordOf(state: CaseState): CaseRecord {
  return {
    service: state.service,
    role: state.role,
    receivedOn: state.receivedOn,
    channel: state.channel,
    reach: state.reach,
    firstStage: state.firstStage,
    stages: state.stages.map((stage) => ({ ...stage })),
    acknowledgedOn: state.acknowledgedOn,
    acknowledgementDueOn: state.acknowledgementDueOn,
    advocateAsked: state.advocateAsked,
    advocateArranged: state.advocateArrangedOn !== null,
    acceptedOutOfTime: state.acceptedOutOfTime,
    ombudsman: state.ombudsman ? { ...state.ombudsman } : null,
    closedOn: state.closedOn,
    ...(state.closings ? { closings: state.closings.map((closing) => ({ ...closing })) } : {}),
    requests: state.nextStageRequests.map((request) => ({ stage: request.stage, on: request.on, answeredOn: request.answeredOn })),
  };
}
