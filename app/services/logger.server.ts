// Structured JSON logs. What goes in is chosen field by field: ids, routes, statuses, timings, counts.
// Never answers, names, contact details, cookies or request bodies.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "complaints-portal" },
  timestamp: pino.stdTimeFunctions.isoTime,
  // A last line of defence, should someone log a request or headers by mistake.
  redact: { paths: ["req.headers", "headers.cookie", "cookie", "body", "answers", "email", "name"], remove: true },
});
