// Everything with state is made here once, at start, and handed to routes through the load context.
import type { AppConfig } from "~/config/config.server";
import { openSqlite, sqliteFileFromUrl, type Database } from "./database.server";
import { migrate } from "./migrations.server";
import { SessionStore } from "./session-store.server";
import { SubmissionStore } from "./submissions.server";
import { createTranslations, type Translations } from "./translations.server";

export interface Services {
  config: AppConfig;
  db: Database;
  sessions: SessionStore;
  submissions: SubmissionStore;
  translations: Translations;
}

export async function openDatabase(config: AppConfig): Promise<Database> {
  const db = openSqlite(sqliteFileFromUrl(config.env.DATABASE_URL));
  await migrate(db);
  return db;
}

export async function createServices(config: AppConfig, db?: Database): Promise<Services> {
  const database = db ?? (await openDatabase(config));
  return {
    config,
    db: database,
    sessions: new SessionStore(database, config.sessionSecret, config.sessionIdleMs, {
      secure: config.isProduction,
      name: config.isProduction ? "__Host-session" : "session",
    }),
    submissions: new SubmissionStore(database),
    translations: createTranslations(),
  };
}
