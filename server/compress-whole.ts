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

/** Every encoding a read may be compressed in behind Express: gzip and brotli here, deflate by `compression` too. */
export const readEncodings = ["gzip", "br", "deflate"] as const;

/** The same settings `compression` uses: gzip at zlib's default level, brotli at quality 4. */
const compressors = {
  gzip: (body: Buffer) => gzipSync(body),
  br: (body: Buffer) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
} as const;

type Encoding = keyof typeof compressors;

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => Response;

/** A written chunk as bytes of its own: the writer may reuse its memory once its write's callback has run. */
export function bytesOf(chunk: unknown, encoding: unknown): Buffer {
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/** Past this much, an answer is no page of ours: what is held goes on, and the rest streams through `compression`. */
const maxHeldBytes = 4 * 1024 * 1024;

/** Responses whose answer has begun but is held here: their headers are not sent, but something has been written. */
const begun = new WeakSet<object>();

/** Whether anything of the answer has been written, sent or held: an error handler must not add its own to it. */
export function answerBegun(res: Response): boolean {
  return res.headersSent || begun.has(res);
}

/**
 * For a GET, holds a page's or its data's bytes as they are written and, at the end, sends them compressed in one
 * call, in the encoding the browser prefers by its q-values and then its own order (browsers list gzip first; at
 * these settings brotli is no smaller on a page), with their length. Put on the response after `compression`, so
 * that it sees the writes first. A response of another type, already encoded (a copy from the page cache, decision
 * 059), marked `no-transform`, or whose headers went before its first byte, goes through to `compression`
 * untouched; so does every answer to a client that takes neither gzip nor brotli (`compression` may still deflate
 * it for one that takes only that), and one that grows past 4 MB, from then on.
 */
export function compressWhole(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET") return next();
    const write = res.write.bind(res) as Write;
    const end = res.end.bind(res) as End;
    /** Null until the first write decides; then the chunks held, or false when the response goes through. */
    let held: Buffer[] | false | null = null;
    let heldBytes = 0;
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
      if (chosen) begun.add(res);
      return (held = chosen ? [] : false);
    };
    /** From here on, the response goes through: what was held is written first. */
    const letGo = (chunks: Buffer[]) => {
      held = false;
      begun.delete(res);
      for (const chunk of chunks) write(chunk);
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      const chunks = decide();
      // Anything odd (no chunk, a write after the end) is Node's to refuse, as it would be without this.
      if (!chunks || chunk === null || chunk === undefined || res.writableEnded) return write(chunk, encoding, callback);
      const bytes = bytesOf(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (heldBytes + bytes.length > maxHeldBytes) {
        letGo(chunks);
        return write(bytes, done);
      }
      chunks.push(bytes);
      heldBytes += bytes.length;
      if (typeof done === "function") process.nextTick(done as () => void);
      return true;
    }) as Response["write"];
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      const chunks = decide();
      if (!chunks || res.writableEnded) return end(chunk, encoding, callback);
      held = false;
      begun.delete(res);
      const done = [chunk, encoding, callback].find((argument) => typeof argument === "function") as (() => void) | undefined;
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(bytesOf(chunk, encoding));
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      // `compression`'s own end, underneath, takes a chunk and then a callback, never a callback alone.
      const finish = (bytes: Buffer) => (done ? end(bytes, done) : end(bytes));
      res.vary("Accept-Encoding");
      if (body.length === 0) return finish(body);
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
