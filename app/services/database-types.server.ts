// One small interface over the database so every query is written once, with `?` placeholders, for both
// engines: SQLite (the default, one instance) and PostgreSQL (several instances sharing one database). The
// engines implement it; database.server.ts opens whichever a URL names.

export type SqlValue = string | number | bigint | null | Buffer;

export interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Runs writes (INSERT, UPDATE or DELETE, without RETURNING or a WITH of their own) that neither reads nor changes a
   * row another of them changes, all or none, and returns the first one's count of rows (0 for none). SQLite runs them one after
   * another, in this order, checking each one's foreign keys as it goes: order them so that each one's hold after
   * those before it. PostgreSQL runs them as one statement (the others as `WITH` parts of the first), so they cost
   * one round trip, see the database as it was before any of them, and have their foreign keys checked once all
   * have run.
   */
  runTogether(statements: readonly Statement[]): Promise<{ changes: number }>;
}

export interface Database extends Queryable {
  readonly kind: "sqlite" | "postgres";
  /**
   * Appended to a `SELECT` that picks rows to claim: PostgreSQL skips rows another worker is claiming;
   * SQLite needs nothing, since it lets one writer in at a time.
   */
  readonly skipLocked: string;
  /** Appended to a `SELECT` of a row about to be changed in the same transaction: PostgreSQL locks it; SQLite's
   * one writer at a time needs nothing. */
  readonly forUpdate: string;
  /**
   * Runs `work` in one transaction. On PostgreSQL `work` may run again from the start when the server rolls the
   * transaction back to break a deadlock, so it writes only through `tx` and leaves nothing of its own behind
   * until the promise resolves.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A transaction that holds a lock named `name` across every instance sharing the database. */
  exclusive<T>(name: string, work: (tx: Queryable) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** The database cannot be reached (as opposed to a query being wrong): the request may be tried again later. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof DatabaseUnavailableError || (error instanceof Error && error.name === "DatabaseUnavailableError");
}

export interface DatabaseOptions {
  /** Connections per process (PostgreSQL only). */
  poolSize?: number;
}


/** A unique index refused a row: a clash of random ids, or a second tab or delivery that got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
