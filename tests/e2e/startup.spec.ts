import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
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

test("a bad log setting, a port already in use and an address the machine does not have each stop the start, naming the setting", async () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, [...serverNodeFlags, "build/server.js"], { env: { ...process.env, PORT: "3298", DATA_DIR: process.env.E2E_DATA_DIR, ...env }, encoding: "utf8", timeout: 20_000 });
  for (const [env, name] of [[{ LOG_LEVEL: "bogus" }, "LOG_LEVEL"], [{ LOG_DESTINATION: "syslog" }, "LOG_DESTINATION"], [{ HOST: "no.such.host.invalid" }, "HOST"]] as const) {
    const result = start(env);
    expect(result.status, name).toBe(1);
    expect(result.stderr, name).toMatch(new RegExp(`Invalid configuration:\\n  ${name}: `));
    expect(result.stderr, name).not.toMatch(/at .+\.js:\d+/);
  }
  const taken = createServer().listen(0, "127.0.0.1");
  await once(taken, "listening");
  try {
    const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], { env: { ...process.env, HOST: "127.0.0.1", PORT: String((taken.address() as AddressInfo).port), DATA_DIR: process.env.E2E_DATA_DIR }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("exit", (status) => resolve({ status, stderr }));
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT: ");
    expect(result.stderr).toContain("another program is listening on it");
  } finally {
    taken.close();
  }
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
