import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serverNodeFlags, workerNodeFlags } from "../tests/support/portal-command";

// The heap ceiling in package.json's start and worker scripts (decision 033) is what makes V8 collect garbage
// before the heap grows to several times what is live. Checked on a real Node process started with those flags.
const heapLimitMb = (flags: string[]) => {
  const run = spawnSync(process.execPath, [...flags, "-e", "process.stdout.write(String(require('node:v8').getHeapStatistics().heap_size_limit))"], { encoding: "utf8" });
  expect(run.status).toBe(0);
  return Number(run.stdout) / 1024 / 1024;
};

describe("the portal's start commands", () => {
  it("give web instances and workers a 512 MB heap ceiling, whatever the machine's memory", () => {
    for (const flags of [serverNodeFlags, workerNodeFlags]) {
      expect(flags).toContain("--max-old-space-size=512");
      const limit = heapLimitMb(flags);
      // The old generation's 512 MB and the young generation beside it.
      expect(limit).toBeGreaterThanOrEqual(512);
      expect(limit).toBeLessThan(640);
    }
  });

  it("are the commands the deployment guide and the README give", () => {
    const guide = readFileSync("docs/deploying.md", "utf8");
    expect(guide).toContain(`| \`node ${serverNodeFlags.join(" ")} build/server.js\` |`);
    expect(guide).toContain(`| \`node ${workerNodeFlags.join(" ")} build/worker.js\` |`);
    expect(readFileSync("README.md", "utf8")).toContain(`\`node ${serverNodeFlags.join(" ")} build/server.js\``);
  });
});
