// Posts per client address in fixed windows, counted in the database so the limit holds across instances.
import type { Database } from "./database.server";

export class RateLimiter {
  constructor(
    private readonly db: Database,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one post; returns null when allowed, or the seconds until the window ends when over the limit. */
  async hit(client: string): Promise<number | null> {
    const now = this.now();
    const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
    const row = await this.db.get<{ count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
      [`post:${client}`, windowStart],
    );
    if (Number(row?.count ?? 0) <= this.limit) return null;
    return Math.ceil((windowStart + this.windowMs - now) / 1000);
  }

  async sweep(): Promise<void> {
    await this.db.run("DELETE FROM rate_limits WHERE window_start < ?", [this.now() - this.windowMs]);
  }
}
