// `npm run migrate`: brings the database named by DATABASE_URL to this code's schema, whatever
// MIGRATE_ON_START says. Run it before a rolling deploy whose instances start with MIGRATE_ON_START=false.
import { latestVersion, migrate } from "~/services/migrations.server";
import { openDatabase } from "~/services/services.server";
import { loadCommandConfig } from "./command-config";

try {
  const config = loadCommandConfig(() => {});
  const db = openDatabase(config);
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied migrations ${applied.join(", ")}; the ${db.kind} schema is at version ${latestVersion}.` : `The ${db.kind} schema is up to date at version ${latestVersion}.`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(`Could not migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
