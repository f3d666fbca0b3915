// Bundles the Express server, the delivery worker and the command-line tools with the app's server modules into build/.
import { build } from "esbuild";
import { globImportPlugin } from "./glob-import-plugin.mjs";

await build({
  entryPoints: { server: "server/main.ts", worker: "server/worker-main.ts", outbox: "server/outbox-cli.ts", "rotate-key": "server/rotate-key-cli.ts", purge: "server/purge-cli.ts", migrate: "server/migrate-cli.ts", case: "server/case-cli.ts", report: "server/report-cli.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  alias: { "~": "./app", "@emails": "./emails" },
  plugins: [globImportPlugin],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
