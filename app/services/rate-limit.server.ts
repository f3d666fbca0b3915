// Posts per client address in fixed windows. Each instance counts in memory, so a post costs no database write
// (a flood must not queue for the same write lock as the submissions it is drowning), and adds its counts to a
// table that every instance shares about once a second, learning the total back (decision 010).
import { logger } from "./logger.server";
import type { Database } from "./database.server";

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
}

export class RateLimiter {
  private readonly counts = new Map<string, Count>();
  private readonly now: () => number;
  private readonly shareEveryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private sharing: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly limit: number,
    private readonly windowMs: number,
    { now = Date.now, shareEveryMs = 1000 }: RateLimiterOptions = {},
  ) {
    this.now = now;
    this.shareEveryMs = shareEveryMs;
  }

  /** Counts one post; returns null when allowed, or the seconds until the window ends when over the limit. */
  hit(client: string): number | null {
    const now = this.now();
    const windowStart = this.windowOf(now);
    let count = this.counts.get(client);
    if (!count || count.windowStart !== windowStart) {
      count = { windowStart, shared: 0, unshared: 0 };
      this.counts.set(client, count);
    }
    count.unshared += 1;
    this.shareSoon();
    if (count.shared + count.unshared <= this.limit) return null;
    return Math.ceil((windowStart + this.windowMs - now) / 1000);
  }

  /**
   * Adds this instance's new counts to the shared table and reads each total back. Counts that could not be
   * written are kept for the next try; only the database's own failure is logged, never an address.
   */
  share(): Promise<void> {
    this.sharing ??= this.shareNow().finally(() => {
      this.sharing = null;
    });
    return this.sharing;
  }

  /** Stops the timer and shares what is left (the server calls this as it shuts down). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.share();
  }

  /** Deletes rows for windows that have ended: the table holds client addresses, which are personal data. */
  async sweep(): Promise<number> {
    const { changes } = await this.db.run("DELETE FROM rate_limits WHERE window_start < ?", [this.windowOf(this.now())]);
    return changes;
  }

  private windowOf(time: number): number {
    return Math.floor(time / this.windowMs) * this.windowMs;
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
    try {
      const totals = await this.db.transaction(async (tx) => {
        const read: number[] = [];
        for (const { key, count, added } of batch) {
          const row = await tx.get<{ count: number }>(
            `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET
               count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + excluded.count ELSE excluded.count END,
               window_start = excluded.window_start
             RETURNING count`,
            [`post:${key}`, count.windowStart, added],
          );
          read.push(Number(row?.count ?? count.shared + added));
        }
        return read;
      });
      batch.forEach(({ count }, i) => (count.shared = totals[i]!));
    } catch (error) {
      for (const { count, added } of batch) count.unshared += added;
      this.shareSoon();
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, "rate-limit counts not shared yet");
    }
  }
}
