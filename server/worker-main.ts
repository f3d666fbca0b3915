// `npm run worker`: the delivery worker on its own, for when the web server runs with WORKER_ENABLED=false.
import { logger } from "~/services/logger.server";
import { ConfigError, loadConfig } from "~/config/config.server";
import { createDeliveryWorker, createServices } from "~/services/services.server";

async function main(): Promise<void> {
  const config = loadConfig(process.env, (message) => logger.warn(message));
  const services = await createServices(config);
  const worker = createDeliveryWorker(services);
  worker.start();
  logger.info({ owner: worker.owner }, "delivery worker started");
  const stop = () => {
    void worker.stop().then(() => services.db.close()).then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `The worker could not start: ${String(error)}`);
  process.exit(1);
});
