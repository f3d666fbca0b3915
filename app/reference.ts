/**
 * Submission references such as `C-7K4M-2Q9P-W`.
 *
 * Layout: type prefix, 8 random Crockford base32 symbols (40 bits) shown as
 * two groups of four, then one check symbol. Pure: safe on server and client.
 *
 * The check symbol is a weighted sum over GF(32) (each symbol's 5-bit value is
 * a field element). Every position, including the check itself, has a
 * distinct non-zero weight, so any single wrong symbol changes the sum by
 * w·e ≠ 0 and any swap of two different symbols a, b at positions i, j
 * changes it by (w_i + w_j)(a + b) ≠ 0. That catches every single error and
 * every transposition (adjacent or not), which plain mod-32 sums cannot.
 */
import { asciiDigits } from "./digits";
import { noVisibleFormClass } from "./invisible-characters";

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * One Crockford base32 letter naming the kind of submission. Each journey declares its own in the registry
 * (app/journeys/journeys.ts), which also checks they are unique; this module only knows the shape.
 */
export type ReferencePrefix = string;

/** A reference in canonical display form, e.g. `C-7K4M-2Q9P-W`. */
export type Reference = `${ReferencePrefix}-${string}-${string}-${string}`;

export type ReferenceParseFailure = "empty" | "wrong-length" | "bad-character" | "unknown-prefix" | "check-failed";

export type ReferenceParseResult =
  | { ok: true; reference: Reference; prefix: ReferencePrefix }
  | { ok: false; reason: ReferenceParseFailure };

/** Random symbols after the prefix. */
export const REFERENCE_DATA_LENGTH = 8;
/** Symbols covered by the check: prefix + data. */
const BODY_LENGTH = 1 + REFERENCE_DATA_LENGTH;
/** Symbols in a complete reference without hyphens. */
const COMPACT_LENGTH = BODY_LENGTH + 1;

// --- GF(32) arithmetic --------------------------------------------------

/** x^5 + x^2 + 1: primitive, so x generates all 31 non-zero elements. */
export const GF32_PRIMITIVE_POLYNOMIAL = 0b100101;

function buildExpTable(): readonly number[] {
  const exp: number[] = [];
  let value = 1;
  for (let power = 0; power < 31; power++) {
    exp.push(value);
    value <<= 1;
    if (value & 0b100000) value ^= GF32_PRIMITIVE_POLYNOMIAL;
  }
  return exp;
}

const EXP = buildExpTable();
const LOG: readonly number[] = (() => {
  const log = new Array<number>(32).fill(-1);
  EXP.forEach((value, power) => (log[value] = power));
  return log;
})();

function at(table: readonly number[], index: number): number {
  const value = table[index];
  if (value === undefined) throw new RangeError(`GF(32) table index ${index} out of range`);
  return value;
}

/** Multiplication in GF(32); addition is XOR. */
export function gf32Multiply(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return at(EXP, (at(LOG, a) + at(LOG, b)) % 31);
}

/**
 * Weight of body position i is α^(i+1); the check symbol implicitly has
 * weight α^0 = 1. All ten are distinct and non-zero, as the proof needs.
 */
export const CHECK_WEIGHTS: readonly number[] = Array.from({ length: BODY_LENGTH }, (_, i) => at(EXP, i + 1));

// --- Symbols -------------------------------------------------------------

function symbolValue(symbol: string): number {
  const value = CROCKFORD_ALPHABET.indexOf(symbol);
  if (value < 0 || symbol.length !== 1) throw new RangeError(`"${symbol}" is not a Crockford base32 symbol`);
  return value;
}

function symbolOf(value: number): string {
  const symbol = CROCKFORD_ALPHABET[value];
  if (symbol === undefined) throw new RangeError(`${value} is not a 5-bit value`);
  return symbol;
}

/** Check symbol for the 9 canonical symbols prefix + data (e.g. "C7K4M2Q9P"). */
export function computeCheckSymbol(body: string): string {
  if (body.length !== BODY_LENGTH) throw new RangeError(`check body must be ${BODY_LENGTH} symbols`);
  let sum = 0;
  for (let i = 0; i < BODY_LENGTH; i++) {
    sum ^= gf32Multiply(at(CHECK_WEIGHTS, i), symbolValue(body.charAt(i)));
  }
  return symbolOf(sum);
}

