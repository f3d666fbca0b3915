// One log line per request: id, method, route, status and time. No query strings, headers, cookies or bodies.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { logger } from "~/services/logger.server";

export function requestLog(): RequestHandler {
  return (req, res, next) => {
    // The path without its query string: taken now, before mounted middleware rewrites req.path.
    const route = req.originalUrl.split("?")[0] ?? "/";
    if (route.startsWith("/assets/")) return next();
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
