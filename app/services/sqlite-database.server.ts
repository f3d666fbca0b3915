// SQLite through better-sqlite3: the default engine, for one instance with its database on local disk.
import { makeFolderSync } from "./folders.server";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database, Queryable, SqlValue, Statement } from "./database-types.server";

const BUSY_TIMEOUT_MS = 5_000;

/**
 * Runs `work`, and while another process holds SQLite's write lock, tries again after a growing pause. The
 * connection's own busy timeout is 0, so no wait ever blocks the event loop.
 */
async function whenNotBusy<T>(work: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

class SqliteQueryable implements Queryable {
  constructor(
    protected readonly db: BetterSqlite3.Database,
    /** Prepared once per connection and shared with its transactions. */
    protected readonly statements = new Map<string, BetterSqlite3.Statement>(),
  ) {}

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

  async runTogether([first, ...rest]: readonly Statement[]): Promise<{ changes: number }> {
    if (!first) return { changes: 0 };
    const changes = await this.run(first.sql, first.params);
    for (const statement of rest) await this.run(statement.sql, statement.params);
    return changes;
  }
}

/**
 * better-sqlite3 is synchronous, but our transactions take async work. While one transaction is open,
 * every other caller waits, so that nobody else's statement runs inside it.
 */
class SqliteDatabase extends SqliteQueryable implements Database {
  readonly kind = "sqlite" as const;
  readonly skipLocked = "";
  readonly forUpdate = "";
  private lock: Promise<void> | null = null;

  // Each caller checks for an open transaction and acts in one synchronous stretch: with an await between the
  // two, several waiters woken together could all find the lock free, and one's statement run inside another's
  // transaction.

  override all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return whenNotBusy(async () => {
      while (this.lock) await this.lock;
      return super.all<T>(sql, params);
    });
  }

  override get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return whenNotBusy(async () => {
      while (this.lock) await this.lock;
      return super.get<T>(sql, params);
    });
  }

  override run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return whenNotBusy(async () => {
      while (this.lock) await this.lock;
      return super.run(sql, params);
    });
  }

  /** Outside a transaction, the writes are one all the same: all of them or none, with nobody's statement between. */
  override async runTogether(statements: readonly Statement[]): Promise<{ changes: number }> {
    if (!statements.length) return { changes: 0 };
    return this.transaction((tx) => tx.runTogether(statements));
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    while (this.lock) await this.lock;
    let release!: () => void;
    this.lock = new Promise<void>((resolve) => (release = resolve));
    const tx = new SqliteQueryable(this.db, this.statements);
    try {
      await this.beginImmediate();
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

  /**
   * Waits for SQLite's write lock without blocking the event loop: another process (the worker, a command-line
   * tool) may hold it across its own awaits, and a synchronous busy wait would stall every request here.
   */
  private beginImmediate(): Promise<void> {
    return whenNotBusy(() => {
      this.db.exec("BEGIN IMMEDIATE");
    });
  }

  /** BEGIN IMMEDIATE already takes SQLite's one write lock, which every process on the file shares. */
  exclusive<T>(_name: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  async exec(sql: string): Promise<void> {
    while (this.lock) await this.lock;
    this.db.exec(sql);
  }

  async close(): Promise<void> {
    while (this.lock) await this.lock;
    this.db.close();
  }
}

export function openSqlite(file: string): Database {
  if (file !== ":memory:") makeFolderSync(path.dirname(path.resolve(file)));
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 0");
  db.pragma("foreign_keys = ON");
  return new SqliteDatabase(db);
}
