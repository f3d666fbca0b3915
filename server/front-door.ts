// The front door (docs/decisions/065): a kept copy of a public page (the start page, the statements, a journey's
// first page) is served here, from node:http's own request, before Express sees it. Express's own work on a request
// (its request and response objects, the router walking every middleware) cost more than twice the copy itself: a
// page from memory took 0.25 ms of CPU through Express and about 0.07 ms here. Everything else, and any copy that
// cannot go out from here as it is, goes on to the Express app unchanged.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { logger } from "~/services/logger.server";
import type { PageCacheHandler, PageVisit } from "./page-cache";
import { logWhenFinished, requestIdOf } from "./request-log";
import type { SecurityHeaders } from "./security-headers";

export interface FrontDoorOptions {
  /** What answers every other request. */
  app: (req: IncomingMessage, res: ServerResponse) => void;
  cache: PageCacheHandler;
  /** The public page a request is for, or null; only a GET with no query string or session can be one. */
  publicPage: (req: IncomingMessage) => PageVisit | null;
  security: SecurityHeaders;
  /** The route's pattern for the request log, as Express's request log names it. */
  patternOf: (path: string) => string;
}

export function frontDoor({ app, cache, publicPage, security, patternOf }: FrontDoorOptions): RequestListener {
  let warned = false;
  return (req, res) => {
    if (req.method === "GET") {
      try {
        const visit = publicPage(req);
        // The same headers, log line and request id as behind Express (security-headers.ts, request-log.ts).
        let requestId = "";
        const served =
          visit &&
          cache.serveKept(req, res, visit, {
            prepare: () => {
              const { nonce, headers } = security.fresh();
              requestId = requestIdOf(req.headers["x-request-id"]);
              headers.push("X-Request-Id", requestId);
              return { nonce, headers };
            },
            served: () => logWhenFinished(req.method, patternOf(req.url ?? "/"), requestId, res),
          });
        if (served) return;
      } catch (error) {
        // Anything that fails before a byte is written is answered behind Express instead, as it would have been
        // without the front door; an answer already going is cut off. Said once, so a fault that keeps sending
        // every page the slower way is seen.
        if (!warned) {
          warned = true;
          logger.warn({ error: error instanceof Error ? error.name : "unknown" }, "front door: a public page went behind Express after an error");
        }
        if (res.headersSent) return void res.destroy();
      }
    }
    app(req, res);
  };
}
