// Sending a journey: only the answers on the route are stored, with a reference and the reply-by date, in one
// transaction with everything that follows from it: its delivery jobs, the case a complaint opens (or the request
// for the next stage recorded on the case it names), and its anonymous statistics row, so the annual report counts
// it from the moment it arrives.
import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { initialiseNames } from "~/annual-report/initialise-names";
import { type PortalReach, type Quotation, type SubmissionRecord } from "~/cases/case-record";
import type { PortalCaseEvent } from "~/cases/case-events";
import { askedLate, currentStage, replyDueOn, requestAsRecorded, type CaseState } from "~/cases/case-state";
import { caseServiceOf, nextStagePromise, promisedReplyBy } from "~/cases/timetable";
import type { Timetable } from "~/config/council-schema";
import { webhooksFor } from "~/config/config.server";
import { contactFlags, mayWriteTo } from "~/delivery/contact-permission";
import { jobsInsert } from "~/delivery/outbox.server";
import { planDeliveries } from "~/delivery/plan-deliveries";
import { generateReference } from "~/reference.server";
import type { Queryable, Statement } from "~/services/database.server";
import type { Services } from "~/services/services.server";
import type { StoredSubmission } from "~/services/submissions.server";
import type { EvidenceOwner } from "~/evidence/evidence-store.server";
import { evidenceOwner } from "./evidence-page.server";
import { orderFlags, type RoutingFlag } from "./flags";
import { answersOnRoute, isLateRequest } from "./journey-engine";
import type { JourneyRequest } from "./journey-requests.server";
import type { Journey } from "./journey-types";
import { webhookTypeOf } from "./journeys";
import { openViewing, type JourneyAnswers, type JourneyState, type SessionData, type Viewing } from "./session-data";

export interface JourneySubmission {
  journey: Journey;
  answers: JourneyAnswers;
  language: string;
  /** The journey run's id: the same run is stored once however often it is sent. */
  runId: string;
  today: string;
  /** How the portal was used to send it, for the annual report (nothing that identifies anyone). */
  reach?: PortalReach;
  /** The case the sending session checked with a code, while that is open (decision 075): a request for the next
   * stage is added to a case only from a session that checked it. */
  checkedCase?: Viewing | null;
  /** Whose evidence files go with it: they move from the session's run to the submission in its transaction. */
  evidence?: EvidenceOwner | null;
  /** More writes for the submission's own transaction, run last, only when this send stores it. */
  alsoInTransaction?: (tx: Queryable, submission: SentSubmission) => Promise<void>;
  /** Run first in the submission's transaction, every time (the send locks its session's row: see `rotation`). */
  firstInTransaction?: (tx: Queryable) => Promise<void>;
}


/**
 * A request for the next stage, and what the team is told of it. It is added to the case (its timeline, the digest,
 * the person's page, what is kept) only when the session that sends it checked that case with a code sent to the
 * person: anyone may know a reference, and a request in someone else's name must not change their case (decision
 * 075). Any other is sent to the team "not checked", to confirm with the person before recording it. One made after
 * the time to ask has passed is taken, and flagged late: the council decides whether to take it, and the person is
 * promised that decision, not the stage's reply (decision 090).
 */
async function nextStageRequestOf(services: Services, journey: Journey, answers: JourneyAnswers, today: string, checked: Viewing | null): Promise<{ flags: RoutingFlag[]; recorded: boolean; promise: RecordedPromise | null }> {
  const request = journey.asksForNextStage?.(answers);
  if (!request?.reference) return { flags: [], recorded: false, promise: null };
  const { timetable } = services.config.council;
  const found = await services.cases.byReference(request.reference);
  const late = found ? askedLate(found.state, timetable, today) : false;
  const recorded = Boolean(found && checked && checked.reference === found.reference && checked.caseId === found.id);
  const recordedAs = found && recorded ? recordedPromise(found.state, requestAsRecorded(found.state, { type: "next-stage-requested", stage: request.stage, date: today, late }, timetable), timetable, today) : null;
  const promise = found && recordedAs && late ? { ...recordedAs, replyBy: promisedReplyBy(timetable, "late-request", found.state.service, today) } : recordedAs;
  return { flags: [...(late ? (["late"] as const) : []), ...(recorded ? [] : (["not-checked"] as const))], recorded, promise };
}

/** A stored submission, with the stage its request for the next stage was added to the case for, where it was, and
 * whether that request was made after the time to ask. */
export type SentSubmission = StoredSubmission & { recordedStage?: RecordedPromise["stage"]; late?: true };

/** What the confirmation and the acknowledgement promise someone whose request is added to their case. */
export interface RecordedPromise {
  /** The stage the request is for, as it is recorded (the person may have picked another: `settleRequest`), or
   * "ended" when the complaint has no stage left to give (stage 3 replied to, public health's one stage replied to,
   * or the complaint withdrawn or not considered): the request is answered as it comes. */
  stage: 2 | 3 | "ended";
  replyBy: string;
}

