// Sending a journey: only the answers on the route are stored, with a reference and the reply-by date.
import type { AppLoadContext } from "@remix-run/node";
import { generateReference } from "~/reference.server";
import { addWorkingDays } from "~/working-days";
import { enqueueJobs } from "~/delivery/outbox.server";
import { planDeliveries } from "~/delivery/plan-deliveries";
import { contactFlags } from "~/delivery/contact-permission";
import { orderFlags } from "./flags";
import { webhookTypeOf } from "./journeys";
import { answersOnRoute } from "./journey-engine";
import type { JourneyRequest } from "./journey-requests.server";
import type { Services } from "~/services/services.server";
import type { StoredSubmission } from "~/services/submissions.server";
import type { Journey } from "./journey-types";
import type { JourneyAnswers, JourneyState } from "./session-data";

export interface JourneySubmission {
  journey: Journey;
  answers: JourneyAnswers;
  language: string;
  /** The journey run's id: the same run is stored once however often it is sent. */
  runId: string;
  today: string;
}

/** Stores a submission and its delivery jobs in one transaction, and returns what the confirmation shows. */
export async function storeJourneySubmission(services: Services, { journey, answers, language, runId, today }: JourneySubmission): Promise<StoredSubmission> {
  const { config } = services;
  const replyDays = journey.replyWithinWorkingDays(answers);
  const replyBy = replyDays === null ? null : addWorkingDays(today, replyDays);
  const service = journey.serviceOf(answers);
  const flags = orderFlags([...journey.flagsOf(answers, today), ...contactFlags(journey.contactOf(answers))]);
  const jobs = planDeliveries(config.council, config.webhooks.map((endpoint) => endpoint.name), journey, { service, flags, answers });
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
    // The jobs are written in the submission's own transaction: stored means it will be delivered.
    (tx, stored) => enqueueJobs(tx, stored.id, jobs, Date.now()),
  );
  return submission;
}

export async function submitJourney(context: AppLoadContext, { journey, state, position, today }: JourneyRequest): Promise<NonNullable<JourneyState["submitted"]>> {
  const submission = await storeJourneySubmission(context.services, {
    journey,
    answers: answersOnRoute(journey, state.answers, position.route),
    language: context.language,
    runId: state.runId,
    today,
  });
  return { reference: submission.reference, replyBy: submission.replyBy, submittedAt: submission.submittedAt, language: submission.language };
}
