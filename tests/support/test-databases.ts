// A fresh, empty database for each test on either engine: a SQLite file, or a new database in the throwaway
// PostgreSQL cluster that `npm test` starts (scripts/with-postgres.ts) and names in TEST_POSTGRES_URL.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { openDatabaseUrl, type Database } from "../../app/services/database.server";

export const engines = ["sqlite", "postgres"] as const;
export type Engine = (typeof engines)[number];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_POSTGRES_URL is not set: run the tests with `npm test`, which starts a throwaway PostgreSQL (scripts/with-postgres.ts)");
  return url;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function createTestDatabase(engine: Engine, dir: string): Promise<TestDatabase> {
  if (engine === "postgres") return createPostgresDatabase();
  return { url: `file:${path.join(dir, "portal.db")}`, drop: async () => undefined };
}

/** Opens the database at `url` for one piece of work, as a test or a helper outside the portal reads it. */
export async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabaseUrl(url, { poolSize: 1 });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
