// All settings are read and checked once, at start. A bad value stops the server with the setting's name.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { councilSettingsSchema, type CouncilSettings } from "./council-schema";
import { exampleCouncil } from "./example-council";

const databaseUrl = z
  .string()
  .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must start with file: (SQLite) or postgres://");

export const environmentSchema = z.object({
  APP_ENV: z.enum(["development", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: databaseUrl.default("file:./data/portal.db"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  COUNCIL_CONFIG: z.string().min(1).optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});

export type Environment = z.output<typeof environmentSchema>;

export interface AppConfig {
  env: Environment;
  isProduction: boolean;
  council: CouncilSettings;
  sessionSecret: string;
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
  return parsed.data;
}

/** In development a missing secret is generated once into the data folder, so the quick start needs no setup. */
export function generatedSecret(dataDir: string, name: string, log: (message: string) => void): string {
  const file = path.join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  log(`Generated a development ${name} into ${file}. Set it in the environment in production.`);
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
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    env,
    isProduction,
    council: readCouncilSettings(env.COUNCIL_CONFIG),
    sessionSecret: env.SESSION_SECRET ?? generatedSecret(dataDir, "session", log),
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    dataDir,
  };
}
