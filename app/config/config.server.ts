// All settings are read and checked once, at start. A bad value stops the server with the setting's name.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { makeFolderSync } from "~/services/folders.server";
import path from "node:path";
import { z } from "zod";
import { evidenceLimits } from "~/evidence/evidence-limits";
import { parseClamdAddress, type ClamdAddress } from "~/evidence/clamav.server";
import { isPostgresUrl } from "~/services/database.server";
import { newKeyEntry, parseKeyring, type Keyring } from "~/services/encryption.server";
import { submissionKinds } from "~/journeys/journeys";
import { councilSettingsSchema, untranslatedCouncilSettings, type CouncilSettings } from "./council-schema";
import { exampleCouncil } from "./example-council";

/** file:path for SQLite, or postgres://user:password@host:port/database; the message never repeats the value. */
export function databaseUrlProblem(value: string): string | null {
  if (value.startsWith("file:")) return value.length > "file:".length ? null : "file: must be followed by a path";
  if (!isPostgresUrl(value)) return "must start with file: (SQLite) or postgres:// (PostgreSQL)";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a valid postgres:// URL (postgres://user:password@host:port/database)";
  }
  if (/\s/.test(value)) return "must not contain spaces";
  if (!url.hostname && !url.searchParams.get("host")) return "must name a host (postgres://user:password@host:port/database)";
  if (url.pathname.length <= 1) return "must name a database (postgres://user:password@host:port/database)";
  return null;
}

const databaseUrl = z.string().superRefine((value, ctx) => {
  const problem = databaseUrlProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const DURATION_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "5s,5m,30m,2h": the waits between delivery attempts. */
const retryDelays = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const delays = value.split(",").map((part) => /^\s*(\d+)(ms|s|m|h)\s*$/.exec(part));
    if (delays.some((d) => !d) || delays.length > 30) {
      ctx.addIssue({ code: "custom", message: "must be up to 30 durations separated by commas, such as 5s,5m,30m,2h" });
      return z.NEVER;
    }
    return delays.map((d) => Number(d![1]) * DURATION_MS[d![2]!]!);
  });

const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "must be whsec_ followed by base64")
  .refine((v) => {
    const bytes = Buffer.from(v.slice("whsec_".length), "base64").length;
    return bytes >= 24 && bytes <= 64;
  }, "must hold 24 to 64 random bytes in base64");

/** What an endpoint is sent: every submission with all its answers (a case system), and `case.updated`, each case's
 * stages and dates without personal data (a case system, or a data warehouse that needs nothing more). */
export const webhookEvents = ["submissions", "case.updated"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

const webhookEndpointSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]{1,40}$/, "must be lower-case letters, digits and hyphens"),
  url: z.url({ protocol: /^https?$/ }),
  /** Several secrets during a rotation: each signs, receivers accept any. */
  secrets: z.array(webhookSecret).min(1).max(3),
  /** What it is sent; both when left out. An endpoint that needs only where cases stand is given no answers. */
  events: z
    .array(z.enum(webhookEvents, { error: `must be some of ${webhookEvents.join(", ")}` }))
    .min(1)
    .default([...webhookEvents]),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The names of the endpoints sent `event`. */
export function webhooksFor(webhooks: readonly WebhookEndpoint[], event: WebhookEvent): string[] {
  return webhooks.filter((endpoint) => endpoint.events.includes(event)).map((endpoint) => endpoint.name);
}

const booleanSetting = (fallback: "true" | "false") =>
  z.enum(["true", "false"]).default(fallback).transform((v) => v === "true");

/** The longest window a rate limit may count in (RATE_LIMIT_WINDOW_MINUTES). */
export const maxRateLimitWindowMinutes = 24 * 60;

