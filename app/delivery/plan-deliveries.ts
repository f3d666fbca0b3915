// What must be sent for a submission: one email per team mailbox, an acknowledgement when the person gave
// an email address, and one webhook per configured endpoint.
import type { CouncilSettings } from "~/config/council-schema";
import type { Journey, RoutingFlag } from "~/journeys/journey-types";
import type { JourneyAnswers } from "~/journeys/session-data";
import type { PlannedJob } from "./outbox.server";
import { mailboxesFor } from "./routing";

/** The person's email address, from how they asked to be contacted or how they asked to receive something. */
export function acknowledgementAddress(answers: JourneyAnswers): string | null {
  for (const [page, field] of [["contact", "method"], ["delivery", "delivery"]] as const) {
    const answer = answers[page];
    if (answer?.[field] === "email" && typeof answer.email === "string" && answer.email) return answer.email;
  }
  return null;
}

export function planDeliveries(
  council: CouncilSettings,
  webhookNames: readonly string[],
  journey: Journey,
  facts: { service: string | null; flags: readonly RoutingFlag[]; answers: JourneyAnswers },
): PlannedJob[] {
  const mailboxes = mailboxesFor(council.routing, council.fallbackMailbox, { kind: journey.kind, service: facts.service, flags: facts.flags });
  return [
    ...mailboxes.map((target) => ({ kind: "staff-email" as const, target })),
    ...(acknowledgementAddress(facts.answers) ? [{ kind: "acknowledgement" as const, target: "person" }] : []),
    ...webhookNames.map((target) => ({ kind: "webhook" as const, target })),
  ];
}
