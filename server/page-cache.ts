// Rendering a page with React is most of what a page costs. A page is a function of what it is made from: the
// address, the language, and for a question page the answers so far. So a page is rendered once for each set of
// those and then served from memory, with this request's CSP nonce and CSRF token put back where they stood.
// What a page is made from, and what a cached copy must still do, is decided by the visit (see page-visits.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import accepts from "accepts";
import type { Request, RequestHandler, Response } from "express";
import { answerBegun, bytesOf, readEncodings } from "./compress-whole";
import { compressPieces, gzipFromPieces, type CompressedPieces } from "./gzip-pieces";

/** The per-request values in a page: never cached, put back into each copy. */
export type Token = "nonce" | "csrf";

export interface PageVisit {
  /** Everything the page is made from. Two requests with the same key get the same page, tokens apart. */
  key: string;
  tokens: Partial<Record<Token, string>>;
  /** What the page's loader would have done besides rendering (keeping the session alive), done for a cached copy. */
  beforeServing?: () => Promise<void>;
  /** Asked once the page has been rendered: whether its copy may be kept (the loader changed nothing it read). */
  mayKeep?: () => boolean;
}

interface CachedPage {
  status: number;
  headers: Record<string, string>;
  /** The page split where its tokens stood: segments[i] is followed by the token slots[i]. Bytes, not strings:
   * encoding 20 KB of HTML as UTF-8 again, twice, was a fifth of the CPU of a page from memory. */
  segments: Buffer[];
  slots: Token[];
  /** The length of the token each slot held when the page was kept. */
  slotLengths: number[];
  /** The segments compressed, for gzip (gzip-pieces.ts): made when a second browser that takes gzip is served it. */
  compressed: CompressedPieces | null;
  /** How many times it has been served to a browser that takes gzip. */
  gzipped: number;
  storedAt: number;
  bytes: number;
}

export interface PageCacheOptions {
  /** The visit a request is, or null when its page must be rendered afresh. */
  visitOf: (req: Request, res: Response) => PageVisit | null | Promise<PageVisit | null>;
  /** The most bytes of pages kept; the least recently served goes first. */
  maxBytes: number;
  /** A page longer than this (pages of long answers) is not kept at all. */
  maxPageBytes: number;
  /** How long a copy is kept at most, so a quiet server does not hold answers in memory indefinitely: a copy is
   * cleared from memory when its time is up, whether or not anyone asks for it again. */
  maxAgeMs: number;
  /** Whether to say "X-Page-Cache: hit". Not in production: with it, anyone could ask whether someone else had given
   * certain answers today. */
  announceHits: boolean;
  now?: () => number;
  /** Runs `clear` after `delayMs`, without keeping the process alive for it (the tests run it when they choose). */
  schedule?: (clear: () => void, delayMs: number) => void;
}

/** The page cache's middleware, how many copies it holds (for the tests), and its front door (see `serveKept`). */
export type PageCacheHandler = RequestHandler & {
  readonly copies: number;
  /** Whether it has room to keep any copy. */
  readonly keeps: boolean;
  serveKept(req: IncomingMessage, res: ServerResponse, visit: PageVisit, answer: KeptAnswer): boolean;
};

/** What the front door adds to a kept copy it serves (server/front-door.ts). */
export interface KeptAnswer {
  /** Asked only once the copy will be served: a fresh nonce, and the headers every page carries, as name, value. */
  prepare(): { nonce: string; headers: string[] };
  /** Told once the headers are written, before the page. */
  served(): void;
}

function unrefTimeout(clear: () => void, delayMs: number): void {
  setTimeout(clear, delayMs).unref();
}

const keptHeaders = ["content-type", "cache-control"];

