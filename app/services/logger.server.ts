// Structured JSON logs. What goes in is chosen field by field: ids, routes, statuses, timings, counts.
// Never answers, names, contact details, cookies or request bodies.
import pino from "pino";
import { z } from "zod";

/**
 * The two settings the logger needs before anything else is read (every other setting is checked by loadConfig, which
 * logs through this): a bad value stops the process with the setting's name, as loadConfig does.
 */
const logSettings = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_DESTINATION: z.enum(["stdout", "stderr"]).default("stdout"),
});
const parsed = logSettings.safeParse({ LOG_LEVEL: process.env.LOG_LEVEL || undefined, LOG_DESTINATION: process.env.LOG_DESTINATION || undefined });
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  process.stderr.write(`Invalid configuration:\n  ${issue.path.join(".")}: ${issue.message}\n`);
  process.exit(1);
}
const settings = parsed.data;

export const logger = pino(
  {
    level: settings.LOG_LEVEL,
    base: { service: "complaints-portal" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A last line of defence, should someone log a request or headers by mistake.
    redact: { paths: ["req.headers", "headers.cookie", "cookie", "body", "answers", "email", "name"], remove: true },
  },
  // The commands (npm run case, outbox, purge…) log to standard error, so what they print is all that standard
  // output holds: `REF=$(npm run -s case -- register …)` takes the reference alone. The server and worker log to
  // standard output, as a log collector expects.
  pino.destination(settings.LOG_DESTINATION === "stderr" ? 2 : 1),
);
