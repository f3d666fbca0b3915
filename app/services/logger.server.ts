// Structured JSON logs. What goes in is chosen field by field: ids, routes, statuses, timings, counts.
// Never answers, names, contact details, cookies or request bodies.
import pino from "pino";

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "complaints-portal" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A last line of defence, should someone log a request or headers by mistake.
    redact: { paths: ["req.headers", "headers.cookie", "cookie", "body", "answers", "email", "name"], remove: true },
  },
  // The commands (npm run case, outbox, purge…) log to standard error, so what they print is all that standard
  // output holds: `REF=$(npm run -s case -- register …)` takes the reference alone. The server and worker log to
  // standard output, as a log collector expects.
  pino.destination(process.env.LOG_DESTINATION === "stderr" ? 2 : 1),
);