/**
 * The promise for a request as the case records it, rather than as picked on the form: a request waiting for a
 * stage that starts from it (the stage before was replied to) is answered in that stage's time from today; one that
 * an open stage answers, or that waits for an open stage's reply first, is answered by that stage's reply date. Where
 * the case has neither, the complaint has no stage left: the person is told so, and that the team will write within
 * the time a complaint is replied to (not a stage's time, or a panel that will never meet).
 */
function recordedPromise(state: CaseState, settled: PortalCaseEvent, timetable: Timetable, today: string): RecordedPromise {
  if (!settled.answered && currentStage(state).repliedOn) {
    return { stage: settled.stage, replyBy: promisedReplyBy(timetable, nextStagePromise(settled.stage), state.service, today) };
  }
  const open = replyDueOn(state);
  return open ? { stage: settled.stage, replyBy: open } : { stage: "ended", replyBy: promisedReplyBy(timetable, "complaint", state.service, today) };
}

/** The date the confirmation promises a reply by, or null when the journey promises none (no contact asked for). */
export function replyByOf(services: Services, journey: Journey, answers: JourneyAnswers, today: string): string | null {
  const promise = journey.replyPromise(answers);
  return promise === null ? null : promisedReplyBy(services.config.council.timetable, promise, journey.serviceOf(answers), today);
}

/** Stores a submission and everything that goes with it in one transaction, and returns what the confirmation shows. */
export async function storeJourneySubmission(services: Services, { journey, answers, language, runId, today, reach, evidence, checkedCase = null, alsoInTransaction, firstInTransaction }: JourneySubmission): Promise<SentSubmission> {
  const { config } = services;
  const service = journey.serviceOf(answers);
  const contact = journey.contactOf(answers);
  const urgent: RoutingFlag[] = journey.urgencyOf?.(answers) ? ["urgent"] : [];
  const nextStage = await nextStageRequestOf(services, journey, answers, today, checkedCase);
  const flags = orderFlags([...urgent, ...journey.flagsOf(answers, today), ...contactFlags(contact), ...nextStage.flags]);
  const late = isLateRequest(journey, flags);
  const replyBy =
    journey.replyPromise(answers) === null ? null : (nextStage.promise?.replyBy ?? (late ? promisedReplyBy(services.config.council.timetable, "late-request", service, today) : replyByOf(services, journey, answers, today)));
  const jobs = planDeliveries(config.council, webhooksFor(config.webhooks, "submissions"), journey, { service, flags, answers });
  const portalReach: PortalReach = reach ?? { language, javascript: null, widthBand: null };
  const statistics = journey.statisticsOf(answers);

  const sent = (stored: StoredSubmission): SentSubmission => ({ ...stored, ...(nextStage.promise ? { recordedStage: nextStage.promise.stage } : {}), ...(late ? { late: true as const } : {}) });
  const submissionWork = async (tx: Queryable, stored: StoredSubmission) => {
    // The jobs are written in the submission's own transaction: stored means it will be delivered. With them, in one
    // round trip on PostgreSQL: the run's files handed to the submission, and the case it opens, if it opens one.
    const together: Statement[] = [
      ...(evidence && journey.pages.some((page) => page.evidence) ? services.evidence.attachStatements(evidence, stored.id) : []),
      ...jobsInsert({ submissionId: stored.id, reference: stored.reference, type: stored.type }, jobs, Date.now()),
    ];
    const opens = journey.opensCase?.(answers);
    if (opens) {
      const writable = mayWriteTo(contact, "progress-code");
      together.push(
        services.cases.opening(
          {
            reference: stored.reference,
            service: caseServiceOf(service),
            role: statistics.role as SubmissionRecord["role"],
            receivedOn: today,
            channel: "portal",
            reach: portalReach,
            firstStage: 1,
            advocateAsked: opens.advocateAsked,
            // Made more than 12 months after the events: whether the council accepts it is its decision, recorded
            // with a `time-limit-waived` event, not assumed (decision 068).
            acceptedOutOfTime: false,
            madeLate: flags.includes("late"),
          },
          { submissionId: stored.id, contact: writable.allowed ? { email: writable.email, language, safety: contact.safety } : null },
        ).statement,
      );
    }
    await tx.runTogether(together);
    // A case is followed by its own stages and figures: what follows is for the journeys that open none.
    if (opens) return;
    const request = journey.asksForNextStage?.(answers);
    if (request?.reference && nextStage.recorded) {
      await services.cases.recordPortalEventIn(tx, request.reference, { type: "next-stage-requested", stage: request.stage, date: today, late: flags.includes("late"), advocate: flags.includes("advocate") });
    }
    const record: SubmissionRecord = {
      kind: journey.id,
      receivedOn: today,
      service: service === null ? null : caseServiceOf(service),
      role: statistics.role as SubmissionRecord["role"],
      channel: "portal",
      reach: portalReach,
      facts: statistics.facts,
    };
    // Words the person agreed may be quoted in the annual report, with the names they typed as initials, sealed.
    const quotation = journey.quotationOf?.(answers);
    if (quotation) {
      const record: Quotation = { receivedOn: today, service: service === null ? null : caseServiceOf(service), role: statistics.role as Quotation["role"], text: initialiseNames(quotation, journey.namesOf?.(answers) ?? []) };
      await tx.run("INSERT INTO quotations (id, received_on, record, reported_at) VALUES (?, ?, ?, NULL)", [randomUUID(), today, services.sealer.seal(JSON.stringify(record))]);
    }
    await tx.run("INSERT INTO statistics (id, type, kind, record, service, role, advocate_asked, late, submitted_on, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
      randomUUID(),
      stored.type,
      journey.id,
      JSON.stringify(record),
      record.service,
      record.role,
      flags.includes("advocate") ? 1 : 0,
      flags.includes("late") ? 1 : 0,
      today,
      language,
    ]);
  };

  const { submission } = await services.submissions.store(
    {
      journey: journey.id,
      type: webhookTypeOf(journey),
      schemaVersion: journey.schemaVersion,
      language,
      answers,
      service,
      flags,
      idempotencyKey: runId,
      replyBy,
      submittedAt: new Date().toISOString(),
    },
    () => generateReference(journey.referencePrefix),
    async (tx, stored) => {
      await submissionWork(tx, stored);
      await alsoInTransaction?.(tx, sent(stored));
    },
    firstInTransaction,
  );
  return sent(submission);
}

