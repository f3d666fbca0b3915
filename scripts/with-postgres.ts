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
if (!process.env.TEST_POSTGRES_URL) {
  cluster = await new PostgresCluster().start();
  process.env.TEST_POSTGRES_URL = cluster.url;
  console.log(`Throwaway PostgreSQL at ${cluster.url} (${cluster.dir})`);
}
const child = spawn(command, args, { stdio: "inherit", env: process.env });
const cleanUp = () => cluster?.destroy();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
