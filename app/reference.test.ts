import { describe, expect, it } from "vitest";

import {
  CHECK_WEIGHTS,
  CROCKFORD_ALPHABET,
  computeCheckSymbol,
  encodeReferenceData,
  formatReference,
  gf32Multiply,
  isReference,
  parseReference,
  type ReferencePrefix,
} from "./reference";
import { generateReference } from "./reference.server";
import { referencePrefixes } from "./journeys/journeys";

/** The prefixes the registered journeys use. */
const REFERENCE_PREFIXES = referencePrefixes;

/** Deterministic PRNG (mulberry32) so the "random" sample is the same on every run. */
function seededBytes(seed: number): (size: number) => Uint8Array {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (size) => Uint8Array.from({ length: size }, () => next() & 0xff);
}

const compact = (reference: string): string => reference.replaceAll("-", "");

function symbolAt(text: string, index: number): string {
  const symbol = text[index];
  if (symbol === undefined) throw new Error(`no symbol at ${index}`);
  return symbol;
}

function replaceAt(text: string, index: number, symbol: string): string {
  return text.slice(0, index) + symbol + text.slice(index + 1);
}

function swapAt(text: string, i: number, j: number): string {
  return replaceAt(replaceAt(text, i, symbolAt(text, j)), j, symbolAt(text, i));
}

/** Raw check, independent of prefix validation, so detection never leans on the prefix list. */
function checkHolds(compactReference: string): boolean {
  return computeCheckSymbol(compactReference.slice(0, 9)) === compactReference.charAt(9);
}

const edgeData = ["00000000", "ZZZZZZZZ", "0000000Z", "Z0000000", "0Z0Z0Z0Z", "11111111", "ABCDEFGH"];

/** ≥200 pseudo-random references plus edge cases, for every prefix. */
const SAMPLE: readonly string[] = (() => {
  const random = seededBytes(20_240_901);
  const references: string[] = [];
  for (let i = 0; i < 250; i++) {
    const prefix = REFERENCE_PREFIXES[i % REFERENCE_PREFIXES.length] ?? "C";
    references.push(generateReference(prefix, random));
  }
  for (const prefix of REFERENCE_PREFIXES) for (const data of edgeData) references.push(formatReference(prefix, data));
  return references;
})();

