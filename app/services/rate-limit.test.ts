// The rate limiter against a real database on both engines: counts in memory, shares them, keeps them through
// a failed write, and forgets ended windows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { openDatabaseUrl, type Database } from "./database.server";
import { migrate } from "./migrations.server";
import { RateLimiter } from "./rate-limit.server";

describe.each(engines)("the rate limiter on %s", (engine) => {
  let database: TestDatabase;
  let db: Database;
  let time: number;
  const clock = () => time;
  const stored = async (address: string) => {
    const row = await db.get<{ count: number; window_start: number }>("SELECT count, window_start FROM rate_limits WHERE key = ?", [`post:${address}`]);
    return row ? { count: Number(row.count), windowStart: Number(row.window_start) } : null;
  };

  beforeEach(async () => {
    database = await createTestDatabase(engine, mkdtempSync(path.join(tmpdir(), "rate-")));
    db = openDatabaseUrl(database.url);
    await migrate(db);
    time = 10 * 60_000 + 15_000;
  });

  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("allows the limit in a window, then says how many seconds are left, and starts again in the next window", () => {
    const limiter = new RateLimiter(db, 3, 60_000, { now: clock });
    expect([limiter.hit("a"), limiter.hit("a"), limiter.hit("a")]).toEqual([null, null, null]);
    expect(limiter.hit("a")).toBe(45);
    time += 44_500;
    expect(limiter.hit("a")).toBe(1);
    expect(limiter.hit("b")).toBeNull();
    time += 1_000;
    expect(limiter.hit("a")).toBeNull();
  });

  it("writes nothing per post, and shares its counts within a second", async () => {
    const limiter = new RateLimiter(db, 100, 60_000, { now: clock, shareEveryMs: 50 });
    for (let i = 0; i < 7; i++) limiter.hit("198.51.100.7");
    expect(await stored("198.51.100.7")).toBeNull();
    await expect.poll(() => stored("198.51.100.7"), { timeout: 2_000 }).toEqual({ count: 7, windowStart: 10 * 60_000 });
    limiter.hit("198.51.100.7");
    await limiter.stop();
    expect(await stored("198.51.100.7")).toEqual({ count: 8, windowStart: 10 * 60_000 });
  });

  it("learns counts another instance shared, and restarts the shared count in a new window", async () => {
    await db.run("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)", ["post:c", 10 * 60_000, 9]);
    const limiter = new RateLimiter(db, 10, 60_000, { now: clock });
    expect(limiter.hit("c")).toBeNull();
    await limiter.share();
    expect(limiter.hit("c")).toBe(45);
    await limiter.share();
    expect(await stored("c")).toEqual({ count: 11, windowStart: 10 * 60_000 });
    time += 60_000;
    expect(limiter.hit("c")).toBeNull();
    await limiter.share();
    expect(await stored("c")).toEqual({ count: 1, windowStart: 11 * 60_000 });
  });

  it("keeps counts it could not share, and shares them once the database is back", async () => {
    const limiter = new RateLimiter(db, 2, 60_000, { now: clock });
    await db.exec("ALTER TABLE rate_limits RENAME TO rate_limits_away");
    limiter.hit("d");
    limiter.hit("d");
    await limiter.share();
    expect(limiter.hit("d")).toBe(45);
    await db.exec("ALTER TABLE rate_limits_away RENAME TO rate_limits");
    await limiter.stop();
    expect(await stored("d")).toEqual({ count: 3, windowStart: 10 * 60_000 });
  });

  it("deletes the rows of ended windows, which name client addresses", async () => {
    const limiter = new RateLimiter(db, 10, 60_000, { now: clock });
    limiter.hit("old");
    await limiter.share();
    time += 60_000;
    limiter.hit("new");
    await limiter.share();
    expect(await limiter.sweep()).toBe(1);
    expect(await stored("old")).toBeNull();
    expect(await stored("new")).toEqual({ count: 1, windowStart: 11 * 60_000 });
  });
});
