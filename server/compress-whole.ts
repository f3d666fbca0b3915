// The portal's own answers to reads (its pages, and Remix's data for them with JavaScript on) are compressed whole,
// in one call, once they are complete (docs/decisions/060). A page is rendered whole before a byte of it goes out
// (app/entry.server.tsx) and its data is a few kilobytes, so nothing is gained by compressing them as a stream. The
// `compression` middleware's stream cost about twice the compressing itself for a 3 KB answer: a zlib stream made
// and torn down for each, flushed after each chunk, its work handed to libuv's threads and back. Everything else
// (scripts, files, the case system's downloads) is left to `compression`, which streams, as before.
import compression from "compression";
import type { RequestHandler, Response } from "express";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** What is compressed whole: HTML pages, and Remix's single-fetch data (turbo-stream). */
const wholeTypes = ["text/html", "text/x-script"];

/** Below this, compressing costs more than it saves (the same threshold as `compression`'s). */
const threshold = 1024;

/** The same settings `compression` uses: gzip at zlib's default level, brotli at quality 4. */
const compressors = {
  gzip: (body: Buffer) => gzipSync(body),
  br: (body: Buffer) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
} as const;

type Encoding = keyof typeof compressors;

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => Response;

/** A written chunk as bytes. */
function bytesOf(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/**
 * For a GET, holds a page's or its data's bytes as they are written and, at the end, sends them compressed in one
 * call, in the encoding the browser prefers by its q-values and then its own order (browsers list gzip first; at
 * these settings brotli is no smaller on a page), with their length. Put on the response after `compression`, so
 * that it sees the writes first. A response of another type, already encoded (a copy from the page cache, decision
 * 059), marked `no-transform`, or whose headers went before its first byte, goes through to `compression`
 * untouched; so does every answer to a client that takes neither gzip nor brotli (`compression` may still deflate
 * it for one that takes only that).
 */
export function compressWhole(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET") return next();
    const write = res.write.bind(res) as Write;
    const end = res.end.bind(res) as End;
    /** Null until the first write decides; then the chunks held, or false when the response goes through. */
    let held: Buffer[] | false | null = null;
    let chosen: Encoding | null = null;
    const decide = (): Buffer[] | false => {
      if (held !== null) return held;
      const type = String(res.getHeader("content-type") ?? "");
      const hold =
        !res.headersSent &&
        wholeTypes.some((whole) => type.startsWith(whole)) &&
        !res.getHeader("content-encoding") &&
        !/\bno-transform\b/.test(String(res.getHeader("cache-control") ?? ""));
      // A client that takes neither gzip nor brotli gets the answer as it would without this.
      const wanted = hold ? req.acceptsEncodings("gzip", "br", "identity") : false;
      chosen = wanted === "gzip" || wanted === "br" ? wanted : null;
      return (held = chosen ? [] : false);
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      const chunks = decide();
      if (!chunks) return write(chunk, encoding, callback);
      chunks.push(bytesOf(chunk, encoding));
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") process.nextTick(done as () => void);
      return true;
    }) as Response["write"];
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      const chunks = decide();
      if (!chunks) return end(chunk, encoding, callback);
      const done = [chunk, encoding, callback].find((argument) => typeof argument === "function") as (() => void) | undefined;
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(bytesOf(chunk, encoding));
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      // `compression`'s own end, underneath, takes a chunk and then a callback, never a callback alone.
      const finish = (bytes: Buffer) => (done ? end(bytes, done) : end(bytes));
      res.vary("Accept-Encoding");
      if (chosen && body.length >= threshold) {
        const compressed = compressors[chosen](body);
        res.setHeader("Content-Encoding", chosen);
        res.setHeader("Content-Length", compressed.length);
        return finish(compressed);
      }
      // Its length too, or `compression` would send it chunked (it writes the headers before the body).
      res.setHeader("Content-Length", body.length);
      return finish(body);
    }) as Response["end"];
    next();
  };
}

/**
 * Compression for the portal's reads: `compression` for everything, with compressWhole put on the response after it,
 * so that pages and their data reach compressWhole first. The answer to a post is nearly always a redirect, or a few
 * bytes of data with JavaScript on: only reads are worth compressing.
 */
export function compressReads(): RequestHandler {
  const compress = compression();
  const whole = compressWhole();
  return (req, res, next) => (req.method === "GET" || req.method === "HEAD" ? compress(req, res, () => whole(req, res, next)) : next());
}
