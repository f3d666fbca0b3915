// Hands a request to Remix and its answer back to Express. It replaces @remix-run/express's adapter for two
// reasons. A post's body is read here, into memory, and refused past 64 KB however it is sent: the adapter
// streamed it on, so a chunked body without a Content-Length could be any size before the route saw it. And
// it builds the Fetch Request once, from a buffer, without the web-stream round trip and the second
// AbortController that made up a fifth of a form post's CPU. Nothing is aborted when a browser goes away
// mid-request: loaders and actions are short, and nothing streams after the page's shell.
import type { IncomingMessage } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { refusedLocation } from "~/journeys/forgery.server";
import { maxBodyBytes } from "~/journeys/read-form.server";

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
      req.resume();
      resolve(tooLarge);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function remixHandler({ build, mode, getLoadContext }: RemixHandlerOptions): RequestHandler {
  const handle = createRequestHandler(build, mode);
  return (req, res, next) => {
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    (hasBody ? readBody(req, maxBodyBytes) : Promise.resolve(undefined))
      .then(async (body) => {
        if (body === tooLarge) {
          res.redirect(303, refusedLocation("too-large", req.path));
          return;
        }
        // The protocol respects TRUST_PROXY; the host is only ever used for same-site redirects.
        const request = new Request(`${req.protocol}://${req.headers.host ?? "localhost"}${req.originalUrl}`, {
          method: req.method,
          headers: headerPairs(req.rawHeaders),
          // Buffer.concat always gives a buffer over a plain ArrayBuffer.
          body: body as Uint8Array<ArrayBuffer> | undefined,
        });
        await send(res, await handle(request, getLoadContext(req, res)));
      })
      .catch(next);
  };
}
