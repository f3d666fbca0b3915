// Posts per client in fixed windows. Each instance counts in memory, so a post costs no database write (a flood
// must not queue for the same write lock as the submissions it is drowning), and adds its counts to a table that
// every instance shares about once a second, learning the totals back (decision 010).
import { logger } from "./logger.server";
import type { Database, Queryable } from "./database.server";

interface Count {
  windowStart: number;
  /** The total every instance had counted in this window, as of this instance's last share. */
  shared: number;
  /** Posts counted here and not yet added to the shared total. */
  unshared: number;
}

export interface RateLimiterOptions {
  now?: () => number;
  /** How long a count may wait before it is added to the shared total. */
  shareEveryMs?: number;
  /** The most clients counted in memory at once; past it, those with nothing left to share are forgotten first. */
  maxClients?: number;
  /** What is counted ("post", "progress"…): limiters with different scopes share the table without mixing counts. */
  scope?: string;
  /** Whom to count: a client's address by default (an IPv4 address or IPv6 /64); any key for other limits. */
  keyOf?: (value: string) => string;
}

/** Rows per statement when sharing: one round trip for many clients, well within both engines' parameter limits. */
const rowsPerStatement = 200;

/**
 * Whom a post is counted against: an IPv4 address, or an IPv6 address's /64 network, which one household or
 * phone is given whole and can cycle through at will. Anything else (a malformed forwarded address) is cut short.
 */
export function rateLimitClient(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address.slice(0, 64);
  const halves = address.toLowerCase().split("%")[0]!.split("::");
  if (halves.length > 2) return address.slice(0, 64);
  const [head = "", tail] = halves;
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return address.slice(0, 64);
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export class RateLimiter {
  private readonly counts = new Map<string, Count>();
  private readonly now: () => number;
  private readonly shareEveryMs: number;
  private readonly maxClients: number;
  private readonly scope: string;
  private readonly keyOf: (value: string) => string;
  private timer: NodeJS.Timeout | null = null;
  private sharing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly limit: number,
    private readonly windowMs: number,
    { now = Date.now, shareEveryMs = 1000, maxClients = 100_000, scope = "post", keyOf = rateLimitClient }: RateLimiterOptions = {},
  ) {
    this.now = now;
    this.scope = scope;
    this.keyOf = keyOf;
    this.shareEveryMs = shareEveryMs;
    this.maxClients = maxClients;
  }

  /** Counts one post; returns null when allowed, or the seconds until the window ends when over the limit. */
  hit(address: string): number | null {
    const client = this.keyOf(address);
    const now = this.now();
    const windowStart = this.windowOf(now);
    let count = this.counts.get(client);
    if (!count || count.windowStart !== windowStart) {
      if (!count) this.makeRoom();
      count = { windowStart, shared: 0, unshared: 0 };
      this.counts.set(client, count);
    }
    count.unshared += 1;
    this.shareSoon();
    if (count.shared + count.unshared <= this.limit) return null;
    return Math.ceil((windowStart + this.windowMs - now) / 1000);
  }

  /** How many posts past the limit a client has sent in the current window, as this instance knows (0 within it). */
  overBy(address: string): number {
    const count = this.counts.get(this.keyOf(address));
    if (!count || count.windowStart !== this.windowOf(this.now())) return 0;
    return Math.max(0, count.shared + count.unshared - this.limit);
  }

  /**
   * Adds this instance's new counts to the shared table and reads each total back. Counts that could not be
   * written are kept for the next try; only the database's own failure is logged, never an address.
   */
  share(): Promise<void> {
    this.sharing ??= this.shareNow().finally(() => {
      this.sharing = null;
      // Posts counted while this share ran: their timer may have fired into it and found nothing to do.
      if (this.hasUnshared()) this.shareSoon();
    });
    return this.sharing;
  }

  /** Stops the timer and shares what is left, including what was counted during a share already running. */
  async stop(): Promise<void> {
    await this.share();
    if (this.hasUnshared()) await this.share();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Deletes this limiter's rows for windows that have ended: the table holds client addresses, which are personal
   * data. Only its own scope's: another limiter's window may be longer, and its current counts must stay shared.
   */
  async sweep(): Promise<number> {
    const prefix = `${this.scope}:`;
    const { changes } = await this.db.run("DELETE FROM rate_limits WHERE substr(key, 1, ?) = ? AND window_start < ?", [prefix.length, prefix, this.windowOf(this.now())]);
    return changes;
  }

  private windowOf(time: number): number {
    return Math.floor(time / this.windowMs) * this.windowMs;
  }

  private hasUnshared(): boolean {
    for (const count of this.counts.values()) if (count.unshared > 0) return true;
    return false;
  }

  /** Memory is bounded however many addresses post: the oldest clients with nothing left to share go first. */
  private makeRoom(): void {
    if (this.counts.size < this.maxClients) return;
    const current = this.windowOf(this.now());
    for (const [key, count] of this.counts) {
      if (this.counts.size < this.maxClients) return;
      if (count.unshared === 0 || count.windowStart < current) this.counts.delete(key);
    }
  }

  private shareSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.share();
    }, this.shareEveryMs);
    // A pending share must not keep a finished process (a test, a command-line tool) alive.
    this.timer.unref();
  }

  private async shareNow(): Promise<void> {
    const current = this.windowOf(this.now());
    const batch: { key: string; count: Count; added: number }[] = [];
    for (const [key, count] of this.counts) {
      if (count.windowStart < current) this.counts.delete(key);
      else if (count.unshared > 0) {
        batch.push({ key, count, added: count.unshared });
        count.unshared = 0;
      }
    }
    if (batch.length === 0) return;
    // Rows are always locked in the same order, so two instances sharing at once cannot deadlock.
    batch.sort((a, b) => (a.key < b.key ? -1 : 1));
    try {
      const totals = await this.db.transaction(async (tx) => {
        const read = new Map<string, number>();
        for (let at = 0; at < batch.length; at += rowsPerStatement) await addCounts(tx, this.scope, batch.slice(at, at + rowsPerStatement), read);
        return read;
      });
      // A row another instance has already moved on to a later window is left alone, and returns nothing.
      for (const { key, count, added } of batch) count.shared = totals.get(key) ?? count.shared + added;
    } catch (error) {
      for (const { count, added } of batch) count.unshared += added;
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, "rate-limit counts not shared yet");
    }
  }
}

async function addCounts(tx: Queryable, scope: string, rows: { key: string; count: Count; added: number }[], totals: Map<string, number>): Promise<void> {
  const found = await tx.all<{ key: string; count: number }>(
    `INSERT INTO rate_limits (key, window_start, count) VALUES ${rows.map(() => "(?, ?, ?)").join(", ")}
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + excluded.count ELSE excluded.count END,
       window_start = excluded.window_start
     WHERE excluded.window_start >= rate_limits.window_start
     RETURNING key, count`,
    rows.flatMap(({ key, count, added }) => [`${scope}:${key}`, count.windowStart, added]),
  );
  for (const row of found) totals.set(row.key.slice(scope.length + 1), Number(row.count));
}
