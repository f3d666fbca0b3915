// Runs a command with a throwaway PostgreSQL cluster named in TEST_POSTGRES_URL, then removes the cluster.
// When TEST_POSTGRES_URL is already set (as .ci/run sets it), the command runs against that one instead.
import { spawn } from "node:child_process";
import { PostgresCluster } from "../tests/support/postgres-cluster";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-postgres.ts <command> [arguments…]");
  process.exit(2);
}

let cluster: PostgresCluster | null = null;
const cleanUp = () => cluster?.destroy();
if (!process.env.TEST_POSTGRES_URL) {
  cluster = new PostgresCluster();
  try {
    await cluster.start();
  } catch (error) {
    cleanUp();
    console.error(`Could not start a throwaway PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  process.env.TEST_POSTGRES_URL = cluster.url;
  console.log(`Throwaway PostgreSQL at ${cluster.url} (${cluster.dir})`);
}
const child = spawn(command, args, { stdio: "inherit", env: process.env });
child.on("error", (error) => {
  cleanUp();
  console.error(`Could not run ${command}: ${error.message}`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