type Submitted = NonNullable<JourneyState["submitted"]>;

function submittedOf(submission: SentSubmission): Submitted {
  const { reference, replyBy, submittedAt, language, recordedStage, late } = submission;
  return { reference, replyBy, submittedAt, language, ...(recordedStage ? { stage: recordedStage } : {}), ...(late ? { late } : {}) };
}

/**
 * Stores the session's journey run as a submission. `also` adds writes of the caller's to the same commit: `first`
 * before anything else, `then` last; `alsoCommitted` says whether `then` was committed, which it is not when the run
 * had already been stored (a second tab sending the same answers).
 */
async function submitJourney(
  context: SendContext,
  request: JourneyRequest,
  reach: PortalReach | undefined,
  also: { first: (tx: Queryable) => Promise<void>; then: (tx: Queryable, submitted: Submitted) => Promise<void> },
): Promise<{ submitted: Submitted; alsoCommitted: boolean }> {
  const { journey, state, position, today } = request;
  // The store may try more than once (a reference that clashed, a deadlock PostgreSQL broke) and then find another
  // tab's submission: the caller's writes count only if they ran in the attempt that stored this submission.
  let ranFor: string | null = null;
  const submission = await storeJourneySubmission(context.services, {
    evidence: evidenceOwner(request),
    journey,
    answers: answersOnRoute(journey, state.answers, position.route),
    language: context.language,
    runId: state.runId,
    today,
    reach,
    checkedCase: openViewing(request.session.data.progress, Date.now()),
    firstInTransaction: also.first,
    alsoInTransaction: async (tx, stored) => {
      await also.then(tx, submittedOf(stored));
      ranFor = stored.id;
    },
  });
  return { submitted: submittedOf(submission), alsoCommitted: ranFor === submission.id };
}

type SendContext = Pick<AppLoadContext, "services" | "language">;

/**
 * A person's send of their journey run: the submission is stored and, in the same commit, the session moves to a
 * new id (the old one opening nothing), so a cookie that may have been seen no longer opens what was sent. Returns
 * what was sent and the cookie of the session the person is left in.
 *
 * Two tabs of one session can send at the same instant. The same run: the second finds the first's submission and
 * joins the session it moved to. Different journeys: the sends queue on the session's row (`rotation.lockIn`), and
 * the second adds its confirmation to the session the first moved to, so both tabs end with one session that holds
 * both confirmations, and each submission takes its own run's files wherever the first move took them.
 */
export async function sendJourney(context: SendContext, request: JourneyRequest, reach?: PortalReach): Promise<{ submitted: Submitted; cookie: string }> {
  const { sessions } = context.services;
  const { journey, session, state } = request;
  let sentState: JourneyState = state;
  const rotation = sessions.rotation(session, (theirs) => ({ ...theirs, journeys: { ...theirs.journeys, [journey.id]: sentState } }));
  const sent = await submitJourney(context, request, reach, {
    first: rotation.lockIn,
    then: async (tx, submitted) => {
      sentState = { ...state, submitted };
      session.data.journeys[journey.id] = sentState;
      await rotation.writeIn(tx);
    },
  });
  if (sent.alsoCommitted) return { submitted: sent.submitted, cookie: rotation.adopt() };
  // Another tab's send of the same run won: this one joins the session that send moved to, if it holds the send, or
  // else moves the session itself, with the confirmation in it.
  session.data.journeys[journey.id] = { ...state, submitted: sent.submitted };
  const holdsThisSend = (data: SessionData) => data.journeys[journey.id]?.runId === state.runId && Boolean(data.journeys[journey.id]?.submitted);
  return { submitted: sent.submitted, cookie: (await sessions.joinMove(session, holdsThisSend)) ?? (await sessions.rotate(session)) };
}
