// Writes run together (Queryable.runTogether): one round trip on PostgreSQL, one after another on SQLite, with the
// same outcome on both, foreign keys included.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { openDatabaseUrl, type Database } from "./database.server";

describe.each(engines)("writes run together on %s", (engine) => {
  let database: TestDatabase;
  let db: Database;

  beforeEach(async () => {
    database = await createTestDatabase(engine, mkdtempSync(path.join(tmpdir(), "run-together-")));
    db = openDatabaseUrl(database.url);
    await db.exec("CREATE TABLE owners (id TEXT PRIMARY KEY, note TEXT)");
    await db.exec("CREATE TABLE things (id TEXT PRIMARY KEY, owner_id TEXT REFERENCES owners (id) ON DELETE CASCADE, state TEXT NOT NULL)");
    await db.exec("INSERT INTO owners VALUES ('old', 'kept')");
    await db.exec("INSERT INTO things VALUES ('a', 'old', 'ready'), ('b', 'old', 'ready'), ('c', 'old', 'pending')");
  });

  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("applies every write, in a transaction, and counts the first one's rows", async () => {
    const { changes } = await db.transaction((tx) =>
      tx.runTogether([
        { sql: "INSERT INTO owners (id, note) VALUES (?, ?)", params: ["new", "made"] },
        // Points rows at the owner the first write adds: its foreign key holds once both have run.
        { sql: "UPDATE things SET owner_id = ? WHERE owner_id = ? AND state = ?", params: ["new", "old", "ready"] },
        { sql: "DELETE FROM things WHERE state = ?", params: ["pending"] },
        { sql: "UPDATE owners SET note = ? WHERE id = ?", params: ["moved", "old"] },
      ]),
    );
    expect(changes).toBe(1);
    expect(await db.all("SELECT id, owner_id, state FROM things ORDER BY id")).toEqual([
      { id: "a", owner_id: "new", state: "ready" },
      { id: "b", owner_id: "new", state: "ready" },
    ]);
    expect(await db.all("SELECT id, note FROM owners ORDER BY id")).toEqual([
      { id: "new", note: "made" },
      { id: "old", note: "moved" },
    ]);
  });

  it("counts the first write's rows when it is the update, and runs a single write as it is, and none as nothing", async () => {
    const { changes } = await db.runTogether([
      { sql: "UPDATE things SET state = ? WHERE state = ?", params: ["done", "ready"] },
      { sql: "DELETE FROM things WHERE state = ?", params: ["pending"] },
    ]);
    expect(changes).toBe(2);
    expect(await db.runTogether([{ sql: "DELETE FROM things WHERE id = ?", params: ["a"] }])).toEqual({ changes: 1 });
    expect(await db.runTogether([])).toEqual({ changes: 0 });
    expect(await db.all("SELECT id, state FROM things ORDER BY id")).toEqual([{ id: "b", state: "done" }]);
  });

  it.each(["in a transaction", "on their own"])("keeps none of them when one is refused, %s", async (where) => {
    const refused: Parameters<Database["runTogether"]>[0] = [
      { sql: "UPDATE owners SET note = ? WHERE id = ?", params: ["changed", "old"] },
      { sql: "UPDATE things SET owner_id = ? WHERE id = ?", params: ["nobody", "a"] },
    ];
    await expect(where === "on their own" ? db.runTogether(refused) : db.transaction((tx) => tx.runTogether(refused))).rejects.toThrow();
    expect(await db.get("SELECT note FROM owners WHERE id = ?", ["old"])).toEqual({ note: "kept" });
    expect(await db.get("SELECT owner_id FROM things WHERE id = ?", ["a"])).toEqual({ owner_id: "old" });
  });
});
