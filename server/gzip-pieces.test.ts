// The gzip stream put together from pieces compressed once must be exactly what gunzip reads as the whole page.
import { randomBytes } from "node:crypto";
import { deflateRawSync, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressPieces, gzipFromPieces } from "./gzip-pieces";

const joined = (pieces: Buffer[], tokens: Buffer[]) => Buffer.concat(pieces.flatMap((piece, i) => (i < tokens.length ? [piece, tokens[i]!] : [piece])));

/** A page of many languages, split where tokens of these lengths stand. */
function page(tokenLengths: number[]): Buffer[] {
  const words = ["<p>تقديم شكوى</p>", "<p>Złóż skargę 🙂</p>", '<a href="/complaint/who-are-you">Start now</a>', "<script type=module>import('/assets/x.js')</script>"];
  return [...tokenLengths, 0].map((_, i) => Buffer.from(Array.from({ length: 40 + i * 7 }, (_, j) => words[(i + j) % words.length]).join("\n")));
}

describe("gzipFromPieces", () => {
  it("reads back as the page with each response's own tokens, and is about as small as the page compressed whole", () => {
    const lengths = [24, 24, 43, 24];
    const pieces = page(lengths);
    const compressed = compressPieces(pieces, lengths);
    // Held in memory of their own size, not in slices of zlib's 16 KB output buffers.
    const total = compressed.blocks.reduce((sum, block) => sum + block.length, 0);
    expect(new Set(compressed.blocks.map((block) => block.buffer)).size).toBe(1);
    expect(compressed.blocks[0]!.buffer.byteLength).toBeLessThanOrEqual(Math.max(total, Buffer.poolSize));
    for (let run = 0; run < 5; run++) {
      const tokens = lengths.map((length) => Buffer.from(randomBytes(length).toString("base64").slice(0, length), "latin1"));
      const gzipped = gzipFromPieces(pieces, compressed, tokens)!;
      const whole = joined(pieces, tokens);
      expect(gunzipSync(gzipped).equals(whole)).toBe(true);
      // Each piece refers back across the tokens: far smaller than the pieces compressed on their own.
      const alone = pieces.reduce((sum, piece) => sum + gzipSync(piece).length, 0);
      expect(gzipped.length).toBeLessThan(alone * 0.7);
      expect(gzipped.length).toBeLessThan(gzipSync(whole).length * 1.3);
    }
  });

  it("holds for empty pieces, pieces and tokens at either end, and a token longer than a stored block holds", () => {
    const pieces = [Buffer.alloc(0), Buffer.from("<p>a</p>"), Buffer.alloc(0), Buffer.alloc(0)];
    const tokens = [Buffer.from("x".repeat(70_000)), Buffer.from("yy"), Buffer.from("z")];
    const gzipped = gzipFromPieces(pieces, compressPieces(pieces, tokens.map((token) => token.length)), tokens)!;
    expect(gunzipSync(gzipped).equals(joined(pieces, tokens))).toBe(true);
  });

  it("refers back only within the 32 KB before each piece, in a page longer than twice that, with pieces of more than zlib's 16 KB output", () => {
    const random = (bytes: number) => Buffer.from(randomBytes(bytes).toString("base64"));
    const first = random(15_000);
    const second = random(15_000);
    // The last piece repeats text from the start of the page (outside its window) and from the piece before (inside).
    const pieces = [first, second, Buffer.concat([first.subarray(0, 4_000), second.subarray(5_000, 12_000), random(40_000), second.subarray(100, 3_000)])];
    const lengths = [24, 31];
    const compressed = compressPieces(pieces, lengths);
    expect(compressed.blocks[2]!.length).toBeGreaterThan(16 * 1024);
    const tokens = lengths.map((length) => Buffer.alloc(length, "t"));
    const gzipped = gzipFromPieces(pieces, compressed, tokens)!;
    expect(gunzipSync(gzipped).equals(joined(pieces, tokens))).toBe(true);
    // What the last piece repeats from the piece before it was referred to, not written out again.
    expect(compressed.blocks[2]!.length).toBeLessThan(deflateRawSync(pieces[2]!).length - 4_000);
  });

  it("compresses a page with a NUL byte without referring across its tokens, and still reads back right", () => {
    const pieces = [Buffer.from("abc\0abcabc\0"), Buffer.from("\0\0\0abcabc\0\0"), Buffer.from("abc\0")];
    const lengths = [4, 4];
    const compressed = compressPieces(pieces, lengths);
    for (const token of ["\0\0\0\0", "abca", "\0abc"]) {
      const tokens = lengths.map(() => Buffer.from(token, "latin1"));
      expect(gunzipSync(gzipFromPieces(pieces, compressed, tokens)!).equals(joined(pieces, tokens))).toBe(true);
    }
  });

  it("refuses tokens of other lengths than the pieces were compressed for, or of another number", () => {
    const pieces = page([24, 24]);
    const compressed = compressPieces(pieces, [24, 24]);
    expect(gzipFromPieces(pieces, compressed, [Buffer.alloc(24, 65), Buffer.alloc(23, 65)])).toBeNull();
    expect(gzipFromPieces(pieces, compressed, [Buffer.alloc(24, 65)])).toBeNull();
  });
});
