// Pages that are the same for everyone (the start page, privacy, cookies…) are rendered once per language and
// then served from memory. Each copy gets its own CSP nonce, so a cached page is never a shared secret.
import type { RequestHandler, Response } from "express";

interface CachedPage {
  status: number;
  headers: Record<string, string>;
  /** The page split where its nonce stood, so each copy is one join away. */
  parts: string[];
}

export interface PageCacheOptions {
  paths: readonly string[];
  /** The language a request will be answered in, as the load context will choose it. */
  languageOf: (req: Parameters<RequestHandler>[0]) => string;
}

export function pageCache({ paths, languageOf }: PageCacheOptions): RequestHandler {
  const cacheable = new Set(paths);
  const pages = new Map<string, CachedPage>();
  return (req, res, next) => {
    if (req.method !== "GET" || !cacheable.has(req.path) || req.url !== req.path || req.headers.cookie?.includes("session=")) return next();
    const key = `${languageOf(req)} ${req.path}`;
    const cached = pages.get(key);
    // The security-headers middleware made this response's nonce and put it in its CSP.
    const nonce = String(res.locals.nonce);
    if (cached) {
      res.status(cached.status);
      for (const [name, value] of Object.entries(cached.headers)) res.setHeader(name, value);
      res.end(cached.parts.join(nonce));
      return;
    }
    capture(res, (status, body) => {
      if (status === 200 && !res.getHeader("set-cookie")) {
        pages.set(key, { status, parts: body.split(nonce), headers: { "Content-Type": String(res.getHeader("content-type") ?? "text/html; charset=utf-8") } });
      }
    });
    next();
  };
}

/** Collects what Remix writes, while it still goes out as usual. */
function capture(res: Response, done: (status: number, body: string) => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    done(res.statusCode, Buffer.concat(chunks).toString("utf8"));
    return end(chunk, ...rest);
  }) as Response["end"];
}
