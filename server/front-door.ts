// The front door (docs/decisions/065): a kept copy of a public page (the start page, the statements, a journey's
// first page) is served here, from node:http's own request, before Express sees it. Express's own work on a request
// (its request and response objects, the router walking every middleware) cost more than twice the copy itself: a
// page from memory took 0.25 ms of CPU through Express and about 0.07 ms here. Everything else, and any copy that
// cannot go out from here as it is, goes on to the Express app unchanged.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
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
  return (req, res) => {
    const visit = req.method === "GET" ? publicPage(req) : null;
    if (visit) {
      try {
        // The same headers, log line and request id as behind Express (security-headers.ts, request-log.ts).
        const { nonce, headers } = security.fresh();
        const requestId = requestIdOf(req.headers["x-request-id"]);
        headers.push("X-Request-Id", requestId);
        const served = () => logWhenFinished(req.method, patternOf(req.url ?? "/"), requestId, res);
        if (cache.serveKept(req, res, visit, { nonce, headers, served })) return;
      } catch {
        // A copy that failed before a byte went is rendered behind Express instead; one already going is cut off.
        if (res.headersSent) return void res.destroy();
      }
    }
    app(req, res);
  };
}
