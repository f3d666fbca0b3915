// A submission is written once, in one transaction with whatever must go with it (its delivery jobs),
// before the confirmation shows. The idempotency key makes a double click or a second tab store it once.
import { randomUUID } from "node:crypto";
import { isUniqueViolation, type Database, type Queryable } from "./database.server";
import type { Sealer } from "./encryption.server";

export interface NewSubmission {
  journey: string;
  type: string;
  schemaVersion: number;
  language: string;
  answers: unknown;
  idempotencyKey: string;
  replyBy: string | null;
  submittedAt: string;
  service: string | null;
  flags: string[];
}

export interface StoredSubmission {
  id: string;
  reference: string;
  journey: string;
  type: string;
  schemaVersion: number;
  language: string;
  answers: unknown;
  replyBy: string | null;
  submittedAt: string;
  service: string | null;
  flags: string[];
}

interface SubmissionRow {
  id: string;
  reference: string;
  journey: string;
  type: string;
  schema_version: number;
  language: string;
  answers: string;
  reply_by: string | null;
  submitted_at: string;
  service: string | null;
  flags: string;
}

function fromRow(row: SubmissionRow, sealer: Sealer): StoredSubmission {
  return {
    id: row.id,
    reference: row.reference,
    journey: row.journey,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    language: row.language,
    answers: JSON.parse(sealer.open(row.answers)) as unknown,
    replyBy: row.reply_by,
    submittedAt: row.submitted_at,
    service: row.service,
    flags: JSON.parse(row.flags) as string[],
  };
}

const selectColumns = "id, reference, journey, type, schema_version, language, answers, reply_by, submitted_at, service, flags";

/** The row a submission's idempotency key clashed with had gone by the time it was read. */
class ClashedRowGone extends Error {
  override name = "ClashedRowGone";
}

export type AlongsideWork = (tx: Queryable, submission: StoredSubmission) => Promise<void>;

export class SubmissionStore {
  constructor(
    private readonly db: Database,
    private readonly sealer: Sealer,
  ) {}

  /**
   * Stores the submission unless one with the same idempotency key exists, and returns whichever is stored.
   * `alongside` runs in the same transaction, only for a new submission; `first` runs before anything else in it,
   * to take locks in an order of the caller's (a send queues on its session's row).
   */
  async store(
    submission: NewSubmission,
    newReference: () => string,
    alongside?: AlongsideWork,
    first?: (tx: Queryable) => Promise<void>,
  ): Promise<{ submission: StoredSubmission; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference();
      try {
        return await this.db.transaction(async (tx) => {
          await first?.(tx);
          const { idempotencyKey: _key, ...fields } = submission;
          const stored: StoredSubmission = { ...fields, id: randomUUID(), reference };
          // The usual send is new: it is written at once, and only a run already stored (another tab's send of the
          // same answers) is read back, so a send costs one round trip here rather than a read and then a write.
          const { changes } = await tx.run(
            `INSERT INTO submissions (id, reference, journey, type, schema_version, language, answers, idempotency_key, reply_by, submitted_at, service, flags)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
            [
              stored.id,
              reference,
              submission.journey,
              submission.type,
              submission.schemaVersion,
              submission.language,
              this.sealer.seal(JSON.stringify(submission.answers)),
              submission.idempotencyKey,
              submission.replyBy,
              submission.submittedAt,
              submission.service,
              JSON.stringify(submission.flags),
            ],
          );
          if (changes === 0) {
            const existing = await tx.get<SubmissionRow>(`SELECT ${selectColumns} FROM submissions WHERE idempotency_key = ?`, [submission.idempotencyKey]);
            // Deleted since the write found it (retention, in the same instant): the next attempt writes it afresh.
            if (!existing) throw new ClashedRowGone();
            return { submission: fromRow(existing, this.sealer), created: false };
          }
          if (alongside) await alongside(tx, stored);
          return { submission: stored, created: true };
        });
      } catch (error) {
        // A clash of random references is astronomically rare; a clash of idempotency keys means another tab won.
        if (error instanceof ClashedRowGone) continue;
        if (!isUniqueViolation(error)) throw error;
        const winner = await this.byIdempotencyKey(submission.idempotencyKey);
        if (winner) return { submission: winner, created: false };
      }
    }
    throw new Error("Could not find a free reference after 5 attempts");
  }

  async byIdempotencyKey(key: string): Promise<StoredSubmission | null> {
    const row = await this.db.get<SubmissionRow>(`SELECT ${selectColumns} FROM submissions WHERE idempotency_key = ?`, [key]);
    return row ? fromRow(row, this.sealer) : null;
  }

  async byId(id: string): Promise<StoredSubmission | null> {
    const row = await this.db.get<SubmissionRow>(`SELECT ${selectColumns} FROM submissions WHERE id = ?`, [id]);
    return row ? fromRow(row, this.sealer) : null;
  }

  /** Seals every stored answer again with the current key; returns how many changed. */
  async resealAll(): Promise<number> {
    const rows = await this.db.all<{ id: string; answers: string }>("SELECT id, answers FROM submissions");
    let changed = 0;
    for (const row of rows) {
      if (!this.sealer.isStale(row.answers)) continue;
      await this.db.run("UPDATE submissions SET answers = ? WHERE id = ? AND answers = ?", [this.sealer.seal(this.sealer.open(row.answers)), row.id, row.answers]);
      changed++;
    }
    return changed;
  }
}