/** Encodes 5 bytes (40 bits, big-endian) as 8 Crockford symbols. */
export function encodeReferenceData(bytes: Uint8Array): string {
  if (bytes.length !== 5) throw new RangeError("reference data needs exactly 5 bytes");
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let data = "";
  for (let shift = 35n; shift >= 0n; shift -= 5n) data += symbolOf(Number((bits >> shift) & 31n));
  return data;
}

/** A letter a reference may start with: a Crockford symbol that is not a digit. */
export function isReferencePrefix(value: string): value is ReferencePrefix {
  return value.length === 1 && CROCKFORD_ALPHABET.includes(value) && !/\d/.test(value);
}

/** Canonical display form with its check symbol, e.g. ("C", "7K4M2Q9P") → "C-7K4M-2Q9P-W". */
export function formatReference(prefix: ReferencePrefix, data: string): Reference {
  if (!isReferencePrefix(prefix)) throw new RangeError(`"${String(prefix)}" cannot start a reference`);
  if (data.length !== REFERENCE_DATA_LENGTH || [...data].some((s) => !CROCKFORD_ALPHABET.includes(s))) {
    throw new RangeError(`reference data must be ${REFERENCE_DATA_LENGTH} upper-case Crockford symbols`);
  }
  const check = computeCheckSymbol(prefix + data);
  return `${prefix}-${data.slice(0, 4)}-${data.slice(4)}-${check}`;
}

// --- Parsing -------------------------------------------------------------

/**
 * What a reference may carry that is not one of its symbols: spaces, the hyphens and dashes word processors put for
 * "-", and characters with no visible form that come with a copied reference (zero-width spaces and joiners, a soft
 * hyphen, the bidi marks and isolates the Arabic pages put round a reference).
 */
const SEPARATORS = new RegExp(`[\\s\\-\\u2010-\\u2015\\u2212${noVisibleFormClass}]`, "g");

/** Crockford decoding: letters people confuse with digits read as the digit; full-width forms as the plain ones. */
function normaliseSymbols(input: string): string {
  return asciiDigits(input.normalize("NFKC")).toUpperCase().replace(SEPARATORS, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

/**
 * Reads a reference as people type it: any case, with or without spaces or
 * hyphens, I/L for 1 and O for 0. Failures are specific so a form can say
 * what is wrong rather than just "invalid". `prefixes` are the kinds accepted.
 */
export function parseReference(input: string, prefixes: readonly string[]): ReferenceParseResult {
  const compact = normaliseSymbols(input);
  if (compact === "") return { ok: false, reason: "empty" };
  // A stray character is the more helpful message even if the length is also off.
  if ([...compact].some((s) => !CROCKFORD_ALPHABET.includes(s))) return { ok: false, reason: "bad-character" };
  if (compact.length !== COMPACT_LENGTH) return { ok: false, reason: "wrong-length" };

  const prefix = compact.charAt(0);
  if (!isReferencePrefix(prefix) || !prefixes.includes(prefix)) return { ok: false, reason: "unknown-prefix" };
  if (computeCheckSymbol(compact.slice(0, BODY_LENGTH)) !== compact.charAt(BODY_LENGTH)) {
    return { ok: false, reason: "check-failed" };
  }
  return { ok: true, reference: formatReference(prefix, compact.slice(1, BODY_LENGTH)), prefix };
}

/** The canonical form's shape, whatever the prefix: for schemas that describe references. */
export const CANONICAL_REFERENCE = /^[A-HJKMNP-TV-Z]-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/;

/** True only for the exact canonical form with a valid check symbol, of one of the given kinds (e.g. values read back from storage). */
export function isReference(value: unknown, prefixes: readonly string[]): value is Reference {
  if (typeof value !== "string" || !CANONICAL_REFERENCE.test(value)) return false;
  const parsed = parseReference(value, prefixes);
  return parsed.ok && parsed.reference === value;
}
