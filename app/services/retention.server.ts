// Personal data leaves the portal a set number of days after it is no longer needed: a submission's answers once
// every delivery for it finished, a case's timeline and contact once it has been closed that long. What the annual
// report needs stays: anonymous statistics rows, written when a submission arrives and when a case closes.
import type { CaseStore } from "~/cases/case-store.server";
import { londonDate } from "~/working-days";
import type { Database } from "./database.server";
import { claimScheduledRun, releaseScheduledRun } from "./scheduled-runs.server";

export class Retention {
  constructor(
    private readonly db: Database,
    private readonly cases: CaseStore,
  ) {}

  /** Purges unless another instance has in the last day; returns how many submissions were deleted. */
  async purgeIfDue(now: number, days: number): Promise<number> {
    if (!(await claimScheduledRun(this.db, "purge", now, 86_400_000))) return 0;
    try {
      return await this.purge(now, days);
    } catch (error) {
      // Given back, so the next loop (here or on another instance) tries again rather than a day later.
      await releaseScheduledRun(this.db, "purge", now).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Deletes submissions whose deliveries all finished (delivered or dead) more than `days` ago, and closed cases' timelines and
   * contact details `days` after they closed and the person's time to ask for the next stage ended; returns how many submissions went. The answers go as they always
   * have, whatever their case's stage: what the progress page shows comes from the case alone.
   */
  async purge(now: number, days: number): Promise<number> {
    const cutoff = now - days * 86_400_000;
    await this.cases.purgeClosedBefore(londonDate(new Date(cutoff)));
    // A compliment's quoted words go once the report for their year has been made, and kept as long as anything else.
    await this.db.run("DELETE FROM quotations WHERE reported_at IS NOT NULL AND reported_at < ?", [cutoff]);
    // Due once every job has finished, delivered or dead, more than `days` ago: a dead letter (a mistyped
    // address that never answers) must not keep a child's answers for ever.
    const due = await this.db.all<{ id: string }>(
      `SELECT s.id FROM submissions s
       WHERE NOT EXISTS (
         SELECT 1 FROM delivery_jobs j WHERE j.submission_id = s.id
           AND (j.state NOT IN ('done', 'failed') OR COALESCE(j.done_at, j.failed_at, ?) >= ?)
       )`,
      [now, cutoff],
    );
    for (const { id } of due) {
      await this.db.transaction(async (tx) => {
        await tx.run("UPDATE cases SET submission_id = NULL WHERE submission_id = ?", [id]);
        // A dead letter's record stays for the operators (kind, target's name, reference, redacted error), no
        // longer tied to answers that are gone; delivered jobs go with the submission.
        await tx.run("UPDATE delivery_jobs SET submission_id = NULL WHERE submission_id = ? AND state = 'failed'", [id]);
        await tx.run("DELETE FROM delivery_jobs WHERE submission_id = ?", [id]);
        await tx.run("DELETE FROM submissions WHERE id = ?", [id]);
      });
    }
    return due.length;
  }
}
