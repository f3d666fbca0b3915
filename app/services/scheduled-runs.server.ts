// Work that must happen once per interval across every instance, such as the daily purge: whoever moves the
// shared "last run" mark forward wins the run; the others see the mark already moved and skip it.
import type { Queryable } from "./database.server";

export type ScheduledRun = "purge" | "dead-letter-alert";

/** True when this caller has the run: nobody has run `name` in the last `intervalMs`. */
export async function claimScheduledRun(db: Queryable, name: ScheduledRun, now: number, intervalMs: number): Promise<boolean> {
  const { changes } = await db.run("UPDATE scheduled_runs SET last_run_at = ? WHERE name = ? AND last_run_at <= ?", [now, name, now - intervalMs]);
  return changes === 1;
}

/** Gives back a run that failed, so that the next caller tries again rather than waiting out the interval. */
export async function releaseScheduledRun(db: Queryable, name: ScheduledRun, claimedAt: number): Promise<void> {
  await db.run("UPDATE scheduled_runs SET last_run_at = 0 WHERE name = ? AND last_run_at = ?", [name, claimedAt]);
}