export const environmentSchema = z.object({
  APP_ENV: z.enum(["development", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: databaseUrl.default("file:./data/portal.db"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  COUNCIL_CONFIG: z.string().min(1).optional(),
  // How far to trust X-Forwarded-For: "false", a number of proxies in front (the client is the address the
  // farthest of them saw, whatever the client wrote in the header), or "true" (every entry: the left-most).
  TRUST_PROXY: z
    .union([z.enum(["true", "false"]).transform((v) => v === "true"), z.coerce.number().int().min(1).max(10)], { error: 'must be "true", "false" or a number of proxies from 1 to 10' })
    .default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Complaints portal <no-reply@example.org>"),
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : []))
    .pipe(z.array(webhookSecret).max(3)),
  WEBHOOK_ENDPOINTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [];
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON array of {name, url, secrets}" });
        return z.NEVER;
      }
    })
    .pipe(z.array(webhookEndpointSchema)),
  /** Secrets the case system signs its events with (Standard Webhooks), several during a rotation; unset: no events taken. */
  CASE_EVENTS_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : []))
    .pipe(z.array(webhookSecret).max(3)),
  /** The hour of the day (London) from which the complaints manager's daily digest is sent. */
  CASE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** The address people and the case system reach the portal at, for links in emails (the progress page) and webhooks (evidence). */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  WORKER_ENABLED: booleanSetting("true"),
  STAFF_EMAIL_DETAIL: z.enum(["full", "summary"]).default("full"),
  DATA_KEYS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      try {
        return parseKeyring(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  BOT_MIN_SECONDS: z.coerce.number().min(0).max(600).default(1.5),
  RATE_LIMIT_POSTS: z.coerce.number().int().min(1).max(100_000).default(600),
  RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(maxRateLimitWindowMinutes).default(15),
  /** "Check your complaint": references and codes one client may send in 15 minutes (about 2 or 3 for each person). */
  PROGRESS_RATE_LIMIT_POSTS: z.coerce.number().int().min(1).max(100_000).default(30),
  MIGRATE_ON_START: booleanSetting("true"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // A lease shorter than a slow send (SMTP and webhook timeouts are 15 to 30 s) lets a second worker send it too.
  DELIVERY_LEASE_SECONDS: z.coerce.number().int().min(20).max(3600).default(60),
  DELIVERY_RETRY_DELAYS: retryDelays,
  // A team's email or the case system's copy still not delivered this long after a send is reported (to the
  // administrator and the complaints manager) while it is retried, not only once it is given up (decision 093).
  DELIVERY_LATE_ALERT_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
  // Connections (server/connection-limits.ts): a request's headers must arrive within HEADERS_TIMEOUT_SECONDS; a
  // connection with nothing moving either way for IDLE_TIMEOUT_SECONDS is closed; a body must keep coming at
  // MIN_BODY_BYTES_PER_SECOND on average once it is IDLE_TIMEOUT_SECONDS old (slow 3G sends some 50,000 a second);
  // one client address may hold MAX_CONNECTIONS_PER_CLIENT open at once (not counted behind a proxy: TRUST_PROXY).
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  MIN_BODY_BYTES_PER_SECOND: z.coerce.number().int().min(0).max(1_000_000).default(1_000),
  MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(0).max(100_000).default(100),
  // Memory for rendered pages (about 20 KB each); 0 renders every page afresh. At most half the heap ceiling the
  // start commands give (decision 033), so pages kept can never be what runs the process out of memory.
  PAGE_CACHE_MB: z.coerce.number().min(0).max(256).default(32),
  // clamd, which scans every evidence file before it is accepted: tcp://host:3310 or unix:/path/to/clamd.ctl.
  CLAMAV_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      try {
        return parseClamdAddress(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  CLAMAV_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(evidenceLimits.defaultScanTimeoutSeconds),
  // Evidence files are attached to the staff email up to this total (0: never attached, only listed).
  EVIDENCE_ATTACH_MAX_MB: z.coerce.number().min(0).max(25).default(evidenceLimits.defaultAttachMaxMb),
  EVIDENCE_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(evidenceLimits.defaultLinkDays),
});

export type Environment = z.output<typeof environmentSchema>;

/** Evidence uploads: the declared limits, and what the settings make of them. */
export interface EvidenceConfig {
  limits: typeof evidenceLimits;
  /** clamd's address and time limit; null only in development without CLAMAV_URL (files marked not-scanned). */
  scanner: { address: ClamdAddress; timeoutMs: number } | null;
  /** Files are attached to the staff email while together at most this size. */
  attachMaxBytes: number;
  /** How long a download link in a webhook works. */
  linkValidityMs: number;
}

export interface AppConfig {
  env: Environment;
  evidence: EvidenceConfig;
  /** The portal's address as people and the case system reach it, without a trailing slash. */
  publicUrl: string;
  webhooks: WebhookEndpoint[];
  isProduction: boolean;
  council: CouncilSettings;
  sessionSecret: string;
  keyring: Keyring;
  sessionIdleMs: number;
  dataDir: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function describeIssues(prefix: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join(".")}: ${issue.message}`)
    .join("\n  ");
}

function readCouncilSettings(file: string | undefined): CouncilSettings {
  let raw: unknown = exampleCouncil;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new ConfigError(`Invalid configuration:\n  COUNCIL_CONFIG: cannot read ${file} as JSON (${(error as Error).message})`);
    }
  }
  const parsed = councilSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  ${describeIssues("COUNCIL_CONFIG", parsed.error)}`);
  }
  // Routing rules name journeys by id: one that names no registered journey would silently never match.
  const unknownKinds = parsed.data.routing.flatMap((rule, index) =>
    (rule.when.types ?? []).flatMap((kind, position) => (submissionKinds.includes(kind) ? [] : [`COUNCIL_CONFIG.routing.${index}.when.types.${position}: unknown kind "${kind}" (known: ${submissionKinds.join(", ")})`])),
  );
  if (unknownKinds.length) throw new ConfigError(`Invalid configuration:\n  ${unknownKinds.join("\n  ")}`);
  return parsed.data;
}

/** In development a missing secret is generated once into the data folder, so the quick start needs no setup. */
export function generatedSecret(dataDir: string, name: string, log: (message: string) => void, make = () => randomBytes(32).toString("base64url")): string {
  const file = path.join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  try {
    makeFolderSync(dataDir);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  DATA_DIR: cannot make the folder ${dataDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const secret = make();
  writeFileSync(file, secret, { mode: 0o600 });
  log(`Generated a development ${name} secret into ${file}. Set it in the environment in production.`);
  return secret;
}

export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  log: (message: string) => void = (m) => console.warn(m),
): AppConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n  ${describeIssues("", parsed.error)}`);
  }
  const env = parsed.data;
  const isProduction = env.APP_ENV === "production";
  if (isProduction && !env.SESSION_SECRET) {
    throw new ConfigError("Invalid configuration:\n  SESSION_SECRET: is required when APP_ENV=production");
  }
  if (isProduction && !env.DATA_KEYS) {
    throw new ConfigError("Invalid configuration:\n  DATA_KEYS: is required when APP_ENV=production (id:base64 of 32 random bytes)");
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const webhooks = [...env.WEBHOOK_ENDPOINTS];
  if (env.WEBHOOK_URL) {
    if (!env.WEBHOOK_SECRET.length) throw new ConfigError("Invalid configuration:\n  WEBHOOK_SECRET: is required with WEBHOOK_URL");
    webhooks.push({ name: "case-system", url: env.WEBHOOK_URL, secrets: env.WEBHOOK_SECRET, events: [...webhookEvents] });
  }
  webhooks.forEach((endpoint, index) => {
    const url = new URL(endpoint.url);
    // Answers about children must not cross a network in clear text; plain HTTP is only for this machine.
    if (url.protocol === "http:" && !isLoopback(url.hostname) && isProduction) {
      const setting = env.WEBHOOK_URL === endpoint.url ? "WEBHOOK_URL" : `WEBHOOK_ENDPOINTS.${index}.url`;
      throw new ConfigError(`Invalid configuration:\n  ${setting}: must use https:// (http:// is allowed only to loopback)`);
    }
  });
  if (isProduction && !env.CLAMAV_URL) {
    throw new ConfigError("Invalid configuration:\n  CLAMAV_URL: is required when APP_ENV=production (tcp://host:3310 or unix:/path/to/clamd.ctl)");
  }
  if (isProduction && !env.PUBLIC_URL) {
    throw new ConfigError("Invalid configuration:\n  PUBLIC_URL: is required when APP_ENV=production (the https:// address people and the case system reach the portal at: links in emails and webhooks start with it)");
  }
  // Without a mail server, emails are written as files: every answer, safe-contact detail and attached file in clear
  // text on the server's disk, outside the sealing and the retention purge. Only for development.
  if (isProduction && !env.SMTP_URL) {
    throw new ConfigError("Invalid configuration:\n  SMTP_URL: is required when APP_ENV=production (emails are otherwise written unsealed to files, for development only)");
  }
  const council = readCouncilSettings(env.COUNCIL_CONFIG);
  const untranslated = untranslatedCouncilSettings(council);
  if (untranslated.length) {
    log(`COUNCIL_CONFIG: these settings people read have no words of their own in a language, so English is shown there: ${untranslated.join(", ")}. Give each as { "en": "…", "pl": "…", "ar": "…" }.`);
  }
  return {
    env,
    evidence: {
      limits: evidenceLimits,
      scanner: env.CLAMAV_URL ? { address: env.CLAMAV_URL, timeoutMs: env.CLAMAV_TIMEOUT_SECONDS * 1000 } : null,
      attachMaxBytes: Math.floor(env.EVIDENCE_ATTACH_MAX_MB * 1024 * 1024),
      linkValidityMs: env.EVIDENCE_LINK_DAYS * 86_400_000,
    },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    webhooks,
    isProduction,
    council,
    sessionSecret: env.SESSION_SECRET ?? generatedSecret(dataDir, "session", log),
    keyring: env.DATA_KEYS ?? parseKeyring(generatedSecret(dataDir, "data-key", log, () => newKeyEntry("dev1"))),
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    dataDir,
  };
}

/**
 * The settings a command that only reads needs (the environment, with the database, and the council's
 * settings), checked exactly as at start, but without generating development secrets: `npm run report` writes
 * nothing but its report.
 */
export function loadReadOnlyConfig(source: Record<string, string | undefined> = process.env): { env: Environment; council: CouncilSettings; keyring: Keyring | null } {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n  ${describeIssues("", parsed.error)}`);
  const env = parsed.data;
  // The development data key, if the portal has made one: read, never generated.
  const keyFile = path.join(path.resolve(env.DATA_DIR), "data-key.secret");
  const keyring = env.DATA_KEYS ?? (existsSync(keyFile) ? parseKeyring(readFileSync(keyFile, "utf8").trim()) : null);
  return { env, council: readCouncilSettings(env.COUNCIL_CONFIG), keyring };
}

/** The one warning a server logs at start when evidence files will not be scanned (development without clamd). */
export function evidenceScanWarning(config: AppConfig): string | null {
  return config.evidence.scanner
    ? null
    : "CLAMAV_URL is not set: evidence files are accepted without a virus scan and marked not-scanned. Set it to clamd's address (it is required in production).";
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
