// The rate limiter against a real database on both engines: counts in memory, shares them, keeps them through
// a failed write, and forgets ended windows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { openDatabaseUrl, type Database } from "./database.server";
import { migrate } from "./migrations.server";
import { rateLimitClient, RateLimiter, type RateLimiterOptions } from "./rate-limit.server";
import { sweepRateLimits } from "./services.server";

describe("whom a post is counted against", () => {
  it("is an IPv4 address, or an IPv6 address's /64, however it is written", () => {
    expect(rateLimitClient("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitClient("::ffff:203.0.113.9")).toBe("203.0.113.9");
    const network = "2001:db8:12:3400::/64";
    for (const address of ["2001:db8:12:3400::1", "2001:0db8:0012:3400:aaaa:bbbb:cccc:dddd", "2001:DB8:12:3400::abcd:1", "2001:db8:12:3400:0:0:0:9%eth0"]) {
      expect(rateLimitClient(address)).toBe(network);
    }
    expect(rateLimitClient("2001:db8:12:3401::1")).not.toBe(network);
    expect(rateLimitClient("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitClient(`1::2::3${"x".repeat(100)}`)).toHaveLength(64);
  });
});

describe.each(engines)("the rate limiter on %s", (engine) => {
  let database: TestDatabase;
  let db: Database;
  let time: number;
  const limiters: RateLimiter[] = [];
  const clock = () => time;
  const limiter = (limit: number, options: RateLimiterOptions = {}) => {
    const made = new RateLimiter(db, limit, 60_000, { now: clock, shareEveryMs: 60_000, ...options });
    limiters.push(made);
    return made;
  };
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
    for (const made of limiters.splice(0)) await made.stop();
    await db.close();
    await database.drop();
  });

  it("allows the limit in a window, then says how many seconds are left, and starts again in the next window", () => {
    const limits = limiter(3);
    expect([limits.hit("a"), limits.hit("a"), limits.hit("a")]).toEqual([null, null, null]);
    expect(limits.hit("a")).toBe(45);
    time += 44_500;
    expect(limits.hit("a")).toBe(1);
    expect(limits.hit("b")).toBeNull();
    time += 1_000;
    expect(limits.hit("a")).toBeNull();
  });

  it("says how far past the limit a client is in the window, for how many refused posts are read (decision 080)", () => {
    const limits = limiter(2);
    expect(limits.overBy("a")).toBe(0);
    limits.hit("a");
    limits.hit("a");
    expect(limits.overBy("a")).toBe(0);
    limits.hit("a");
    limits.hit("a");
    expect(limits.overBy("a")).toBe(2);
    expect(limits.overBy("b")).toBe(0);
    time += 60_000;
    expect(limits.overBy("a")).toBe(0);
  });

  it("writes nothing per post, and shares its counts on a timer", async () => {
    const limits = limiter(100);
    for (let i = 0; i < 7; i++) limits.hit("198.51.100.7");
    expect(await stored("198.51.100.7")).toBeNull();
    await limits.share();
    expect(await stored("198.51.100.7")).toEqual({ count: 7, windowStart: 10 * 60_000 });
    const soon = limiter(100, { shareEveryMs: 20 });
    soon.hit("198.51.100.8");
    await expect.poll(() => stored("198.51.100.8"), { timeout: 5_000 }).toEqual({ count: 1, windowStart: 10 * 60_000 });
  });

  it("shares posts counted while a share was running, without waiting for another post", async () => {
    const limits = limiter(100, { shareEveryMs: 20 });
    limits.hit("e");
    const running = limits.share();
    limits.hit("e");
    limits.hit("e");
    await running;
    await expect.poll(() => stored("e"), { timeout: 5_000 }).toEqual({ count: 3, windowStart: 10 * 60_000 });
  });

  it("learns counts another instance shared, and restarts the shared count in a new window", async () => {
    await db.run("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)", ["post:c", 10 * 60_000, 9]);
    const limits = limiter(10);
    expect(limits.hit("c")).toBeNull();
    await limits.share();
    expect(limits.hit("c")).toBe(45);
    await limits.share();
    expect(await stored("c")).toEqual({ count: 11, windowStart: 10 * 60_000 });
    time += 60_000;
    expect(limits.hit("c")).toBeNull();
    await limits.share();
    expect(await stored("c")).toEqual({ count: 1, windowStart: 11 * 60_000 });
  });

  it("never sets back a count another instance has already moved to a later window", async () => {
    await db.run("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)", ["post:late", 11 * 60_000, 4]);
    const limits = limiter(10);
    limits.hit("late");
    await limits.share();
    expect(await stored("late")).toEqual({ count: 4, windowStart: 11 * 60_000 });
  });

  it("shares many clients at once, each with its own total", async () => {
    const limits = limiter(1_000);
    const addresses = Array.from({ length: 450 }, (_, i) => `192.0.2.${i % 250}-${Math.floor(i / 250)}`);
    addresses.forEach((address, i) => {
      for (let n = 0; n <= i % 3; n++) limits.hit(address);
    });
    await limits.share();
    const rows = await db.all<{ key: string; count: number }>("SELECT key, count FROM rate_limits");
    expect(rows).toHaveLength(450);
    expect(Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]))).toEqual(Object.fromEntries(addresses.map((address, i) => [`post:${address}`, (i % 3) + 1])));
  });

  it("keeps counts it could not share, and shares them once the database is back", async () => {
    const limits = limiter(2);
    await db.exec("ALTER TABLE rate_limits RENAME TO rate_limits_away");
    limits.hit("d");
    limits.hit("d");
    await limits.share();
    expect(limits.hit("d")).toBe(45);
    await db.exec("ALTER TABLE rate_limits_away RENAME TO rate_limits");
    await limits.stop();
    expect(await stored("d")).toEqual({ count: 3, windowStart: 10 * 60_000 });
  });

  it("holds a bounded number of clients, forgetting first those with nothing left to share", async () => {
    const limits = limiter(2, { maxClients: 3 });
    limits.hit("f");
    limits.hit("f");
    await limits.share();
    for (const address of ["g", "h", "i"]) limits.hit(address);
    // "f" was shared and forgotten to make room; the database still has its two posts.
    expect(limits.hit("f")).toBeNull();
    await limits.share();
    expect(limits.hit("f")).toBe(45);
  });

  it("deletes the rows of ended windows, which name client addresses", async () => {
    const limits = limiter(10);
    limits.hit("old");
    await limits.share();
    time += 60_000;
    limits.hit("new");
    await limits.share();
    expect(await limits.sweep()).toBe(1);
    expect(await stored("old")).toBeNull();
    expect(await stored("new")).toEqual({ count: 1, windowStart: 11 * 60_000 });
  });

  it("deletes only its own scope's rows: another limiter's longer window keeps its counts", async () => {
    const posts = limiter(10);
    const progress = new RateLimiter(db, 10, 15 * 60_000, { now: clock, shareEveryMs: 60_000, scope: "progress" });
    limiters.push(progress);
    progress.hit("h");
    posts.hit("h");
    await Promise.all([posts.share(), progress.share()]);
    time += 60_000;
    expect(await posts.sweep()).toBe(1);
    const kept = await db.get<{ count: number }>("SELECT count FROM rate_limits WHERE key = ?", ["progress:h"]);
    expect(Number(kept?.count)).toBe(1);
    time += 15 * 60_000;
    expect(await progress.sweep()).toBe(1);
  });

  it("sweeps every limiter of the portal, and any row older than any window can be, of a scope no longer used", async () => {
    const [posts, progress, caseEvents] = [limiter(10), limiter(10, { scope: "progress" }), limiter(10, { scope: "case-events" })];
    for (const each of [posts, progress, caseEvents]) each.hit("i");
    await Promise.all([posts.share(), progress.share(), caseEvents.share()]);
    await db.run("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)", ["retired:i", time - 3 * 24 * 60 * 60_000, 1]);
    expect(await sweepRateLimits({ db, rateLimiter: posts, progressLimiter: progress, caseEventsLimiter: caseEvents }, time)).toBe(1);
    time += 60_000;
    expect(await sweepRateLimits({ db, rateLimiter: posts, progressLimiter: progress, caseEventsLimiter: caseEvents }, time)).toBe(3);
    expect(await db.get("SELECT key FROM rate_limits")).toBeUndefined();
  });
});
