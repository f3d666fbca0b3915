// Hands a request to Remix and its answer back to Express. It replaces @remix-run/express's adapter for two
// reasons. A post's body is read here, into memory, and refused past 128 KB however it is sent: the adapter
// streamed it on, so a chunked body without a Content-Length could be any size before the route saw it. And
// it builds the Fetch Request once, without a body (routes read the buffer from the load context, see
// app/journeys/read-form.server.ts), so no web streams or extra AbortControllers: a fifth of a form post's CPU.
// Nothing is aborted when a browser goes away mid-request: loaders and actions are short, and nothing streams
// after the page's shell.
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { maxBodyBytes } from "~/journeys/read-form.server";
import type { Refusal } from "~/journeys/forgery.server";

export interface RemixHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}

const tooLarge = Symbol("too large");

/** The whole body, or `tooLarge` as soon as it passes the limit (the rest is left unread). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | typeof tooLarge> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      // Left unread until the answer has gone, when server/connection-limits.ts reads it with a count; flowing with
      // no listener, it would be read and dropped uncounted for as long as the answer takes.
      req.pause();
      resolve(tooLarge);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

/** Node's parsed headers, so what earlier middleware changed (a dropped "Origin: null") is what Remix sees. */
function headerPairs(headers: IncomingHttpHeaders): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const each of value) pairs.push([name, each]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

/**
 * Writes Remix's answer to Express's response. A header Remix gives replaces one an earlier middleware set (the
 * default "Cache-Control: no-store", which a route may loosen or repeat) rather than standing beside it as a second
 * line; each cookie stays a line of its own (a Fetch Headers object gives each Set-Cookie separately).
 */
export async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") res.append(name, value);
    else res.setHeader(name, value);
  }
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** A Host header that is a name or address with an optional port: anything else could rewrite the URL Remix sees. */
const validHost = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export function remixHandler({ build, mode, getLoadContext }: RemixHandlerOptions): RequestHandler {
  const handle = createRequestHandler(build, mode);
  return (req, res, next) => {
    const host = req.headers.host ?? "localhost";
    // Only a plain host: then the page Remix renders is the one Express (and the page cache, which keys on req.url)
    // thinks was asked for. A target that is not a plain path was refused before any of that (path-as-written.ts).
    if (!validHost.test(host)) {
      res.status(400).end();
      return;
    }
    // A post the server has already refused (res.locals.refusal) is not read either, nor an evidence upload, whose
    // body app/evidence/upload.server.ts has streamed already (res.locals.bodyRead). Except a plain form refused for
    // coming too fast: a question page keeps what was typed in it before refusing it (decision 080).
    const refusal = res.locals.refusal as Refusal | undefined;
    const refusedUnread = refusal !== undefined && refusal.keepTyped !== true;
    const unread = req.method === "GET" || req.method === "HEAD" || refusedUnread || res.locals.bodyRead === true;
    (unread ? Promise.resolve(undefined) : readBody(req, maxBodyBytes))
      .then(async (body) => {
        const context = getLoadContext(req, res);
        if (body === tooLarge) context.refusal ??= { reason: "too-large" };
        else if (body) context.body = body;
        // A refused post (context.refusal) is refused by its route (readForm), so a form sent with JavaScript gets
        // Remix's own redirect. The rest of its body, unread, is read and dropped once the answer has gone, by the
        // body guard (server/connection-limits.ts, decisions 044 and 045), up to its limit. Closing the connection
        // with the rest unread instead made the kernel send a reset, which a browser still reading could take in
        // place of the answer ("connection reset", seen with a 70 KB form sent with JavaScript on a busy machine).
        // The protocol respects TRUST_PROXY; the host is only ever used for same-site redirects. The body is in the
        // load context, not here: a Fetch Request would wrap it in a stream that Remix copies into two more.
        const request = new Request(`${req.protocol}://${host}${req.originalUrl}`, { method: req.method, headers: headerPairs(req.headers) });
        const url = new URL(request.url);
        res.locals.renderedUrl = url.pathname + url.search;
        await send(res, await handle(request, context));
      })
      .catch(next);
  };
}
