import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSqlite } from "./sqlite-database.server";

describe("SQLite while another process holds the write lock", () => {
  it("waits without blocking, and keeps every caller's statement out of another caller's transaction", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sqlite-lock-")), "t.db");
    const ours = openSqlite(file);
    const other = openSqlite(file);
    await ours.exec("CREATE TABLE t (v TEXT NOT NULL)");
    let releaseOther!: () => void;
    const otherHolds = other.transaction(async (tx) => {
      await tx.run("INSERT INTO t (v) VALUES ('other')");
      await new Promise<void>((resolve) => (releaseOther = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    let releaseFirst!: () => void;
    const queued = [
      // The first transaction is still open when the others wake: they must queue behind it, not join it.
      ours.transaction(async (tx) => {
        await tx.run("INSERT INTO t (v) VALUES ('t1')");
        await new Promise<void>((resolve) => (releaseFirst = resolve));
      }),
      ours
        .transaction(async (tx) => {
          await tx.run("INSERT INTO t (v) VALUES ('t2')");
          throw new Error("rolled back on purpose");
        })
        .catch((error: Error) => error.message),
      ours.run("INSERT INTO t (v) VALUES ('p1')"),
      ours.transaction((tx) => tx.run("INSERT INTO t (v) VALUES ('t3')")),
    ];
    // The event loop is free while we wait: this timer fires although the lock is held.
    await new Promise((resolve) => setTimeout(resolve, 30));
    releaseOther();
    await otherHolds;
    await new Promise((resolve) => setTimeout(resolve, 80));
    releaseFirst();
    const outcomes = await Promise.all(queued);
    expect(outcomes[1]).toBe("rolled back on purpose");
    expect((await ours.all<{ v: string }>("SELECT v FROM t ORDER BY v")).map((r) => r.v)).toEqual(["other", "p1", "t1", "t3"]);
    await ours.close();
    await other.close();
  });
});
