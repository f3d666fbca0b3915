// What must be sent for a submission: one email per team mailbox, an acknowledgement when the person gave an
// email address and it is safe to write to them, and one webhook per configured endpoint.
import type { CouncilSettings } from "~/config/council-schema";
import type { RoutingFlag } from "~/journeys/flags";
import type { Journey } from "~/journeys/journey-types";
import type { JourneyAnswers } from "~/journeys/session-data";
import { mayWriteTo } from "./contact-permission";
import type { PlannedJob } from "./outbox.server";
import { mailboxesFor } from "./routing";

export function planDeliveries(
  council: CouncilSettings,
  webhookNames: readonly string[],
  journey: Journey,
  facts: { service: string | null; flags: readonly RoutingFlag[]; answers: JourneyAnswers },
): PlannedJob[] {
  const routed = mailboxesFor(council.routing, council.fallbackMailbox, { kind: journey.id, service: facts.service, flags: facts.flags });
  // The duty manager hears of every urgent one, whatever the rules say: something is about to happen. The advocacy
  // service hears of everyone who asked for an advocate: the person is told it has been.
  const always = [...(facts.flags.includes("urgent") ? [council.urgentMailbox] : []), ...(facts.flags.includes("advocate") ? [council.advocacyMailbox] : [])];
  const mailboxes = [...always.filter((mailbox) => !routed.includes(mailbox)), ...routed];
  const acknowledge = mayWriteTo(journey.contactOf(facts.answers), "acknowledgement").allowed;
  return [
    ...mailboxes.map((target) => ({ kind: "staff-email" as const, target })),
    ...(acknowledge ? [{ kind: "acknowledgement" as const, target: "person" }] : []),
    ...webhookNames.map((target) => ({ kind: "webhook" as const, target })),
  ];
}
