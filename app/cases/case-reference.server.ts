// A case's reference as staff and the case system give it (`npm run case`, `POST /api/case-events`).
import { complaintJourney } from "~/journeys/complaint-journey";
import { referencePrefixes } from "~/journeys/journeys";
import { parseReference, REFERENCE_DATA_LENGTH, type Reference, type ReferenceParseFailure } from "~/reference";

const example = "such as C-7K4M-2Q9P-W";

/** Why a reference could not be read, in the words the person's form uses. */
const problems: Record<ReferenceParseFailure, string> = {
  empty: `give the case's reference, ${example}`,
  "bad-character": `a reference has only letters, numbers and dashes, ${example}`,
  "wrong-length": `a reference has ${REFERENCE_DATA_LENGTH + 2} letters and numbers, ${example}`,
  "unknown-prefix": `a case's reference starts with ${complaintJourney.referencePrefix}, ${example}`,
  "check-failed": "check the reference: one of its letters or numbers is not right, or two are swapped",
};

/**
 * Read as the person's form reads a reference (any case, spaces or none, the invisible characters a copied one
 * brings), and when it is not one, why. Cases are complaints': another journey's reference, a request for the next
 * stage's say, is said to be one.
 */
export function caseReferenceOf(input: string): { ok: true; reference: Reference } | { ok: false; problem: string } {
  const parsed = parseReference(input, referencePrefixes);
  if (!parsed.ok) return { ok: false, problem: problems[parsed.reason] };
  if (parsed.prefix !== complaintJourney.referencePrefix) {
    return {
      ok: false,
      problem: `${parsed.reference} is not a case's reference (a case's starts with ${complaintJourney.referencePrefix}): a request, for the next stage say, has its own; give the complaint's, which the request's email names`,
    };
  }
  return { ok: true, reference: parsed.reference };
}