describe("GF(32) check construction", () => {
  it("uses a primitive element, so weights α^1..α^9 and the check's α^0 are distinct and non-zero", () => {
    let value = 1;
    const seen = new Set<number>();
    for (let k = 0; k < 31; k++) {
      seen.add(value);
      value = gf32Multiply(value, 2);
    }
    expect(seen.size).toBe(31);
    expect(value).toBe(1);
    const allWeights = [1, ...CHECK_WEIGHTS];
    expect(new Set(allWeights).size).toBe(10);
    expect(allWeights.every((w) => w > 0 && w < 32)).toBe(true);
  });

  it("multiplication has no zero divisors (so w·e ≠ 0 for non-zero w, e)", () => {
    for (let a = 1; a < 32; a++) for (let b = 1; b < 32; b++) expect(gf32Multiply(a, b)).not.toBe(0);
  });

  /*
   * The check is linear over XOR, so whether an error is detected depends only
   * on the error pattern (which position(s), XOR difference), not on the
   * reference. Checking every pattern therefore covers all 5 × 2^40
   * references, not just a sample.
   */
  it("is linear: check(x ⊕ y) = check(x) ⊕ check(y)", () => {
    for (let i = 0; i < 9; i++) {
      for (let a = 0; a < 32; a++) {
        for (let b = 0; b < 32; b++) {
          const at = (v: number): number =>
            CROCKFORD_ALPHABET.indexOf(computeCheckSymbol(replaceAt("000000000", i, CROCKFORD_ALPHABET.charAt(v))));
          if ((at(a) ^ at(b)) !== at(a ^ b)) throw new Error(`not linear at position ${i}: ${a}, ${b}`);
        }
      }
    }
    const random = seededBytes(7);
    const toBody = (bytes: Uint8Array): number[] => Array.from(bytes.slice(0, 9), (b) => b & 31);
    const toText = (values: number[]): string => values.map((v) => CROCKFORD_ALPHABET.charAt(v)).join("");
    const value = (s: string): number => CROCKFORD_ALPHABET.indexOf(s);
    for (let n = 0; n < 500; n++) {
      const x = toBody(random(9));
      const y = toBody(random(9));
      const xy = x.map((v, i) => v ^ (y[i] ?? 0));
      expect(value(computeCheckSymbol(toText(xy)))).toBe(
        value(computeCheckSymbol(toText(x))) ^ value(computeCheckSymbol(toText(y))),
      );
    }
  });

  it("every substitution pattern and every swap pattern over all 10 positions is detected", () => {
    const zeros = "000000000";
    const checkOfPattern = (position: number, value: number): number =>
      CROCKFORD_ALPHABET.indexOf(computeCheckSymbol(replaceAt(zeros, position, CROCKFORD_ALPHABET.charAt(value))));
    expect(computeCheckSymbol(zeros)).toBe("0");
    const undetected: string[] = [];
    let patterns = 0;
    for (let i = 0; i < 9; i++) {
      // Body error e at i is missed iff check(e at i) = 0; positions 0..8 are prefix + data.
      for (let e = 1; e < 32; e++) if (checkOfPattern(i, e) === 0) undetected.push(`error ${e} at ${i}`);
      for (let d = 1; d < 32; d++) {
        // Swapping different a, b within the body adds d = a ⊕ b at both positions.
        for (let j = i + 1; j < 9; j++) if ((checkOfPattern(i, d) ^ checkOfPattern(j, d)) === 0) undetected.push(`swap d=${d} at ${i},${j}`);
        // Swapping body symbol at i with the check changes the check by d; missed iff check(d at i) = d.
        if (checkOfPattern(i, d) === d) undetected.push(`swap d=${d} at ${i},check`);
        patterns++;
      }
    }
    expect(undetected).toEqual([]);
    expect(patterns).toBe(9 * 31);
  });
});

