// Every journey the generic routes serve, by the first segment of its URL.
import { complaintJourney } from "./complaint-journey";
import type { Journey } from "./journey-types";

export const journeys: Readonly<Record<string, Journey>> = {
  complaint: complaintJourney,
};

export function journeyById(id: string | undefined): Journey | undefined {
  return id && Object.hasOwn(journeys, id) ? journeys[id] : undefined;
}
