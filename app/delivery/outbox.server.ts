// The transactional outbox: delivery jobs are written with the submission, in its transaction, and workers
// claim them with a lease. A worker that dies leaves its lease to expire, and the job is claimed again.
import { randomUUID } from "node:crypto";
import type { Database, Queryable, Statement } from "~/services/database.server";
import { claimScheduledRun, releaseScheduledRun } from "~/services/scheduled-runs.server";
import { nextAttemptAt } from "./retry-schedule";

/**
 * For a submission: an email to a team, the acknowledgement, a webhook. For a case: a `case.updated` webhook, a
 * progress code to the person. For nobody in particular: the daily digest to the complaints manager.
 */
export const jobKinds = ["staff-email", "acknowledgement", "webhook", "case-webhook", "progress-code", "case-digest"] as const;
export type JobKind = (typeof jobKinds)[number];
export type JobState = "pending" | "done" | "failed";

export interface PlannedJob {
  kind: JobKind;
  /** A mailbox name, "person" for messages to the person, or a webhook endpoint's name. */
  target: string;
  /** What the job needs besides its owner: an event id, a day, or (sealed by the caller) a code. */
  payload?: string | null;
}

/** What a job belongs to: a submission, a case, or neither (a digest); its reference and type are kept on the job. */
export interface JobOwner {
  submissionId?: string | null;
  caseId?: string | null;
  reference: string | null;
  type: string;
}

export interface DeliveryJob {
  id: string;
  submissionId: string | null;
  caseId: string | null;
  payload: string | null;
  kind: JobKind;
  target: string;
  state: JobState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  doneAt: number | null;
  failedAt: number | null;
  reference: string | null;
  type: string;
}

interface JobRow {
  id: string;
  submission_id: string | null;
  case_id: string | null;
  payload: string | null;
  kind: JobKind;
  target: string;
  state: JobState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  done_at: number | null;
  failed_at: number | null;
  reference: string | null;
  type: string;
}

function fromRow(row: JobRow): DeliveryJob {
  return {
    id: row.id,
    submissionId: row.submission_id,
    caseId: row.case_id,
    payload: row.payload,
    kind: row.kind,
    target: row.target,
    state: row.state,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: Number(row.created_at),
    doneAt: row.done_at === null ? null : Number(row.done_at),
    failedAt: row.failed_at === null ? null : Number(row.failed_at),
    reference: row.reference,
    type: row.type,
  };
}

const jobColumns = `j.id, j.submission_id, j.case_id, j.payload, j.kind, j.target, j.state, j.attempts, j.next_attempt_at, j.last_error,
  j.created_at, j.done_at, j.failed_at, j.reference, j.type`;

/** A send's jobs as one statement (none for no jobs): one round trip to PostgreSQL however many places it goes to. */
export function jobsInsert(owner: JobOwner, jobs: readonly PlannedJob[], now: number): Statement[] {
  if (jobs.length === 0) return [];
  const rows = jobs.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)").join(", ");
  return [
    {
      sql: `INSERT INTO delivery_jobs (id, submission_id, case_id, reference, type, kind, target, payload, state, attempts, next_attempt_at, created_at) VALUES ${rows}`,
      params: jobs.flatMap((job) => [randomUUID(), owner.submissionId ?? null, owner.caseId ?? null, owner.reference, owner.type, job.kind, job.target, job.payload ?? null, now, now]),
    },
  ];
}

export async function enqueueJobs(tx: Queryable, owner: JobOwner, jobs: readonly PlannedJob[], now: number): Promise<void> {
  await tx.runTogether(jobsInsert(owner, jobs, now));
}

export class Outbox {
  constructor(
    private readonly db: Database,
    private readonly retryDelaysMs?: readonly number[],
  ) {}

  /**
   * Claims due jobs for `owner` until `now + leaseMs`; each claim counts as an attempt. Any number of workers
   * may claim at once: PostgreSQL skips rows another worker has locked, and the outer conditions are checked
   * again on the locked row, so no job is ever claimed by two live leases. The pick is a materialised CTE
   * because PostgreSQL may run an `IN (SELECT … SKIP LOCKED)` subquery once per row, claiming far more than
   * `limit`.
   */
  async claim(owner: string, now: number, leaseMs: number, limit: number): Promise<DeliveryJob[]> {
    const claimed = await this.db.all<{ id: string }>(
      `WITH picked AS MATERIALIZED (
         SELECT id FROM delivery_jobs
         WHERE state = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
         ORDER BY next_attempt_at LIMIT ?${this.db.skipLocked}
       )
       UPDATE delivery_jobs SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
       WHERE id IN (SELECT id FROM picked) AND state = 'pending' AND (lease_until IS NULL OR lease_until < ?)
       RETURNING id`,
      [now, now, limit, owner, now + leaseMs, now],
    );
    if (!claimed.length) return [];
    const placeholders = claimed.map(() => "?").join(", ");
    const rows = await this.db.all<JobRow>(
      `SELECT ${jobColumns} FROM delivery_jobs j WHERE j.id IN (${placeholders}) AND j.lease_owner = ?`,
      [...claimed.map((c) => c.id), owner],
    );
    return rows.map(fromRow);
  }

  async markDone(job: DeliveryJob, owner: string, now: number): Promise<void> {
    await this.db.run(
      "UPDATE delivery_jobs SET state = 'done', done_at = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = ? AND lease_owner = ?",
      [now, job.id, owner],
    );
  }

