// A page from the page cache is the same bytes each time except for its tokens (the nonce, the CSRF token), so
// compressing the whole page again for each browser that asks for gzip (every browser does) cost about three times
// what serving it did. Here the fixed pieces are compressed once, and each response is put together from them:
// DEFLATE (RFC 1951) lets compressed blocks be followed by a stored block, so each token goes in as it is, and
// gzip's trailer (RFC 1952) needs only the CRC-32 and length of the whole, which zlib works out quickly.
//
// Each piece is compressed with the 32 KB before it as its dictionary, as pigz does to compress in parallel, so it
// may refer back across the tokens and the page is about as small as compressed whole. In that dictionary each
// token is NUL bytes of its length: a page has no NUL byte, so nothing refers into a token, and the distances past it
// hold for any token of the same length. A page with a NUL byte is compressed piece by piece without dictionaries.
// Docs/decisions/059 says why this is ours rather than a library's.
import { constants, crc32, deflateRawSync } from "node:zlib";

/** gzip's header: DEFLATE, no name or comment, no time, no extra flags, operating system unknown. */
const header = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** An empty stored block marked final, once the stream is byte-aligned: it ends the DEFLATE stream. */
const lastBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
/** The most a stored block holds. */
const storedMax = 0xffff;

/** DEFLATE's window: how far back a piece may refer. */
const windowBytes = 32 * 1024;

/** The fixed pieces, compressed, for tokens of the lengths given (the ones the page was split at). */
export interface CompressedPieces {
  blocks: Buffer[];
  tokenLengths: number[];
}

/**
 * Each fixed piece compressed, ending byte-aligned (a sync flush) and not final, so anything may follow; with the
 * window before it as its dictionary unless the page has a NUL byte. `tokenLengths` has one fewer element than
 * `pieces`.
 */
export function compressPieces(pieces: readonly Buffer[], tokenLengths: readonly number[]): CompressedPieces {
  const referBack = !pieces.some((piece) => piece.includes(0));
  const blocks: Buffer[] = [];
  let window = Buffer.alloc(0);
  pieces.forEach((piece, i) => {
    blocks.push(deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH, ...(referBack && window.length > 0 ? { dictionary: window } : {}) }));
    if (!referBack) return;
    const after = Buffer.concat([window, piece, Buffer.alloc(tokenLengths[i] ?? 0)]);
    window = after.subarray(Math.max(0, after.length - windowBytes));
  });
  // One buffer of their own: zlib hands each back as a slice of its 16 KB output buffer, which a cache would keep
  // whole for every piece of a few hundred bytes.
  const joined = Buffer.concat(blocks);
  let at = 0;
  return {
    blocks: blocks.map((block) => joined.subarray(at, (at += block.length))),
    tokenLengths: [...tokenLengths],
  };
}

/** The CRC-32 so far, carried over `bytes`. An empty piece leaves it as it was, without asking zlib: Node hands zlib
 * an empty buffer's pointer, which may be null, and zlib's crc32 answers 0 for a null buffer, whatever the CRC was. */
function crcOf(bytes: Buffer, crc: number): number {
  return bytes.length === 0 ? crc : crc32(bytes, crc);
}

/** A piece that varies, as stored (uncompressed) blocks: each a byte of header, its length and the length's complement. */
function stored(bytes: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let from = 0; from < bytes.length; from += storedMax) {
    const part = bytes.subarray(from, from + storedMax);
    const head = Buffer.alloc(5);
    head.writeUInt16LE(part.length, 1);
    head.writeUInt16LE(~part.length & 0xffff, 3);
    blocks.push(head, part);
  }
  return blocks;
}

/**
 * The gzip stream of `pieces[0] + tokens[0] + pieces[1] + … + pieces[n]`, given the pieces compressed; null when a
 * token's length is not the one they were compressed for.
 */
export function gzipFromPieces(pieces: readonly Buffer[], compressed: CompressedPieces, tokens: readonly Buffer[]): Buffer | null {
  if (tokens.length !== compressed.tokenLengths.length || tokens.some((token, i) => token.length !== compressed.tokenLengths[i])) return null;
  const parts: Buffer[] = [header, compressed.blocks[0]!];
  let crc = crcOf(pieces[0]!, 0);
  let length = pieces[0]!.length;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const piece = pieces[i + 1]!;
    parts.push(...stored(token), compressed.blocks[i + 1]!);
    crc = crcOf(piece, crcOf(token, crc));
    length += token.length + piece.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(lastBlock, trailer);
  return Buffer.concat(parts);
}
