// A connection the server drops while a request holds it between two queries (a restart, a failover, an
// administrator's kill): the pool does not listen for a checked-out connection's errors, so without our own
// listener the 'error' event was unhandled and took the whole portal down (seen in a busy full run when the
// database-faults test stopped PostgreSQL). Now the work fails as "database unavailable" and the portal goes on.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createPostgresDatabase, withDatabase, type TestDatabase } from "../../tests/support/test-databases";
import { openDatabaseUrl, type Database } from "./database.server";
import { DatabaseUnavailableError } from "./database-types.server";

let database: TestDatabase;
let db: Database;

beforeEach(async () => {
  database = await createPostgresDatabase();
  db = openDatabaseUrl(database.url, { poolSize: 2 });
});

afterEach(async () => {
  await db.close();
  await database.drop();
});

it("a connection dropped between two queries of a transaction fails that work as unavailable, and the next request gets a new one", async () => {
  const outcome = db.transaction(async (tx) => {
    const pid = Number((await tx.get<{ pid: number }>("SELECT pg_backend_pid() AS pid"))!.pid);
    // Another connection ends this one while the work is between queries, and waits until its backend is gone.
    await withDatabase(database.url, async (admin) => {
      await admin.get("SELECT pg_terminate_backend(?)", [pid]);
      await expect.poll(async () => Number((await admin.get<{ n: number }>("SELECT COUNT(*) AS n FROM pg_stat_activity WHERE pid = ?", [pid]))!.n)).toBe(0);
    });
    return tx.get("SELECT 1 AS one");
  });
  await expect(outcome).rejects.toBeInstanceOf(DatabaseUnavailableError);
  expect(await db.get<{ one: number }>("SELECT 1 AS one")).toEqual({ one: 1 });
});
