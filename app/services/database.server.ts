// One small interface over the database so every query is written once. SQLite is the default;
// the interface is asynchronous so that a PostgreSQL implementation can stand behind it.
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";

export type SqlValue = string | number | bigint | null | Buffer;

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface Database extends Queryable {
  readonly kind: "sqlite";
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function sqliteFileFromUrl(url: string): string {
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL: only file: URLs are SQLite");
  return url.slice("file:".length);
}

class SqliteQueryable implements Queryable {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(protected readonly db: BetterSqlite3.Database) {}

  protected statement(sql: string): BetterSqlite3.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.statement(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.statement(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const result = this.statement(sql).run(...params);
    return { changes: result.changes };
  }
}

/**
 * better-sqlite3 is synchronous, but our transactions take async work. While one transaction is open,
 * every other caller waits, so that nobody else's statement runs inside it.
 */
class SqliteDatabase extends SqliteQueryable implements Database {
  readonly kind = "sqlite" as const;
  private lock: Promise<void> | null = null;

  private async waitForTransaction(): Promise<void> {
    while (this.lock) await this.lock;
  }

  override async all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    if (this.lock) await this.waitForTransaction();
    return super.all<T>(sql, params);
  }

  override async get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    if (this.lock) await this.waitForTransaction();
    return super.get<T>(sql, params);
  }

  override async run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    if (this.lock) await this.waitForTransaction();
    return super.run(sql, params);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.waitForTransaction();
    let release!: () => void;
    this.lock = new Promise<void>((resolve) => (release = resolve));
    const tx = new SqliteQueryable(this.db);
    try {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(tx);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    } finally {
      this.lock = null;
      release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.waitForTransaction();
    this.db.exec(sql);
  }

  async close(): Promise<void> {
    await this.waitForTransaction();
    this.db.close();
  }
}

export function openSqlite(file: string): Database {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return new SqliteDatabase(db);
}
