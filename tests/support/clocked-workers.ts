// Runs delivery workers once against a portal's database on a clock the caller sets, then exits: how an end-to-end
// test drives the complaints manager's daily digest to a chosen day and hour. Run from source, as the portal's
// locale files need the glob loader:
//   node --import tsx --import ./scripts/register-glob.mjs tests/support/clocked-workers.ts <ISO time> [workers]
// Settings come from the environment (DATA_DIR, DATABASE_URL, DATA_KEYS, SMTP_URL), as for the portal.
import { loadConfig } from "../../app/config/config.server";
import { DeliveryWorker } from "../../app/delivery/delivery-worker.server";
import { createMailTransport, createServices, workerDeps } from "../../app/services/services.server";

const [at, count = "1"] = process.argv.slice(2);
const clock = Date.parse(at ?? "");
if (Number.isNaN(clock)) {
  console.error("Usage: clocked-workers.ts <ISO time> [workers]");
  process.exit(2);
}
const services = await createServices(loadConfig(process.env, () => {}));
const workers = Array.from(
  { length: Number(count) },
  () => new DeliveryWorker(workerDeps(services, createMailTransport(services.config), { now: () => clock, log: () => {}, retention: undefined }), { digestHour: services.config.env.CASE_DIGEST_HOUR }),
);
// All at once, as workers on several machines would be.
const attempted = await Promise.all(workers.map((worker) => worker.runOnce()));
for (const worker of workers) await worker.stop();
await services.db.close();
console.log(JSON.stringify({ attempted }));
