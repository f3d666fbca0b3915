// `npm run worker`: the delivery worker on its own, for when the web server runs with WORKER_ENABLED=false.
import { ConfigError, loadConfig } from "~/config/config.server";
import { createDeliveryWorker, createServices } from "~/services/services.server";

async function main(): Promise<void> {
  const config = loadConfig();
  const services = await createServices(config);
  const worker = createDeliveryWorker(services);
  worker.start();
  console.log(JSON.stringify({ level: "info", msg: "delivery worker started", owner: worker.owner }));
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
