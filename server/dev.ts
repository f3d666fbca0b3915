// Development: Vite serves the browser code and reloads the Remix build on change.
import type { ServerBuild } from "@remix-run/node";
import { createServer } from "vite";
import { evidenceScanWarning, loadConfig } from "~/config/config.server";
import { createServices } from "~/services/services.server";
import { applyConnectionLimits, portalConnectionLimits } from "./connection-limits";
import { createExpressApp } from "./express-app";

const config = loadConfig();
const scanWarning = evidenceScanWarning(config);
if (scanWarning) console.warn(scanWarning);
const services = await createServices(config);
const vite = await createServer({ server: { middlewareMode: true } });
const { app } = createExpressApp({
  services,
  devMiddleware: vite.middlewares,
  build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
});
const server = app.listen(config.env.PORT, config.env.HOST, () => console.log(`Dev portal on http://localhost:${config.env.PORT}`));
// As in production: without them a refused upload's rest is never read, and the browser sees a reset connection.
applyConnectionLimits(server, portalConnectionLimits(config.env, ({ msg, reason }) => console.info(`${msg}: ${reason}`)));
