import { spawnSync } from "node:child_process";
import { expect, test } from "./support/fixtures";
import { serverNodeFlags } from "../support/portal-command";

test("an invalid configuration stops the server at start, naming the setting", () => {
  const result = spawnSync(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: { ...process.env, PORT: "not-a-port", DATA_DIR: process.env.E2E_DATA_DIR },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("PORT");
  expect(result.stderr).not.toMatch(/at .+\.js:\d+/);
});

test("a malformed DATABASE_URL stops the server at start, naming the setting and never its password", () => {
  const result = spawnSync(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: { ...process.env, PORT: "3299", DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "postgres://portal:s3cret-pw@db.internal:port/portal" },
    encoding: "utf8",
    timeout: 20_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("DATABASE_URL");
  expect(result.stderr + result.stdout).not.toContain("s3cret-pw");
});
