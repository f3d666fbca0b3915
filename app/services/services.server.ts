// Everything with state is made here once, at start, and handed to routes through the load context.
import { logger } from "./logger.server";
import path from "node:path";
import type { AppConfig } from "~/config/config.server";
import { DeliveryWorker } from "~/delivery/delivery-worker.server";
import { createFileTransport, createSmtpTransport, type MailTransport } from "~/delivery/mail-transport.server";
import { Outbox } from "~/delivery/outbox.server";
import { openSqlite, sqliteFileFromUrl, type Database } from "./database.server";
import { migrate } from "./migrations.server";
import { Sealer } from "./encryption.server";
import { RateLimiter } from "./rate-limit.server";
import { Retention } from "./retention.server";
import { SessionStore } from "./session-store.server";
import { SubmissionStore } from "./submissions.server";
import { createTranslations, type Translations } from "./translations.server";

export interface Services {
  config: AppConfig;
  db: Database;
  sessions: SessionStore;
  submissions: SubmissionStore;
  outbox: Outbox;
  rateLimiter: RateLimiter;
  retention: Retention;
  translations: Translations;
}

export function createMailTransport(config: AppConfig): MailTransport {
  return config.env.SMTP_URL
    ? createSmtpTransport(config.env.SMTP_URL, config.env.MAIL_FROM)
    : createFileTransport(path.join(config.dataDir, "mail"), config.env.MAIL_FROM, (file) => logger.info({ file }, "email written to a file"));
}

export function createDeliveryWorker(services: Services, mail: MailTransport = createMailTransport(services.config)): DeliveryWorker {
  return new DeliveryWorker({
    config: services.config,
    outbox: services.outbox,
    submissions: services.submissions,
    translations: services.translations,
    retention: services.retention,
    mail,
  });
}

export async function openDatabase(config: AppConfig): Promise<Database> {
  const db = openSqlite(sqliteFileFromUrl(config.env.DATABASE_URL));
  await migrate(db);
  return db;
}

export async function createServices(config: AppConfig, db?: Database): Promise<Services> {
  const database = db ?? (await openDatabase(config));
  const sealer = new Sealer(config.keyring);
  const submissions = new SubmissionStore(database, sealer);
  return {
    config,
    db: database,
    sessions: new SessionStore(database, config.sessionSecret, config.sessionIdleMs, {
      secure: config.isProduction,
      name: config.isProduction ? "__Host-session" : "session",
    }, sealer),
    submissions,
    retention: new Retention(database, submissions),
    outbox: new Outbox(database),
    rateLimiter: new RateLimiter(database, config.env.RATE_LIMIT_POSTS, config.env.RATE_LIMIT_WINDOW_MINUTES * 60_000),
    translations: createTranslations(),
  };
}
