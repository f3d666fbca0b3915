// Opens the database a URL names, behind the one interface both engines implement (database-types.server.ts).
import { openPostgres } from "./postgres-database.server";
import { openSqlite } from "./sqlite-database.server";
import type { Database, DatabaseOptions } from "./database-types.server";

export * from "./database-types.server";

export function sqliteFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL: only file: URLs are SQLite");
  return url.slice("file:".length);
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database a URL names. PostgreSQL connects lazily, so this succeeds while the server is down. */
export function openDatabaseUrl(url: string, options: DatabaseOptions = {}): Database {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(sqliteFileFromUrl(url));
}

export { openSqlite };
