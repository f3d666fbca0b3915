// Every journey the generic routes serve, by the first segment of its URL.
import { advocateJourney } from "./advocate-journey";
import { complaintJourney } from "./complaint-journey";
import { complimentJourney } from "./compliment-journey";
import { escalationJourney } from "./escalation-journey";
import { otherFormatJourney } from "./other-format-journey";
import type { Journey } from "./journey-types";

export const journeys: Readonly<Record<string, Journey>> = {
  complaint: complaintJourney,
  compliment: complimentJourney,
  advocate: advocateJourney,
  "other-format": otherFormatJourney,
  escalate: escalationJourney,
};

export function journeyById(id: string | undefined): Journey | undefined {
  return id && Object.hasOwn(journeys, id) ? journeys[id] : undefined;
}
