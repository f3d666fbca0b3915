import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { chromiumArgs, chromiumPath } from "./tests/e2e/support/browser";

// The two portals' ports, given by the operating system once, in the runner: its workers inherit them through the
// environment, so every process agrees, and two runs on one machine never test each other's servers.
if (!process.env.E2E_PORTS) {
  process.env.E2E_PORTS = execFileSync(process.execPath, [
    "-e",
    "const net=require('node:net');const a=net.createServer().listen(0,'127.0.0.1',()=>{const b=net.createServer().listen(0,'127.0.0.1',()=>{console.log(a.address().port+','+b.address().port);a.close();b.close()})})",
  ])
    .toString()
    .trim();
}
const [sqlitePort, postgresPort] = process.env.E2E_PORTS.split(",").map(Number) as [number, number];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalSetup: "./tests/e2e/support/global-setup.ts",
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 360, height: 640 },
    trace: "off",
  },
  projects: [
    // Everything against the portal on SQLite, the default engine.
    { name: "sqlite", testIgnore: /(database-faults|scale)\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${sqlitePort}` } },
    // The journeys again against a portal on PostgreSQL: every question, check answers, storing and delivery.
    { name: "postgres", testMatch: /(complaint|complaint-behaviour|other-journeys|database-faults|page-cache|case-progress)\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${postgresPort}` } },
    // Two instances and two workers under load: run last, alone, so its load slows no other test.
    { name: "scale", testMatch: /scale\.spec\.ts$/, dependencies: ["sqlite", "postgres"] },
  ],
});
