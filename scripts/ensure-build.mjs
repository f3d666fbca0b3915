// `npm start` on a fresh checkout builds first; later starts reuse the build unless sources are newer.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const outputs = ["build/server.js", "build/worker.js", "build/outbox.js", "build/rotate-key.js", "build/purge.js", "build/migrate.js", "build/case.js", "build/report.js", "build/server/index.js"];
const sources = ["app", "server", "locales", "emails", "public", "package.json", "vite.config.ts"];

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newest(path.join(entry, child))));
}

const builtAt = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
if (builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  // On standard error, all of it: a command's standard output holds only what the command prints
  // (`REF=$(npm run -s case -- register …)` takes the reference, even on the run that builds).
  console.error("Building the portal…");
  execSync("npm run build", { stdio: ["ignore", process.stderr, "inherit"] });
}
