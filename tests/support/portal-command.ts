// How the portal's processes are started in production is set once, in package.json's `start` and `worker`
// scripts (the Node flags before the build's entry file; decision 033). Tests and the bench start the build with
// the same flags, so what they measure and exercise is what a council runs.
import { readFileSync } from "node:fs";
import { z } from "zod";

const scripts = z.object({ scripts: z.object({ start: z.string(), worker: z.string() }) }).parse(JSON.parse(readFileSync("package.json", "utf8"))).scripts;

function nodeFlags(script: string, entry: string): string[] {
  const found = new RegExp(`\\bnode((?: --[\\w-]+(?:=\\S+)?)*) ${entry.replace(".", "\\.")}(?:$|\\s)`).exec(script);
  if (!found) throw new Error(`package.json: no "node … ${entry}" in ${JSON.stringify(script)}`);
  return found[1]!.trim().split(" ").filter(Boolean);
}

/** Node's flags for a web instance, as `npm start` runs it. */
export const serverNodeFlags = nodeFlags(scripts.start, "build/server.js");
/** Node's flags for a delivery worker, as `npm run worker` runs it. */
export const workerNodeFlags = nodeFlags(scripts.worker, "build/worker.js");
