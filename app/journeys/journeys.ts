// The journey registry: the one list of what people can send. Everything that differs by journey is derived from
// it: submission kinds and routing's known kinds, webhook types (and the JSON Schema), reference prefixes and the
// reference check, the start page's list, the cacheable start pages, statistics. A journey that is not listed
// here is not served, routed, sent or counted.
import { CROCKFORD_ALPHABET, isReference, type Reference } from "~/reference";
import { advocateJourney } from "./advocate-journey";
import { complaintJourney } from "./complaint-journey";
import { complimentJourney } from "./compliment-journey";
import { escalateJourney } from "./escalate-journey";
import { otherFormatJourney } from "./other-format-journey";
import type { Journey } from "./journey-types";

export const registeredJourneys: readonly Journey[] = [complaintJourney, complimentJourney, advocateJourney, otherFormatJourney, escalateJourney];

/** Checks what the type system cannot: unique ids and prefixes, and prefixes a reference can carry. */
export function checkRegistry(list: readonly Journey[]): void {
  const seen = new Map<string, string>();
  for (const journey of list) {
    if (!/^[a-z][a-z0-9-]*$/.test(journey.id)) throw new Error(`Journey id "${journey.id}" must be lower-case letters, digits and hyphens`);
    if (seen.has(journey.id)) throw new Error(`Two journeys are called "${journey.id}"`);
    const prefix = journey.referencePrefix;
    if (prefix.length !== 1 || !CROCKFORD_ALPHABET.includes(prefix) || /\d/.test(prefix)) {
      throw new Error(`Journey ${journey.id}: reference prefix "${prefix}" must be one Crockford base32 letter`);
    }
    const owner = [...seen].find(([, p]) => p === prefix)?.[0];
    if (owner) throw new Error(`Journeys ${owner} and ${journey.id} both use reference prefix ${prefix}`);
    seen.set(journey.id, prefix);
    if (journey.opensCase && list.some((other) => other !== journey && other.opensCase)) throw new Error("Only one journey may open cases: complaints registered by staff take its reference prefix");
    const ids = new Set(journey.pages.map((page) => page.id));
    if (ids.size !== journey.pages.length) throw new Error(`Journey ${journey.id} has two pages with one id`);
    if (!ids.has(journey.firstPage)) throw new Error(`Journey ${journey.id} starts at a page it does not have: ${journey.firstPage}`);
  }
}
checkRegistry(registeredJourneys);

export const journeys: Readonly<Record<string, Journey>> = Object.fromEntries(registeredJourneys.map((journey) => [journey.id, journey]));

export function journeyById(id: string | undefined): Journey | undefined {
  return id && Object.hasOwn(journeys, id) ? journeys[id] : undefined;
}

/** What routing rules and statistics call each kind of submission: the journeys' ids. */
export const submissionKinds = registeredJourneys.map((journey) => journey.id) as [string, ...string[]];

export function webhookTypeOf(journey: Journey): string {
  return `${journey.id}.${journey.event}`;
}

export const webhookTypes = registeredJourneys.map(webhookTypeOf) as [string, ...string[]];

export const referencePrefixes: readonly string[] = registeredJourneys.map((journey) => journey.referencePrefix);

/** A reference the portal gave (any journey's), in its exact canonical form with a valid check character. */
export function isPortalReference(value: unknown): value is Reference {
  return isReference(value, referencePrefixes);
}

/** The journey a reference belongs to, from its prefix. */
export function journeyOfReference(reference: string): Journey | undefined {
  return registeredJourneys.find((journey) => journey.referencePrefix === reference.charAt(0));
}

/** The journey whose submissions open cases (complaints); staff-registered complaints take its reference prefix. */
export const caseJourney: Journey | undefined = registeredJourneys.find((journey) => journey.opensCase);

/** The journeys the start page offers, in its order. */
export const startPageJourneys: readonly Journey[] = registeredJourneys
  .filter((journey) => journey.startPage)
  .sort((a, b) => (a.startPage?.order ?? 0) - (b.startPage?.order ?? 0));
