import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPostgresDatabase, type TestDatabase } from "../../tests/support/test-databases";
import { openDatabaseUrl, type Database, type Queryable } from "./database.server";
import { isConnectionFailure, numberPlaceholders, TRANSACTION_ATTEMPTS } from "./postgres-database.server";

describe("PostgreSQL placeholders", () => {
  it("numbers each ? in order, leaving quoted text alone", () => {
    expect(numberPlaceholders("UPDATE t SET a = ?, b = 'what?' WHERE c = ? AND \"odd?\" = ?")).toBe("UPDATE t SET a = $1, b = 'what?' WHERE c = $2 AND \"odd?\" = $3");
    expect(numberPlaceholders("SELECT 1")).toBe("SELECT 1");
  });
});

describe("telling a lost database from a wrong query", () => {
  const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });
  it("treats refused connections, shutdowns and dropped sockets as unavailable", () => {
    expect(isConnectionFailure(withCode("ECONNREFUSED"))).toBe(true);
    expect(isConnectionFailure(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isConnectionFailure(withCode("08006"))).toBe(true);
    expect(isConnectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
  it("leaves constraint and syntax errors alone", () => {
    expect(isConnectionFailure(withCode("23505"))).toBe(false);
    expect(isConnectionFailure(withCode("42601"))).toBe(false);
    expect(isConnectionFailure(withCode("08P01", "bind message supplies 2 parameters, but prepared statement requires 3"))).toBe(false);
    expect(isConnectionFailure(withCode("ERR_INVALID_ARG_TYPE"))).toBe(false);
    expect(isConnectionFailure("text")).toBe(false);
  });
});

describe("a transaction PostgreSQL rolls back to break a deadlock", () => {
  let database: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    database = await createPostgresDatabase();
    db = openDatabaseUrl(database.url);
    await db.exec("CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL)");
    await db.exec("INSERT INTO counters VALUES ('a', 0), ('b', 0)");
  });

  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  /** A promise with its resolve, so each transaction can say when it holds its first row. */
  function signal(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  }

  const add = (tx: Queryable, name: string) => tx.run("UPDATE counters SET n = n + 1 WHERE name = ?", [name]);

  it("runs the work again, so both transactions commit and each adds once", async () => {
    // Each locks one row, waits until the other holds the other row, then asks for it: a certain deadlock, which
    // PostgreSQL breaks by rolling one of them back.
    const holds = { a: signal(), b: signal() };
    const runs = { a: 0, b: 0 };
    const lockingFrom = (mine: "a" | "b", theirs: "a" | "b") =>
      db.transaction(async (tx) => {
        runs[mine]++;
        await add(tx, mine);
        holds[mine].resolve();
        await holds[theirs].promise;
        await add(tx, theirs);
      });
    const first = lockingFrom("a", "b");
    const second = lockingFrom("b", "a");
    await Promise.all([first, second]);
    // At least one was run again; on a busy machine PostgreSQL may break the deadlock of a retry too (seen once with
    // five runs). Whatever the number of tries, what was committed is each transaction's work, once.
    expect(runs.a + runs.b, "one of the two was run again").toBeGreaterThanOrEqual(3);
    expect(await db.all("SELECT name, n FROM counters ORDER BY name")).toEqual([
      { name: "a", n: 2 },
      { name: "b", n: 2 },
    ]);
  });

  it("gives up after its attempts, keeping nothing, and leaves other errors to the caller at once", async () => {
    let runs = 0;
    const deadlocked = db.transaction(async (tx) => {
      runs++;
      await add(tx, "a");
      throw Object.assign(new Error("deadlock detected"), { code: "40P01" });
    });
    await expect(deadlocked).rejects.toMatchObject({ code: "40P01" });
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
    runs = 0;
    await expect(
      db.transaction(async (tx) => {
        runs++;
        await tx.run("INSERT INTO counters VALUES ('a', 0)");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(runs).toBe(1);
    expect(await db.all("SELECT name, n FROM counters ORDER BY name")).toEqual([
      { name: "a", n: 0 },
      { name: "b", n: 0 },
    ]);
  });
});
