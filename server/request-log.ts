// One log line per request: id, method, the route's pattern, status and time. No paths, query strings, headers,
// cookies or bodies: nothing a client sends reaches the log.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { logger } from "~/services/logger.server";

/** `patternOf` names the route a path matches; it is given the path and must return a fixed pattern. */
export function requestLog(patternOf: (path: string) => string): RequestHandler {
  return (req, res, next) => {
    // Taken now, before mounted middleware rewrites req.path.
    const path = req.originalUrl.split("?")[0] ?? "/";
    if (path.startsWith("/assets/")) return next();
    const route = path === "/healthz" ? "/healthz" : path.startsWith("/api/files/") ? "/api/files/:id" : patternOf(path);
    res.locals.route = route;
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      logger.info(
        { requestId, method: req.method, route, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        "request",
      );
    });
    next();
  };
}
