import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { latestVersion } from "~/services/migrations.server";
import { createTestDatabase, engines } from "../tests/support/test-databases";

const migrateWith = (env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/register-glob.mjs", "server/migrate-cli.ts"], { env: { ...process.env, ...env }, encoding: "utf8" });

describe.each(engines)("npm run migrate on %s", (engine) => {
  it("applies every migration once, then says the schema is up to date", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migrate-"));
    const database = await createTestDatabase(engine, dir);
    try {
      const env = { DATA_DIR: dir, DATABASE_URL: database.url };
      const first = migrateWith(env);
      expect(first.stderr).toBe("");
      expect(first.stdout).toContain(`Applied migrations ${Array.from({ length: latestVersion }, (_, i) => i + 1).join(", ")}`);
      const second = migrateWith(env);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain(`up to date at version ${latestVersion}`);
    } finally {
      await database.drop();
    }
  });
});

describe("npm run migrate with a bad database", () => {
  it("names the setting when DATABASE_URL is malformed, and says why when the server is not there", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "migrate-"));
    const malformed = migrateWith({ DATA_DIR: dir, DATABASE_URL: "postgres://portal:pw@:what/" });
    expect(malformed.status).toBe(1);
    expect(malformed.stderr).toContain("DATABASE_URL");
    expect(malformed.stderr).not.toContain("pw@");
    const unreachable = migrateWith({ DATA_DIR: dir, DATABASE_URL: "postgres://portal@127.0.0.1:1/portal" });
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toMatch(/Could not migrate: PostgreSQL is unavailable/);
  });
});