export function pageCache({ visitOf, maxBytes, maxPageBytes, maxAgeMs, announceHits, now = Date.now, schedule = unrefTimeout }: PageCacheOptions): PageCacheHandler {
  // No room for pages (PAGE_CACHE_MB=0): nothing is looked up, hashed or collected only to be thrown away.
  if (maxBytes <= 0) return Object.assign<RequestHandler, Omit<PageCacheHandler, keyof RequestHandler>>((_req, _res, next) => next(), { copies: 0, keeps: false, serveKept: () => false });
  const pages = new Map<string, CachedPage>();
  let bytes = 0;
  /** Whether a clearing of copies whose time is up is due. One at a time, for the copy due first; none while empty. */
  let clearingDue = false;

  /** A copy kept for the key and still within its age, if there is one. */
  const keptCopy = (key: string): CachedPage | undefined => {
    const page = pages.get(key);
    return page && now() - page.storedAt < maxAgeMs ? page : undefined;
  };

  const clearExpired = () => {
    clearingDue = false;
    const at = now();
    let next = Infinity;
    for (const [key, page] of pages) {
      if (at - page.storedAt >= maxAgeMs) forget(key);
      else next = Math.min(next, page.storedAt + maxAgeMs);
    }
    if (next !== Infinity) scheduleClearing(next);
  };

  /** Asks for a clearing when the copy kept until `dueAt` is due, unless one is already due (sooner). */
  const scheduleClearing = (dueAt: number) => {
    if (clearingDue) return;
    clearingDue = true;
    schedule(clearExpired, Math.max(0, dueAt - now()));
  };

  /** The copy with these tokens put back, gzipped from its pieces when `gzip` (and they fit), and the headers it
   * goes out with besides those every page carries and Vary: its own, its encoding, and its length, so that it goes
   * out in one piece rather than chunked (the compression middleware leaves an answer already encoded alone). */
  const answerOf = (page: CachedPage, tokens: PageVisit["tokens"], gzip: boolean, hit = "hit"): { body: Buffer[]; headers: string[]; gzipped: boolean } => {
    const values = page.slots.map((slot) => Buffer.from(tokens[slot]!, "latin1"));
    const gzipped = gzip ? fromPieces(page, values) : null;
    // Plain, as its segments and tokens: the front door sends them without copying them into one buffer first.
    const body = gzipped ? [gzipped] : interleaved(page.segments, values);
    const headers: string[] = [];
    for (const [name, value] of Object.entries(page.headers)) headers.push(name, value);
    if (gzipped) headers.push("Content-Encoding", "gzip");
    if (announceHits) headers.push("X-Page-Cache", hit);
    headers.push("Content-Length", String(body.reduce((sum, part) => sum + part.length, 0)));
    return { body, headers, gzipped: gzipped !== null };
  };

  const serve = (req: Request, res: Response, page: CachedPage, tokens: PageVisit["tokens"]) => {
    // Every browser asks for gzip. A copy's first goes out plain from here, and `compressWhole` in front compresses it
    // as it does any page (a person's own copy of a question page is seldom read more than once again); from the
    // second, it is put together from pieces compressed once.
    const { body, headers } = answerOf(page, tokens, takesGzip(req) && page.gzipped++ > 0);
    res.status(page.status);
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    res.vary("Accept-Encoding");
    // In one call: a copy that fails there (as it is compressed) has written nothing, and is rendered instead.
    res.end(body.length === 1 ? body[0] : Buffer.concat(body));
  };

  /**
   * Serves the copy a visit names to a request Express has not seen (server/front-door.ts), with this response's
   * nonce and, ahead of its own, the headers every page carries, when a copy is kept and can go out from here as it
   * is: one that needs nothing done first (a public page), in gzip from its pieces or plain to a client that takes
   * no other encoding. A browser's first gzip of it, or brotli, is compressed behind Express as any page is.
   * Outside production, it says so: `X-Page-Cache: front-door`. Returns false, having written nothing, otherwise.
   */
  const serveKept: PageCacheHandler["serveKept"] = (req, res, visit, { prepare, served }) => {
    if (visit.beforeServing) return false;
    const cached = keptCopy(visit.key);
    if (!cached) return false;
    const gzip = takesGzip(req);
    if (gzip && cached.gzipped === 0) return false;
    // Plain only to a client that takes no other encoding the compression behind Express might use.
    if (!gzip && accepts(req).encodings(...readEncodings.filter((encoding) => encoding !== "gzip"))) return false;
    const { nonce, headers } = prepare();
    const answer = answerOf(cached, { ...visit.tokens, nonce }, gzip, "front-door");
    // Tokens that do not fit the pieces: the copy is compressed whole behind Express instead.
    if (gzip && !answer.gzipped) return false;
    if (gzip) cached.gzipped++;
    keep(visit.key, cached);
    res.writeHead(cached.status, [...headers, ...answer.headers, "Vary", "Accept-Encoding"]);
    served();
    send(res, answer.body);
    return true;
  };

  /** The copy gzipped from its pieces, compressed the first time they are needed; null when its tokens do not fit. */
  const fromPieces = (page: CachedPage, values: Buffer[]): Buffer | null => {
    if (!page.compressed) {
      page.compressed = compressPieces(page.segments, page.slotLengths);
      const added = page.compressed.blocks.reduce((sum, block) => sum + block.length, 0);
      page.bytes += added;
      bytes += added;
      trim();
    }
    return gzipFromPieces(page.segments, page.compressed, values);
  };

  const trim = () => {
    while (bytes > maxBytes) forget(pages.keys().next().value!);
  };

  const forget = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= page.bytes;
    pages.delete(key);
  };

  const keep = (key: string, page: CachedPage) => {
    forget(key);
    pages.set(key, page);
    bytes += page.bytes;
    trim();
    scheduleClearing(page.storedAt + maxAgeMs);
  };

  const lookUp = async (req: Request, res: Response): Promise<boolean> => {
    const visit = await visitOf(req, res);
    if (!visit) return false;
    // The security-headers middleware made this response's nonce and put it in its CSP.
    const tokens = { ...visit.tokens, nonce: String(res.locals.nonce) };
    const cached = keptCopy(visit.key);
    if (cached) {
      await visit.beforeServing?.();
      keep(visit.key, cached);
      serve(req, res, cached, tokens);
      return true;
    }
    forget(visit.key);
    capture(res, (status, body) => {
      if (status !== 200 || res.getHeader("set-cookie") || !String(res.getHeader("content-type")).startsWith("text/html")) return;
      // The page Remix rendered must be the one the key names (server/remix-handler.ts refuses odd hosts too).
      if (res.locals.renderedUrl !== req.originalUrl) return;
      if (visit.mayKeep && !visit.mayKeep()) return;
      // A page that shows its request id (an error page) is not the same for the next request.
      if (body.includes(String(res.locals.requestId), 0, "latin1")) return;
      const headers: Record<string, string> = {};
      for (const name of keptHeaders) if (res.hasHeader(name)) headers[name] = String(res.getHeader(name));
      // Judged on the page as rendered: its compressed pieces, made later, count towards the cache's size only.
      if (body.length > maxPageBytes) return;
      const page = splitAtTokens(body, tokens);
      keep(visit.key, { status, headers, ...page, compressed: null, gzipped: 0, storedAt: now(), bytes: page.segments.reduce((sum, segment) => sum + segment.length, 0) });
    });
    return false;
  };

  const handler: RequestHandler = (req, res, next) => {
    if (req.method !== "GET") return next();
    // When the page cannot be looked up or kept alive (the database is out of reach), Remix renders it, or its 503.
    lookUp(req, res).then(
      (served) => served || next(),
      () => {
        // A copy that failed as it was sent (its compression threw) leaves nothing of itself on the page rendered
        // instead; one already on its way is cut off, as any page that fails part-way is.
        if (answerBegun(res)) return void res.destroy();
        for (const name of servedHeaders) res.removeHeader(name);
        next();
      },
    );
  };
  return Object.defineProperty(Object.assign(handler, { serveKept, keeps: true }), "copies", { get: () => pages.size }) as PageCacheHandler;
}

