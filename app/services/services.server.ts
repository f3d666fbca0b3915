// Everything with state is made here once, at start, and handed to routes through the load context.
import { logger } from "./logger.server";
import path from "node:path";
import type { AppConfig } from "~/config/config.server";
import { createScanner, type Scanner } from "~/evidence/clamav.server";
import { EvidenceLinks } from "~/evidence/download.server";
import { EvidenceStore } from "~/evidence/evidence-store.server";
import { DeliveryWorker } from "~/delivery/delivery-worker.server";
import { createFileTransport, createSmtpTransport, type MailTransport } from "~/delivery/mail-transport.server";
import { Outbox } from "~/delivery/outbox.server";
import { openDatabaseUrl, type Database } from "./database.server";
import { checkSchema, migrate } from "./migrations.server";
import { Sealer } from "./encryption.server";
import { RateLimiter } from "./rate-limit.server";
import { Retention } from "./retention.server";
import { SessionStore } from "./session-store.server";
import { SubmissionStore } from "./submissions.server";
import { createTranslations, type Translations } from "./translations.server";

/** Whether the database has been reached and its schema is ready; the health check answers 503 until then. */
export interface DatabaseStartup {
  readonly ready: boolean;
  readonly done: Promise<void>;
}

export interface Services {
  config: AppConfig;
  db: Database;
  startup: DatabaseStartup;
  sessions: SessionStore;
  submissions: SubmissionStore;
  outbox: Outbox;
  rateLimiter: RateLimiter;
  retention: Retention;
  translations: Translations;
  /** Evidence files, sealed in the database. */
  evidence: EvidenceStore;
  /** clamd (or, in development without CLAMAV_URL, no scanner: files marked not-scanned). */
  scanner: Scanner;
  /** Signed, expiring download links to sent evidence files. */
  evidenceLinks: EvidenceLinks;
}

export function createMailTransport(config: AppConfig): MailTransport {
  return config.env.SMTP_URL
    ? createSmtpTransport(config.env.SMTP_URL, config.env.MAIL_FROM)
    : createFileTransport(path.join(config.dataDir, "mail"), config.env.MAIL_FROM, (file) => logger.info({ file }, "email written to a file"));
}

export function createDeliveryWorker(services: Services, mail: MailTransport = createMailTransport(services.config)): DeliveryWorker {
  return new DeliveryWorker(
    {
      config: services.config,
      outbox: services.outbox,
      submissions: services.submissions,
      translations: services.translations,
      retention: services.retention,
      mail,
    },
    { leaseMs: services.config.env.DELIVERY_LEASE_SECONDS * 1000 },
  );
}

export function openDatabase(config: AppConfig): Database {
  return openDatabaseUrl(config.env.DATABASE_URL, { poolSize: config.env.DATABASE_POOL_SIZE });
}

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 30_000;

/**
 * Migrates (or, with MIGRATE_ON_START=false, checks the schema is new enough), and keeps trying with a
 * growing wait while the database cannot be reached, saying why each time.
 */
export function startDatabase(config: AppConfig, db: Database, retry = true, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): DatabaseStartup {
  const state = { ready: false, done: Promise.resolve() };
  state.done = (async () => {
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, LONGEST_RETRY_MS)) {
      try {
        if (config.env.MIGRATE_ON_START) {
          const applied = await migrate(db);
          if (applied.length) logger.info({ applied }, "database migrated");
        } else {
          await checkSchema(db);
        }
        state.ready = true;
        logger.info({ engine: db.kind }, "database ready");
        return;
      } catch (error) {
        if (!retry) throw error;
        logger.error({ engine: db.kind, error: error instanceof Error ? error.message : String(error), retryInMs: wait }, "database not ready; trying again");
        await sleep(wait);
      }
    }
  })();
  return state;
}

export interface ServiceOptions {
  /** An open database, as tests pass one; otherwise DATABASE_URL is opened. */
  db?: Database;
  /** Wait until the database is ready (command-line tools and tests); the web server answers meanwhile. */
  waitForDatabase?: boolean;
  /** Keep trying while the database cannot be reached (servers); a command-line tool stops and says why. */
  retryDatabase?: boolean;
}

export async function createServices(config: AppConfig, { db, waitForDatabase = true, retryDatabase = true }: ServiceOptions = {}): Promise<Services> {
  const database = db ?? openDatabase(config);
  const startup = startDatabase(config, database, retryDatabase);
  if (waitForDatabase) await startup.done;
  const sealer = new Sealer(config.keyring);
  const submissions = new SubmissionStore(database, sealer);
  return {
    config,
    db: database,
    startup,
    sessions: new SessionStore(database, config.sessionSecret, config.sessionIdleMs, {
      secure: config.isProduction,
      name: config.isProduction ? "__Host-session" : "session",
    }, sealer),
    submissions,
    retention: new Retention(database, submissions),
    outbox: new Outbox(database, config.env.DELIVERY_RETRY_DELAYS),
    rateLimiter: new RateLimiter(database, config.env.RATE_LIMIT_POSTS, config.env.RATE_LIMIT_WINDOW_MINUTES * 60_000),
    translations: createTranslations(),
    evidence: new EvidenceStore(database, sealer, config.evidence.limits),
    scanner: createScanner(config.evidence.scanner),
    evidenceLinks: new EvidenceLinks(config.sessionSecret, config.publicUrl, config.evidence.linkValidityMs),
  };
}
