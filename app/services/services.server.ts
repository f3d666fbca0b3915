// Everything with state is made here once, at start, and handed to routes through the load context.
import { logger } from "./logger.server";
import path from "node:path";
import { maxRateLimitWindowMinutes, webhooksFor, type AppConfig } from "~/config/config.server";
import { DeliveryWorker, type DeliveryWorkerDeps } from "~/delivery/delivery-worker.server";
import { refusedCaseEvents } from "~/cases/case-events-api.server";
import { ProgressCodes } from "~/cases/progress-codes.server";
import { createScanner, type Scanner } from "~/evidence/clamav.server";
import { EvidenceLinks } from "~/evidence/download.server";
import { EvidenceStore } from "~/evidence/evidence-store.server";
import { createFileTransport, createSmtpTransport, type MailTransport } from "~/delivery/mail-transport.server";
import { Outbox } from "~/delivery/outbox.server";
import { CaseStore } from "~/cases/case-store.server";
import { openDatabaseUrl, type Database } from "./database.server";
import { checkSchema, migrate } from "./migrations.server";
import { Sealer } from "./encryption.server";
import { RateLimiter } from "./rate-limit.server";
import { Retention } from "./retention.server";
import { SessionStore } from "./session-store.server";
import { SubmissionStore } from "./submissions.server";
import { createPageTranslations, createTranslations, type PageTranslationsByLanguage, type Translations } from "./translations.server";

/** Whether the database has been reached and its schema is ready; the health check answers 503 until then. */
export interface DatabaseStartup {
  readonly ready: boolean;
  readonly done: Promise<void>;
}

/** Twice the longest window any limiter may have: a row older than that is a scope's no longer used. */
const rateLimitRowsKeptMs = 2 * maxRateLimitWindowMinutes * 60_000;

type RateLimiters = Pick<Services, "rateLimiter" | "progressLimiter" | "caseEventsLimiter">;

/** The portal's rate limiters, each counting in a scope of its own: the one list that is swept and stopped. */
export function rateLimitersOf(services: RateLimiters): RateLimiter[] {
  return [services.rateLimiter, services.progressLimiter, services.caseEventsLimiter];
}

/** Every rate limiter's ended windows deleted (they name client addresses), and any row older than any window: the number of rows. */
export async function sweepRateLimits(services: RateLimiters & Pick<Services, "db">, now = Date.now()): Promise<number> {
  const swept = await Promise.all(rateLimitersOf(services).map((limiter) => limiter.sweep()));
  const { changes } = await services.db.run("DELETE FROM rate_limits WHERE window_start < ?", [now - rateLimitRowsKeptMs]);
  return swept.reduce((sum, rows) => sum + rows, changes);
}

export interface Services {
  config: AppConfig;
  db: Database;
  startup: DatabaseStartup;
  sessions: SessionStore;
  sealer: Sealer;
  submissions: SubmissionStore;
  cases: CaseStore;
  progressCodes: ProgressCodes;
  /** Per client, for the progress page: references and codes tried. */
  progressLimiter: RateLimiter;
  /** Posts to /api/case-events refused for their signature, per client (app/cases/case-events-api.server.ts). */
  caseEventsLimiter: RateLimiter;
  outbox: Outbox;
  rateLimiter: RateLimiter;
  retention: Retention;
  translations: Translations;
  /** What pages are rendered with, per language (docs/decisions/041). */
  pageTranslations: PageTranslationsByLanguage;
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

/** Everything a delivery worker needs from the services, with a test's clock or log where one is given. */
export function workerDeps(services: Services, mail: MailTransport, overrides: Partial<Pick<DeliveryWorkerDeps, "now" | "log" | "retention">> = {}): DeliveryWorkerDeps {
  return {
    config: services.config,
    outbox: services.outbox,
    submissions: services.submissions,
    cases: services.cases,
    progressCodes: services.progressCodes,
    translations: services.translations,
    retention: services.retention,
    evidence: services.evidence,
    evidenceLinks: services.evidenceLinks,
    mail,
    ...overrides,
  };
}

export function createDeliveryWorker(services: Services, mail: MailTransport = createMailTransport(services.config)): DeliveryWorker {
  return new DeliveryWorker(workerDeps(services, mail), { leaseMs: services.config.env.DELIVERY_LEASE_SECONDS * 1000, digestHour: services.config.env.CASE_DIGEST_HOUR });
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
  const cases = new CaseStore(database, sealer, { timetable: config.council.timetable, webhookNames: webhooksFor(config.webhooks, "case.updated") });
  return {
    config,
    db: database,
    startup,
    sealer,
    sessions: new SessionStore(database, config.sessionSecret, config.sessionIdleMs, {
      secure: config.isProduction,
      name: config.isProduction ? "__Host-session" : "session",
    }, sealer),
    submissions,
    cases,
    progressCodes: new ProgressCodes(database, sealer, cases, config.sessionSecret),
    progressLimiter: new RateLimiter(database, config.env.PROGRESS_RATE_LIMIT_POSTS, 15 * 60_000, { scope: "progress" }),
    caseEventsLimiter: new RateLimiter(database, refusedCaseEvents.limit, refusedCaseEvents.windowMs, { scope: "case-events" }),
    retention: new Retention(database, cases),
    outbox: new Outbox(database, config.env.DELIVERY_RETRY_DELAYS),
    rateLimiter: new RateLimiter(database, config.env.RATE_LIMIT_POSTS, config.env.RATE_LIMIT_WINDOW_MINUTES * 60_000),
    translations: createTranslations(config.council.timetable),
    pageTranslations: createPageTranslations(),
    evidence: new EvidenceStore(database, sealer, config.evidence.limits),
    scanner: createScanner(config.evidence.scanner),
    evidenceLinks: new EvidenceLinks(config.sessionSecret, config.publicUrl, config.evidence.linkValidityMs),
  };
}
