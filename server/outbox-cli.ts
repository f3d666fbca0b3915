// `npm run outbox -- list [--state pending|failed|done]`, `show <id>`, `retry <id>`: for operators.
// Shows ids, kinds, targets, references, attempts and errors; never answers or contact details.
import { loadCommandConfig } from "./command-config";
import type { DeliveryJob, JobState } from "~/delivery/outbox.server";
import { createServices } from "~/services/services.server";

function line(job: DeliveryJob): string {
  const when = job.state === "pending" ? `next ${new Date(job.nextAttemptAt).toISOString()}` : job.state === "done" ? `done ${new Date(job.doneAt ?? 0).toISOString()}` : `failed ${new Date(job.failedAt ?? 0).toISOString()}`;
  return [job.id, job.state.padEnd(7), job.kind.padEnd(15), job.target.padEnd(24), job.reference, `attempts ${job.attempts}`, when, job.lastError ? `last error: ${job.lastError}` : ""].join("  ").trimEnd();
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const services = await createServices(loadCommandConfig(() => {}), { retryDatabase: false });
  try {
    if (command === "list") {
      const stateIndex = rest.indexOf("--state");
      const state = stateIndex >= 0 ? rest[stateIndex + 1] : undefined;
      if (state !== undefined && !["pending", "failed", "done"].includes(state)) {
        console.error("--state must be pending, failed or done");
        return 2;
      }
      const jobs = await services.outbox.list(state as JobState | undefined);
      for (const job of jobs) console.log(line(job));
      console.log(`${jobs.length} job${jobs.length === 1 ? "" : "s"}`);
      return 0;
    }
    if ((command === "show" || command === "retry") && rest[0]) {
      const job = await services.outbox.byId(rest[0]);
      if (!job) {
        console.error(`No job ${rest[0]}`);
        return 1;
      }
      if (command === "show") {
        console.log(JSON.stringify({ ...job, submissionId: undefined }, null, 2));
        return 0;
      }
      if (!(await services.outbox.retryNow(job.id, Date.now()))) {
        console.error(`Job ${job.id} is already delivered`);
        return 1;
      }
      console.log(`Job ${job.id} will be tried again now`);
      return 0;
    }
    console.error("Usage: npm run outbox -- list [--state pending|failed|done] | show <id> | retry <id>");
    return 2;
  } finally {
    await services.db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
