import { randomBytes } from "node:crypto";

import { encodeReferenceData, formatReference, type Reference, type ReferencePrefix } from "./reference";

/** Supplies n unpredictable bytes; injectable so tests can pin the output. */
export type RandomBytesSource = (size: number) => Uint8Array;

/**
 * A new reference with 40 bits from the OS CSPRNG, so references cannot be
 * guessed or enumerated from one another. Callers must still handle the
 * (tiny) chance of a collision with a stored reference, e.g. via a unique index.
 */
export function generateReference(prefix: ReferencePrefix, source: RandomBytesSource = randomBytes): Reference {
  return formatReference(prefix, encodeReferenceData(source(5)));
}