  /** A temporary failure is retried on the schedule; a permanent one, or the last attempt, makes a dead letter. */
  async markFailed(job: DeliveryJob, owner: string, now: number, error: string, permanent: boolean, retryAfterMs: number | null): Promise<"retry" | "dead"> {
    const next = permanent ? null : nextAttemptAt(job.attempts, now, retryAfterMs, { delays: this.retryDelaysMs });
    if (next === null) {
      await this.db.run(
        "UPDATE delivery_jobs SET state = 'failed', failed_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
        [now, error.slice(0, 1000), job.id, owner],
      );
      return "dead";
    }
    await this.db.run(
      "UPDATE delivery_jobs SET next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
      [next, error.slice(0, 1000), job.id, owner],
    );
    return "retry";
  }

  async list(state?: JobState, limit = 200): Promise<DeliveryJob[]> {
    const where = state ? "WHERE j.state = ?" : "";
    const rows = await this.db.all<JobRow>(
      `SELECT ${jobColumns} FROM delivery_jobs j ${where} ORDER BY j.created_at DESC LIMIT ?`,
      state ? [state, limit] : [limit],
    );
    return rows.map(fromRow);
  }

  async byId(id: string): Promise<DeliveryJob | null> {
    const row = await this.db.get<JobRow>(`SELECT ${jobColumns} FROM delivery_jobs j WHERE j.id = ?`, [id]);
    return row ? fromRow(row) : null;
  }

  async forCase(caseId: string): Promise<DeliveryJob[]> {
    const rows = await this.db.all<JobRow>(`SELECT ${jobColumns} FROM delivery_jobs j WHERE j.case_id = ? ORDER BY j.created_at, j.kind, j.target`, [caseId]);
    return rows.map(fromRow);
  }

  async forSubmission(submissionId: string): Promise<DeliveryJob[]> {
    const rows = await this.db.all<JobRow>(
      `SELECT ${jobColumns} FROM delivery_jobs j WHERE j.submission_id = ? ORDER BY j.kind, j.target`,
      [submissionId],
    );
    return rows.map(fromRow);
  }

  /** An operator's retry: a dead letter or a waiting job is tried again at once, with a fresh set of attempts. */
  async retryNow(id: string, now: number): Promise<boolean> {
    const { changes } = await this.db.run(
      "UPDATE delivery_jobs SET state = 'pending', attempts = 0, next_attempt_at = ?, failed_at = NULL, alerted_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ? AND state <> 'done'",
      [now, id],
    );
    return changes === 1;
  }

  /** Dead letters not reported since they died (one reported while it was late, below, is reported again dead). */
  async unalertedDeadLetters(): Promise<DeliveryJob[]> {
    const rows = await this.db.all<JobRow>(
      `SELECT ${jobColumns} FROM delivery_jobs j WHERE j.state = 'failed' AND (j.alerted_at IS NULL OR j.alerted_at < j.failed_at) ORDER BY j.failed_at`,
    );
    return rows.map(fromRow);
  }

  /**
   * A team's copies of submissions (its email, the case system's webhook) still being retried `lateAfterMs` after
   * they were queued, not yet reported: the team may not know of the submission while its time limits run.
   */
  async unalertedLateTeamCopies(now: number, lateAfterMs: number): Promise<DeliveryJob[]> {
    const rows = await this.db.all<JobRow>(
      `SELECT ${jobColumns} FROM delivery_jobs j WHERE j.state = 'pending' AND j.kind IN ('staff-email', 'webhook') AND j.attempts > 0 AND j.alerted_at IS NULL AND j.created_at <= ? ORDER BY j.created_at`,
      [now - lateAfterMs],
    );
    return rows.map(fromRow);
  }

  /**
   * Claims a day's digest for this worker among all that share the database: true for the one whose row went in,
   * with `work` done in the same transaction.
   */
  async claimDay(day: string, now: number, work: (tx: Queryable) => Promise<void>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run("INSERT INTO case_digests (day, created_at) VALUES (?, ?) ON CONFLICT (day) DO NOTHING", [day, now]);
      if (changes !== 1) return false;
      await work(tx);
      return true;
    });
  }

  /** When the last digest before `day` (YYYY-MM-DD) was claimed, in epoch ms; null when there has been none. */
  async lastDigestBefore(day: string): Promise<number | null> {
    const row = await this.db.get<{ at: number | null }>("SELECT MAX(created_at) AS at FROM case_digests WHERE day < ?", [day]);
    return row?.at === null || row?.at === undefined ? null : Number(row.at);
  }

  /** True when this worker may send the dead-letter alert: no instance has sent one in the last `intervalMs`. */
  claimAlert(now: number, intervalMs: number): Promise<boolean> {
    return claimScheduledRun(this.db, "dead-letter-alert", now, intervalMs);
  }

  releaseAlert(claimedAt: number): Promise<void> {
    return releaseScheduledRun(this.db, "dead-letter-alert", claimedAt);
  }

  async recordAlert(jobs: readonly DeliveryJob[], now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run("INSERT INTO outbox_alerts (id, sent_at, job_count) VALUES (?, ?, ?)", [randomUUID(), now, jobs.length]);
      for (const job of jobs) await tx.run("UPDATE delivery_jobs SET alerted_at = ? WHERE id = ?", [now, job.id]);
    });
  }
}
