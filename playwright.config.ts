import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./tests/e2e/support/browser";

const port = Number(process.env.E2E_PORT ?? "3210");

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
    { name: "sqlite", testIgnore: /(database-faults|scale)\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${port}` } },
    // The journeys again against a portal on PostgreSQL: every question, check answers, storing and delivery.
    { name: "postgres", testMatch: /(complaint|complaint-behaviour|other-journeys|database-faults|page-cache|case-progress)\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${port + 1}` } },
    // Two instances and two workers under load: run last, alone, so its load slows no other test.
    { name: "scale", testMatch: /scale\.spec\.ts$/, dependencies: ["sqlite", "postgres"] },
  ],
});
