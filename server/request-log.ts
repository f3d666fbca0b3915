// One log line per request: id, method, the route's pattern, status and time. No paths, query strings, headers,
// cookies or bodies: nothing a client sends reaches the log.
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { logger } from "~/services/logger.server";

/** The request's own id when it sent a usable one (a proxy's), otherwise a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : randomUUID();
}

/** Writes the request's log line once its answer has gone. */
export function logWhenFinished(method: string | undefined, route: string, requestId: string, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    logger.info({ requestId, method, route, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, "request");
  });
}

/** `patternOf` names the route a path matches; it is given the path and must return a fixed pattern. */
export function requestLog(patternOf: (path: string) => string): RequestHandler {
  return (req, res, next) => {
    // Taken now, before mounted middleware rewrites req.path.
    const path = req.originalUrl.split("?")[0] ?? "/";
    if (path.startsWith("/assets/")) return next();
    const route = path === "/healthz" ? "/healthz" : path.startsWith("/api/files/") ? "/api/files/:id" : patternOf(path);
    res.locals.route = route;
    const requestId = requestIdOf(req.headers["x-request-id"]);
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    logWhenFinished(req.method, route, requestId, res);
    next();
  };
}
