// `npm run rotate-key`: after putting a new key first in DATA_KEYS (keeping the old ones), seals every stored
// submission and live session again with it. Then the old keys can be removed.
import { loadCommandConfig } from "./command-config";
import { createServices } from "~/services/services.server";

const config = loadCommandConfig();
const services = await createServices(config, { retryDatabase: false });
try {
  const submissions = await services.submissions.resealAll();
  const sessions = await services.sessions.resealAll();
  const evidence = await services.evidence.resealAll();
  console.log(`Sealed again with key ${config.keyring.currentId}: ${submissions} submissions, ${sessions} sessions, ${evidence} evidence names and pieces.`);
} finally {
  await services.db.close();
}
