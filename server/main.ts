// Production entry: validate configuration, open the database, serve the built portal.
import { logger } from "~/services/logger.server";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, evidenceScanWarning, loadConfig } from "~/config/config.server";
import { createDeliveryWorker, createServices, rateLimitersOf, sweepRateLimits } from "~/services/services.server";
import { applyConnectionLimits, portalConnectionLimits } from "./connection-limits";
import { createExpressApp } from "./express-app";

const buildDir = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig(process.env, (message) => logger.warn(message));
  const scanWarning = evidenceScanWarning(config);
  if (scanWarning) logger.warn(scanWarning);
  // The server answers at once; until the database is reached, /healthz says 503 and pages that need it say so.
  const services = await createServices(config, { waitForDatabase: false });
  const build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
  const { listener } = createExpressApp({ services, build, clientDir: path.join(buildDir, "client") });
  // Headers that trickle in are checked against their time limit every second, not Node's default 30.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, listener).listen(config.env.PORT, config.env.HOST, () => {
    logger.info({ url: `http://${config.env.HOST === "0.0.0.0" ? "localhost" : config.env.HOST}:${config.env.PORT}` }, "portal listening");
  });
  // A port already taken, or an address this machine does not have, stops the start with the setting's name (only
  // while starting: once listening, the handler is taken off).
  server.once("error", onListenError);
  server.once("listening", () => server.off("error", onListenError));
  function onListenError(error: NodeJS.ErrnoException) {
    const setting = error.code === "EADDRINUSE" || error.code === "EACCES" ? `PORT: ${config.env.PORT} cannot be used (${error.code === "EADDRINUSE" ? "another program is listening on it" : "not allowed"})` : `HOST: ${config.env.HOST} cannot be listened on (${error.code ?? error.message})`;
    console.error(`Invalid configuration:\n  ${setting}`);
    process.exit(1);
  }
  applyConnectionLimits(server, portalConnectionLimits(config.env, ({ msg, reason }) => logger.info({ reason }, msg)));
  // By default the delivery worker runs in this process; WORKER_ENABLED=false leaves it to `npm run worker`.
  const worker = config.env.WORKER_ENABLED ? createDeliveryWorker(services) : null;
  void services.startup.done.then(() => worker?.start());
  // Expired sessions, the counts of rate-limit windows that have ended (they name client addresses), unfinished
  // uploads and spent progress codes are deleted every few minutes, not only when someone comes back.
  const sweep = setInterval(() => {
    void services.sessions.sweepExpired().catch((error: unknown) => logger.error({ error: String(error) }, "session sweep failed"));
    void sweepRateLimits(services).catch((error: unknown) => logger.error({ error: String(error) }, "rate-limit sweep failed"));
    void services.evidence.sweepAbandoned().catch((error: unknown) => logger.error({ error: String(error) }, "evidence sweep failed"));
    void services.progressCodes.sweep().catch((error: unknown) => logger.error({ error: String(error) }, "progress code sweep failed"));
  }, 5 * 60_000);
  sweep.unref();
  const stop = () => {
    server.close(() => {
      void Promise.all([worker?.stop(), ...rateLimitersOf(services).map((limiter) => limiter.stop())])
        .then(() => services.db.close())
        .then(() => process.exit(0));
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("The portal could not start:", error);
  }
  process.exit(1);
});
