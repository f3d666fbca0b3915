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
    let otherInside!: () => void;
    const otherHasLock = new Promise<void>((resolve) => (otherInside = resolve));
    const otherHolds = other.transaction(async (tx) => {
      await tx.run("INSERT INTO t (v) VALUES ('other')");
      await new Promise<void>((resolve) => {
        releaseOther = resolve;
        otherInside();
      });
    });
    await otherHasLock;
    let releaseFirst!: () => void;
    let firstInside!: () => void;
    const firstHasLock = new Promise<void>((resolve) => (firstInside = resolve));
    const queued = [
      // The first transaction is still open when the others wake: they must queue behind it, not join it.
      ours.transaction(async (tx) => {
        await tx.run("INSERT INTO t (v) VALUES ('t1')");
        await new Promise<void>((resolve) => {
          releaseFirst = resolve;
          firstInside();
        });
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
    // The event loop is free while they wait: this callback runs although the lock is held by the other process.
    await new Promise((resolve) => setImmediate(resolve));
    releaseOther();
    await otherHolds;
    // Only once the first has the lock are the others let go on: every one of them is then behind it.
    await firstHasLock;
    releaseFirst();
    const outcomes = await Promise.all(queued);
    expect(outcomes[1]).toBe("rolled back on purpose");
    expect((await ours.all<{ v: string }>("SELECT v FROM t ORDER BY v")).map((r) => r.v)).toEqual(["other", "p1", "t1", "t3"]);
    await ours.close();
    await other.close();
  });
});