describe("error detection over a fixed sample of references", () => {
  it(`has ${SAMPLE.length} distinct valid references covering every prefix`, () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(235);
    expect(new Set(SAMPLE).size).toBe(SAMPLE.length);
    for (const reference of SAMPLE) expect(parseReference(reference, REFERENCE_PREFIXES)).toMatchObject({ ok: true, reference });
  });

  it("detects every single wrong symbol at every position, including the prefix and the check", () => {
    const undetected: string[] = [];
    let cases = 0;
    for (const reference of SAMPLE) {
      const original = compact(reference);
      for (let position = 0; position < 10; position++) {
        for (const symbol of CROCKFORD_ALPHABET) {
          if (symbol === original[position]) continue;
          const mistyped = replaceAt(original, position, symbol);
          // One assertion at the end keeps 70k+ cases fast; the list names any miss.
          if (checkHolds(mistyped) || parseReference(mistyped, REFERENCE_PREFIXES).ok) undetected.push(`${mistyped} from ${reference}`);
          cases++;
        }
      }
    }
    expect(undetected).toEqual([]);
    expect(cases).toBe(SAMPLE.length * 10 * 31);
  });

  it("detects all 31 wrong check symbols (the check position alone)", () => {
    for (const reference of SAMPLE) {
      const original = compact(reference);
      const wrong = [...CROCKFORD_ALPHABET].filter((s) => s !== original[9]);
      expect(wrong).toHaveLength(31);
      for (const symbol of wrong) {
        expect(parseReference(replaceAt(original, 9, symbol), REFERENCE_PREFIXES)).toEqual({ ok: false, reason: "check-failed" });
      }
    }
  });

  it("detects every swap of two neighbouring different symbols, across the hyphens too", () => {
    let cases = 0;
    for (const reference of SAMPLE) {
      const original = compact(reference);
      for (let i = 0; i < 9; i++) {
        if (original[i] === original[i + 1]) continue;
        const swapped = swapAt(original, i, i + 1);
        expect(checkHolds(swapped), `${swapped} from ${reference}`).toBe(false);
        expect(parseReference(swapped, REFERENCE_PREFIXES).ok, `${swapped} from ${reference}`).toBe(false);
        // As typed with the hyphens left where they were.
        const typed = `${swapped[0]}-${swapped.slice(1, 5)}-${swapped.slice(5, 9)}-${swapped[9]}`;
        expect(parseReference(typed, REFERENCE_PREFIXES).ok, typed).toBe(false);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(SAMPLE.length * 7);
  });

  it("also detects swaps of non-neighbouring symbols", () => {
    for (const reference of SAMPLE) {
      const original = compact(reference);
      for (let i = 0; i < 10; i++) {
        for (let j = i + 2; j < 10; j++) {
          if (original[i] !== original[j]) expect(checkHolds(swapAt(original, i, j))).toBe(false);
        }
      }
    }
  });
});

describe("formatReference", () => {
  it("shows prefix, two groups of four and the check", () => {
    expect(formatReference("C", "7K4M2Q9P")).toMatch(/^C-7K4M-2Q9P-[0-9A-Z]$/);
    expect(formatReference("C", "00000000")).toBe(`C-0000-0000-${computeCheckSymbol("C00000000")}`);
  });

  it("rejects bad input rather than minting an invalid reference", () => {
    expect(() => formatReference("C", "7K4M2Q9")).toThrow(RangeError);
    expect(() => formatReference("C", "7K4M2Q9U")).toThrow(RangeError);
    expect(() => formatReference("C", "7k4m2q9p")).toThrow(RangeError);
    expect(() => formatReference("7" as ReferencePrefix, "7K4M2Q9P")).toThrow(RangeError);
  });

  it("reads digits typed on an Arabic or Persian keyboard as 0 to 9", () => {
    const reference = formatReference("C", "7K4M2Q9P");
    const arabic = reference.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
    const persian = reference.replace(/[0-9]/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
    expect(arabic).not.toBe(reference);
    expect(parseReference(arabic, ["C"])).toMatchObject({ ok: true, reference });
    expect(parseReference(persian, ["C"])).toMatchObject({ ok: true, reference });
  });

  it("round-trips with parseReference", () => {
    for (const reference of SAMPLE) {
      const parsed = parseReference(reference, REFERENCE_PREFIXES);
      if (!parsed.ok) throw new Error(`${reference} did not parse`);
      const data = compact(reference).slice(1, 9);
      expect(formatReference(parsed.prefix, data)).toBe(reference);
      expect(parsed.prefix).toBe(reference[0]);
    }
  });
});

describe("parseReference tolerance", () => {
  const reference = formatReference("C", "7K4M2Q9P");
  const check = reference.slice(-1);

  it.each([
    ["canonical", reference],
    ["lower case", reference.toLowerCase()],
    ["no hyphens", `C7K4M2Q9P${check}`],
    ["spaces instead of hyphens", `C 7K4M 2Q9P ${check}`],
    ["surrounding white space", `  \t${reference}\n `],
    ["mixed separators", `c-7k4m 2q9p-${check.toLowerCase()}`],
    ["en dash from a word processor", `C–7K4M–2Q9P–${check}`],
    ["hyphens in odd places", `C7-K4-M2-Q9-P${check}`],
    // Copied with characters that show nothing: from an Arabic page (its isolates and marks), a web page or a PDF.
    ["a zero-width space after it", `${reference}\u200b`],
    ["bidi isolates round it", `\u2066${reference}\u2069`],
    ["an Arabic letter mark and a soft hyphen in it", `\u061cC-7K4M\u00ad-2Q9P-${check}`],
    ["a byte order mark and a word joiner", `\ufeffC-7K4M\u2060-2Q9P-${check}`],
    ["full-width letters and digits", reference.replace(/[A-Z0-9]/g, (symbol) => String.fromCharCode(symbol.charCodeAt(0) + 0xfee0))],
  ])("accepts %s", (_label, input) => {
    expect(parseReference(input, REFERENCE_PREFIXES)).toEqual({ ok: true, reference, prefix: "C" });
  });

  it("reads I and L as 1 and O as 0 (Crockford), in any case", () => {
    const withDigits = formatReference("E", "10A1B0C1");
    expect(parseReference(withDigits.replace("1", "I").replace("0", "O"), REFERENCE_PREFIXES)).toMatchObject({ reference: withDigits });
    expect(parseReference(withDigits.toLowerCase().replaceAll("1", "l").replaceAll("0", "o"), REFERENCE_PREFIXES)).toMatchObject({
      ok: true,
      reference: withDigits,
      prefix: "E",
    });
  });

  it("returns each prefix", () => {
    for (const prefix of REFERENCE_PREFIXES) {
      expect(parseReference(formatReference(prefix, "7K4M2Q9P"), REFERENCE_PREFIXES)).toMatchObject({ ok: true, prefix });
    }
  });
});

describe("parseReference failure reasons", () => {
  const valid = formatReference("T", "ABCD1234");
  const body = compact(valid).slice(0, 9);
  const wrongCheck = CROCKFORD_ALPHABET.charAt((CROCKFORD_ALPHABET.indexOf(valid.slice(-1)) + 1) % 32);

  it.each([
    ["empty", ""],
    ["empty", "   "],
    ["empty", " - - "],
    ["wrong-length", "T-ABCD-1234"],
    ["wrong-length", `${valid}0`],
    ["bad-character", "T-ABCD-1234-U"],
    ["bad-character", `${valid}!`],
    ["bad-character", "C-ABCD_1234-0"],
    ["unknown-prefix", `B${compact(valid).slice(1)}`],
    ["unknown-prefix", formatReference("C", "ABCD1234").replace("C", "7")],
    ["check-failed", `${body}${wrongCheck}`],
  ])("reports %s for %j", (reason, input) => {
    expect(parseReference(input, REFERENCE_PREFIXES)).toEqual({ ok: false, reason });
  });
});

describe("isReference", () => {
  it("accepts only the canonical form with a valid check", () => {
    const valid = formatReference("A", "Z0Z0Z0Z0");
    expect(isReference(valid, REFERENCE_PREFIXES)).toBe(true);
    expect(isReference(valid.toLowerCase(), REFERENCE_PREFIXES)).toBe(false);
    expect(isReference(compact(valid), REFERENCE_PREFIXES)).toBe(false);
    expect(isReference(` ${valid}`, REFERENCE_PREFIXES)).toBe(false);
    expect(isReference(replaceAt(valid, 12, valid.endsWith("0") ? "1" : "0"), REFERENCE_PREFIXES)).toBe(false);
    expect(isReference(42, REFERENCE_PREFIXES)).toBe(false);
    expect(isReference(null, REFERENCE_PREFIXES)).toBe(false);
  });
});

describe("encodeReferenceData and generateReference", () => {
  it("maps 40 bits big-endian onto 8 symbols", () => {
    expect(encodeReferenceData(Uint8Array.from([0, 0, 0, 0, 0]))).toBe("00000000");
    expect(encodeReferenceData(Uint8Array.from([255, 255, 255, 255, 255]))).toBe("ZZZZZZZZ");
    expect(encodeReferenceData(Uint8Array.from([0, 0, 0, 0, 1]))).toBe("00000001");
    expect(encodeReferenceData(Uint8Array.from([0, 0, 0, 0, 32]))).toBe("00000010");
    expect(encodeReferenceData(Uint8Array.from([0b10000100, 0b00100000, 0, 0, 0]))).toBe("GGG00000");
    expect(() => encodeReferenceData(new Uint8Array(4))).toThrow(RangeError);
  });

  it("generates valid references from 5 random bytes with the requested prefix", () => {
    const requested: number[] = [];
    const reference = generateReference("F", (size) => {
      requested.push(size);
      return Uint8Array.from([1, 2, 3, 4, 5]);
    });
    expect(requested).toEqual([5]);
    expect(reference).toBe(formatReference("F", encodeReferenceData(Uint8Array.from([1, 2, 3, 4, 5]))));
  });

  it("uses crypto randomness by default: valid, distinct, every data symbol in use", () => {
    const seen = new Set<string>();
    const symbols = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const reference = generateReference("C");
      expect(isReference(reference, REFERENCE_PREFIXES)).toBe(true);
      seen.add(reference);
      for (const s of compact(reference).slice(1, 9)) symbols.add(s);
    }
    expect(seen.size).toBe(2000);
    expect(symbols.size).toBe(32);
  });
});
