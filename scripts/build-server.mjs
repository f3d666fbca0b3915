// Bundles the Express server (and later the worker) with the app's server modules into build/.
import { build } from "esbuild";

await build({
  entryPoints: { server: "server/main.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  alias: { "~": "./app" },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
