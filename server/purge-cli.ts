// `npm run purge`: deletes personal data past its retention period now, keeping anonymous statistics.
import { loadCommandConfig } from "./command-config";
import { createServices, sweepRateLimits } from "~/services/services.server";

const config = loadCommandConfig();
const services = await createServices(config, { retryDatabase: false });
try {
  const purged = await services.retention.purge(Date.now(), config.env.RETENTION_DAYS);
  const swept = await services.sessions.sweepExpired();
  const counts = await sweepRateLimits(services);
  const abandoned = await services.evidence.sweepAbandoned();
  const codes = await services.progressCodes.sweep();
  console.log(
    `Deleted ${purged} submissions delivered more than ${config.env.RETENTION_DAYS} ${config.env.RETENTION_DAYS === 1 ? "day" : "days"} ago, ${swept} expired sessions, ${counts} ended rate-limit counts, ${abandoned} unfinished uploads and ${codes} old progress codes and held-back requests for them.`,
  );
} finally {
  await services.db.close();
}
