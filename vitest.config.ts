import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)), "@emails": fileURLToPath(new URL("./emails", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "emails/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "locales/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // The upload tests measure live memory, which needs garbage collected on demand.
    poolOptions: { forks: { execArgv: ["--expose-gc"] } },
    testTimeout: 30_000,
  },
});
