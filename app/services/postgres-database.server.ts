// PostgreSQL through pg: the shared engine when several portal instances and workers run side by side.
// Queries arrive with SQLite's `?` placeholders and are rewritten once to `$1, $2, …`, then kept as named
// prepared statements on each connection.
import pg from "pg";
import { DatabaseUnavailableError, type Database, type DatabaseOptions, type Queryable, type SqlValue, type Statement } from "./database-types.server";

const INT8_OID = 20;
/** Migrations may rewrite a large table; a day is "no limit" in practice (pg reads 0 as "use the pool's"). */
const ADMIN_QUERY_TIMEOUT_MS = 86_400_000;

/** Our BIGINT columns hold millisecond timestamps and counts, well inside JavaScript's safe integers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Rewrites `?` outside quoted text to numbered parameters. */
export function numberPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  let quote: string | null = null;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "?") {
      out += `$${++n}`;
      continue;
    }
    out += char;
  }
  return out;
}

const SOCKET_FAILURES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Errors that mean "the database is not there", as opposed to "this query is wrong": connection exceptions
 * (class 08), an administrator's shutdown (57P), too many connections (53300), and the socket's own errors.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // 08P01 is a protocol violation: PostgreSQL's answer to a wrong number of parameters, a bug to fix, not wait out.
  if (typeof code === "string" && (/^(08(?!P01)|57P|53)/.test(code) || SOCKET_FAILURES.has(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/.test(error.message);
}

/** How many times a transaction is run in all when PostgreSQL rolls it back to break a deadlock. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * PostgreSQL rolled the whole transaction back so that another could go on: a deadlock (40P01) or a serialization
 * failure (40001). Nothing of it was kept, and the same work run again normally succeeds.
 */
export function isRolledBackForConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}

function translate(error: unknown): unknown {
  if (isConnectionFailure(error)) {
    return new DatabaseUnavailableError(`PostgreSQL is unavailable: ${(error as Error).message || String((error as { code?: unknown }).code)}`, { cause: error });
  }
  return error;
}

class Statements {
  private readonly byText = new Map<string, { name: string; text: string }>();

  get(sql: string): { name: string; text: string } {
    let statement = this.byText.get(sql);
    if (!statement) {
      statement = { name: `portal_${this.byText.size + 1}`, text: numberPlaceholders(sql) };
      this.byText.set(sql, statement);
    }
    return statement;
  }
}

class PostgresQueryable implements Queryable {
  constructor(
    private readonly client: pg.Pool | pg.PoolClient,
    private readonly statements: Statements,
    /** The client-side limit for each query, when it differs from the pool's. */
    private readonly queryTimeoutMs?: number,
  ) {}

  private async query<T>(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    const { name, text } = this.statements.get(sql);
    try {
      return await this.client.query<T & pg.QueryResultRow>({ name, text, values: params as unknown[], ...(this.queryTimeoutMs ? { query_timeout: this.queryTimeoutMs } : {}) });
    } catch (error) {
      throw translate(error);
    }
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows;
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params)).rows[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async runTogether([first, ...rest]: readonly Statement[]): Promise<{ changes: number }> {
    if (!first) return { changes: 0 };
    if (!rest.length) return this.run(first.sql, first.params);
    // Placeholders are numbered in the order they are written: the WITH parts' first, the main statement's last.
    const parts = rest.map((statement, i) => `together_${i + 1} AS (${statement.sql})`).join(", ");
    return this.run(`WITH ${parts} ${first.sql}`, [...rest.flatMap((statement) => statement.params), ...first.params]);
  }
}

class PostgresDatabase extends PostgresQueryable implements Database {
  readonly kind = "postgres" as const;
  readonly skipLocked = " FOR UPDATE SKIP LOCKED";
  readonly forUpdate = " FOR UPDATE";

  constructor(
    private readonly pool: pg.Pool,
    private readonly shared: Statements,
  ) {
    super(pool, shared);
  }

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken: Error | undefined;
    // While a connection is checked out the pool does not listen for its errors: a connection the server drops
    // between two queries (a restart, a failover, an administrator's kill) would be an unhandled 'error' event and
    // take the whole process down. Here it marks the connection broken; the next query on it fails as unavailable.
    const onError = (error: Error) => {
      const translated = translate(error);
      broken = translated instanceof Error ? translated : error;
    };
    client.on("error", onError);
    try {
      return await work(client);
    } catch (error) {
      // Every query and BEGIN/COMMIT here has already turned a lost connection into this error.
      if (error instanceof DatabaseUnavailableError) broken = error;
      throw error;
    } finally {
      // A connection that failed mid-transaction is thrown away rather than handed to the next request.
      client.off("error", onError);
      client.release(broken);
    }
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inTransaction(null, work);
  }

  exclusive<T>(name: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inTransaction(name, work);
  }

  /**
   * Runs `work` in a transaction, again from the start (at most TRANSACTION_ATTEMPTS times in all) when PostgreSQL
   * rolls it back to break a deadlock: two sends of one session from two tabs at the same instant each lock its
   * session and evidence rows, and one is chosen to give way.
   */
  private async inTransaction<T>(lock: string | null, work: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(lock, work);
      } catch (error) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isRolledBackForConflict(error)) throw error;
      }
    }
  }

  private once<T>(lock: string | null, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      const tx = new PostgresQueryable(client, this.shared, lock ? ADMIN_QUERY_TIMEOUT_MS : undefined);
      await this.plain(client, "BEGIN");
      try {
        // Released at COMMIT or ROLLBACK, so a crashed instance never leaves it held. Work under the lock is
        // administrative (migrations), so the per-statement time limit meant for requests does not apply.
        if (lock) {
          await tx.get("SELECT pg_advisory_xact_lock(hashtext(?))", [lock]);
          await this.plain(client, "SET LOCAL statement_timeout = 0");
        }
        const result = await work(tx);
        await this.plain(client, "COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });
  }

  private async plain(client: pg.Pool | pg.PoolClient, sql: string): Promise<void> {
    try {
      await client.query(sql);
    } catch (error) {
      throw translate(error);
    }
  }

  exec(sql: string): Promise<void> {
    return this.plain(this.pool, sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function openPostgres(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A query stuck behind a lock fails rather than holding a person's request for ever.
    statement_timeout: 15_000,
    // And when the network drops packets without a reset, the client gives up too, rather than waiting for TCP.
    query_timeout: 20_000,
    keepAlive: true,
    application_name: "complaints-portal",
    types,
  });
  // An idle connection that the server drops must not take the process down; the next query reconnects.
  pool.on("error", () => undefined);
  return new PostgresDatabase(pool, new Statements());
}
