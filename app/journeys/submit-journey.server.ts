// Sending a journey: only the answers on the route are stored, with a reference and the reply-by date.
import type { AppLoadContext } from "@remix-run/node";
import { generateReference } from "~/reference.server";
import { addWorkingDays } from "~/working-days";
import { answersOnRoute } from "./journey-engine";
import type { JourneyRequest } from "./journey-requests.server";
import type { JourneyState } from "./session-data";

export async function submitJourney(context: AppLoadContext, { journey, state, position, today }: JourneyRequest): Promise<NonNullable<JourneyState["submitted"]>> {
  const replyBy = journey.replyWithinWorkingDays === null ? null : addWorkingDays(today, journey.replyWithinWorkingDays);
  const { submission } = await context.services.submissions.store(
    {
      journey: journey.id,
      type: journey.submissionType,
      schemaVersion: journey.schemaVersion,
      language: context.language,
      answers: answersOnRoute(journey, state.answers, position.route),
      idempotencyKey: state.runId,
      replyBy,
      submittedAt: new Date().toISOString(),
    },
    () => generateReference(journey.referencePrefix),
  );
  return { reference: submission.reference, replyBy: submission.replyBy, submittedAt: submission.submittedAt, language: submission.language };
}