/** Whether the browser takes gzip (over no encoding), as Express's `req.acceptsEncodings` would answer. */
function takesGzip(req: IncomingMessage): boolean {
  return accepts(req).encodings("gzip", "identity") === "gzip";
}

/** The headers a copy sets as it is served that a page rendered instead would not have, or would have its own of. */
const servedHeaders = ["content-encoding", "content-length", "x-page-cache"];

/** The page: its segments with the tokens between them. */
function interleaved(segments: readonly Buffer[], values: readonly Buffer[]): Buffer[] {
  const parts: Buffer[] = [segments[0]!];
  for (let i = 0; i < values.length; i++) parts.push(values[i]!, segments[i + 1]!);
  return parts;
}

/** Writes the parts as one answer: corked, they go to the socket together with the headers, in one system call. */
function send(res: ServerResponse, parts: readonly Buffer[]): void {
  res.cork();
  for (let i = 0; i < parts.length - 1; i++) res.write(parts[i]);
  // `end` uncorks.
  res.end(parts[parts.length - 1]);
}

/** Splits the page's bytes where its tokens stand, without decoding them: the tokens are ASCII, and a UTF-8 byte
 * sequence never contains an ASCII byte it does not mean, so a byte match is a character match. */
function splitAtTokens(body: Buffer, tokens: PageVisit["tokens"]): Pick<CachedPage, "segments" | "slots" | "slotLengths"> {
  const found: { at: number; slot: Token; length: number }[] = [];
  for (const [slot, value] of Object.entries(tokens) as [Token, string | undefined][]) {
    if (!value) continue;
    const needle = Buffer.from(value, "latin1");
    for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) found.push({ at, slot, length: needle.length });
  }
  found.sort((a, b) => a.at - b.at);
  const segments: Buffer[] = [];
  const slots: Token[] = [];
  const slotLengths: number[] = [];
  let from = 0;
  for (const { at, slot, length } of found) {
    // One token inside another cannot happen (each is random and of its own length), but never split twice.
    if (at < from) continue;
    segments.push(body.subarray(from, at));
    slots.push(slot);
    slotLengths.push(length);
    from = at + length;
  }
  segments.push(body.subarray(from));
  return { segments, slots, slotLengths };
}

/** Collects what Remix writes, while it still goes out as usual. */
function capture(res: Response, done: (status: number, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk) chunks.push(bytesOf(chunk, rest[0]));
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk && typeof chunk !== "function") chunks.push(bytesOf(chunk, rest[0]));
    done(res.statusCode, Buffer.concat(chunks));
    return end(chunk, ...rest);
  }) as Response["end"];
}
