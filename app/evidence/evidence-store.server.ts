// Evidence files live in the database, so every instance on PostgreSQL sees the same files: each in pieces of
// 256 KB, each piece sealed with the data keys (AES-256-GCM, bound to its file and place), the name and SHA-256
// sealed too. A file belongs to a session's run of a journey until it is sent, then to its submission; ending
// the session or purging the submission deletes it (ON DELETE CASCADE, migration 6). Files go in and come out a
// piece at a time: none is ever whole in memory.
//
// While it arrives a file is `pending`: invisible, counted nowhere, deleted if the upload is refused. Only once
// it has been checked and scanned does `commit` make it `ready`, under a lock on the run so that two uploads at
// once cannot pass the limits together.
import { randomBytes } from "node:crypto";
import type { Database, Queryable, Statement } from "~/services/database.server";
import type { Sealer } from "~/services/encryption.server";
import { evidenceLimits } from "./evidence-limits";
import { isEvidenceType, type EvidenceType } from "./file-types";

/** Whose a file is before it is sent: a session's run of one journey. */
export interface EvidenceOwner {
  sessionId: string;
  journey: string;
  runId: string;
}

export type ScanResult = "clean" | "not-scanned";

export interface EvidenceFile {
  id: string;
  /** Cleaned (app/evidence/file-names.ts): safe to show, never a path. */
  name: string;
  type: EvidenceType;
  size: number;
  sha256: string;
  scan: ScanResult;
  createdAt: number;
}

export interface EvidenceTotals {
  count: number;
  bytes: number;
}

export type CommitResult = { ok: true; file: EvidenceFile } | { ok: false; problem: "too-many" | "total-too-large" | "gone" };

export interface EvidenceLimits {
  maxFiles: number;
  maxTotalBytes: number;
  chunkBytes: number;
}

interface FileRow {
  id: string;
  details: string;
  type: string;
  size: number | string;
  scan: string;
  chunks: number | string;
  created_at: number | string;
}

interface Details {
  name: string;
  sha256: string;
}

const fileColumns = "id, details, type, size, scan, chunks, created_at";

/** A piece's sealing is bound to its file and place. */
const chunkContext = (fileId: string, seq: number) => `evidence:${fileId}:${seq}`;

export class EvidenceStore {
  constructor(
    private readonly db: Database,
    private readonly sealer: Sealer,
    private readonly limits: EvidenceLimits = evidenceLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private toFile(row: FileRow): EvidenceFile {
    const details = JSON.parse(this.sealer.open(row.details)) as Details;
    if (!isEvidenceType(row.type)) throw new Error(`evidence file ${row.id} has an unknown type`);
    return {
      id: row.id,
      name: details.name,
      type: row.type,
      size: Number(row.size),
      sha256: details.sha256,
      scan: row.scan === "clean" ? "clean" : "not-scanned",
      createdAt: Number(row.created_at),
    };
  }

  /** Starts storing a file for this run; nothing counts until `commit`. */
  async begin(owner: EvidenceOwner, name: string): Promise<PendingEvidence> {
    const id = randomBytes(18).toString("base64url");
    await this.db.run(
      `INSERT INTO evidence_files (id, session_id, journey, run_id, submission_id, state, details, type, size, scan, chunks, created_at)
       VALUES (?, ?, ?, ?, NULL, 'pending', ?, 'pending', 0, 'pending', 0, ?)`,
      [id, owner.sessionId, owner.journey, owner.runId, this.sealer.seal(JSON.stringify({ name, sha256: "" } satisfies Details)), this.now()],
    );
    return new PendingEvidence(this.db, this.sealer, owner, id, name, this.limits, this.now);
  }

  async totals(owner: EvidenceOwner, tx: Queryable = this.db): Promise<EvidenceTotals> {
    const row = await tx.get<{ count: number | string; bytes: number | string | null }>(
      "SELECT COUNT(*) AS count, SUM(size) AS bytes FROM evidence_files WHERE session_id = ? AND run_id = ? AND state = 'ready'",
      [owner.sessionId, owner.runId],
    );
    return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  /** The run's files, in the order they were added. */
  async list(owner: EvidenceOwner): Promise<EvidenceFile[]> {
    const rows = await this.db.all<FileRow>(
      `SELECT ${fileColumns} FROM evidence_files WHERE session_id = ? AND run_id = ? AND state = 'ready' ORDER BY created_at, id`,
      [owner.sessionId, owner.runId],
    );
    return rows.map((row) => this.toFile(row));
  }

  /** A sent submission's files, for the staff email and the webhook. */
  async listForSubmission(submissionId: string): Promise<EvidenceFile[]> {
    const rows = await this.db.all<FileRow>(
      `SELECT ${fileColumns} FROM evidence_files WHERE submission_id = ? AND state = 'ready' ORDER BY created_at, id`,
      [submissionId],
    );
    return rows.map((row) => this.toFile(row));
  }

  /** Removes one file the person removed; only from their own run. */
  async remove(owner: EvidenceOwner, id: string): Promise<boolean> {
    const { changes } = await this.db.run("DELETE FROM evidence_files WHERE id = ? AND session_id = ? AND run_id = ? AND submission_id IS NULL", [
      id,
      owner.sessionId,
      owner.runId,
    ]);
    return changes > 0;
  }

  /** Removes every file of a run that will not be sent. */
  async removeRun(owner: EvidenceOwner): Promise<number> {
    return (await this.db.run("DELETE FROM evidence_files WHERE session_id = ? AND run_id = ? AND submission_id IS NULL", [owner.sessionId, owner.runId])).changes;
  }

  /**
   * Hands a run's files to its submission, in the transaction that stores the submission (SubmissionStore.store's
   * `alongside`): from then on retention deletes them with it, and the session no longer holds them. Found by the
   * run alone, which is random and never leaves the server: another tab's send of another journey may have moved
   * the session, and these files with it, to a new id since this request read it.
   */
  async attachToSubmission(tx: Queryable, owner: EvidenceOwner, submissionId: string): Promise<number> {
    return (await tx.runTogether(this.attachStatements(owner, submissionId))).changes;
  }

  /** The writes of `attachToSubmission`, for a caller that runs them together with its own (`Queryable.runTogether`). */
  attachStatements(owner: EvidenceOwner, submissionId: string): Statement[] {
    // The run's finished files become the submission's; an upload still under way when it was sent is dropped.
    return [
      { sql: "UPDATE evidence_files SET submission_id = ?, session_id = NULL WHERE run_id = ? AND submission_id IS NULL AND state = 'ready'", params: [submissionId, owner.runId] },
      { sql: "DELETE FROM evidence_files WHERE run_id = ? AND submission_id IS NULL AND state = 'pending'", params: [owner.runId] },
    ];
  }

  /** A sent file and its bytes, a piece at a time; null when there is no such file (or it was purged). */
  async openSubmitted(id: string): Promise<{ file: EvidenceFile; content: AsyncGenerator<Buffer> } | null> {
    const row = await this.db.get<FileRow>(`SELECT ${fileColumns} FROM evidence_files WHERE id = ? AND submission_id IS NOT NULL AND state = 'ready'`, [id]);
    if (!row) return null;
    return { file: this.toFile(row), content: this.pieces(row.id, Number(row.chunks)) };
  }

  /** A run's file and its bytes (for the person's own check, or a rescan). */
  async open(owner: EvidenceOwner, id: string): Promise<{ file: EvidenceFile; content: AsyncGenerator<Buffer> } | null> {
    const row = await this.db.get<FileRow>(`SELECT ${fileColumns} FROM evidence_files WHERE id = ? AND session_id = ? AND run_id = ? AND state = 'ready'`, [
      id,
      owner.sessionId,
      owner.runId,
    ]);
    if (!row) return null;
    return { file: this.toFile(row), content: this.pieces(row.id, Number(row.chunks)) };
  }

  private async *pieces(fileId: string, count: number): AsyncGenerator<Buffer> {
    for (let seq = 0; seq < count; seq++) {
      const row = await this.db.get<{ data: Buffer }>("SELECT data FROM evidence_chunks WHERE file_id = ? AND seq = ?", [fileId, seq]);
      // Deleted while being read (purged, or the session ended): the reader sees the file end short.
      if (!row) throw new EvidenceGoneError();
      yield this.sealer.openBytes(row.data, chunkContext(fileId, seq));
    }
  }

  /** Seals every name and piece again with the current key (`npm run rotate-key`); returns how many changed. */
  async resealAll(): Promise<number> {
    let changed = 0;
    for (const row of await this.db.all<{ id: string; details: string }>("SELECT id, details FROM evidence_files")) {
      if (!this.sealer.isStale(row.details)) continue;
      await this.db.run("UPDATE evidence_files SET details = ? WHERE id = ? AND details = ?", [this.sealer.seal(this.sealer.open(row.details)), row.id, row.details]);
      changed++;
    }
    // Keys first, then one piece at a time: never every file in memory.
    for (const { file_id: fileId, seq } of await this.db.all<{ file_id: string; seq: number }>("SELECT file_id, seq FROM evidence_chunks ORDER BY file_id, seq")) {
      const row = await this.db.get<{ data: Buffer }>("SELECT data FROM evidence_chunks WHERE file_id = ? AND seq = ?", [fileId, seq]);
      if (!row || !this.sealer.isStaleBytes(row.data)) continue;
      const context = chunkContext(fileId, Number(seq));
      await this.db.run("UPDATE evidence_chunks SET data = ? WHERE file_id = ? AND seq = ?", [this.sealer.sealBytes(this.sealer.openBytes(row.data, context), context), fileId, seq]);
      changed++;
    }
    return changed;
  }

  /**
   * Deletes files left pending by an upload that never finished (the process stopped mid-upload). No upload
   * lasts an hour: the idle limit ends a stalled one within a minute.
   */
  async sweepAbandoned(olderThanMs = 60 * 60_000): Promise<number> {
    return (await this.db.run("DELETE FROM evidence_files WHERE state = 'pending' AND created_at < ?", [this.now() - olderThanMs])).changes;
  }
}

export class EvidenceGoneError extends Error {
  override name = "EvidenceGoneError";
  constructor() {
    super("the evidence file was deleted while it was being read");
  }
}

/** A file being stored: pieces are sealed and written as 256 KB fill up, so at most one piece is held. */
export class PendingEvidence {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private seq = 0;
  private size = 0;
  private done = false;

  constructor(
    private readonly db: Database,
    private readonly sealer: Sealer,
    private readonly owner: EvidenceOwner,
    readonly id: string,
    private name: string,
    private readonly limits: EvidenceLimits,
    private readonly now: () => number,
  ) {}

  get bytesWritten(): number {
    return this.size;
  }

  /** The name the file is kept under, when it changes once its type is known (an extension added). */
  rename(name: string): void {
    this.name = name;
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.done) throw new Error("this upload is finished");
    this.buffered.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.bufferedBytes += chunk.length;
    this.size += chunk.length;
    while (this.bufferedBytes >= this.limits.chunkBytes) await this.flush(this.limits.chunkBytes);
  }

  private async flush(bytes: number): Promise<void> {
    const all = Buffer.concat(this.buffered, this.bufferedBytes);
    const piece = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.buffered = rest.length ? [Buffer.from(rest)] : [];
    this.bufferedBytes = rest.length;
    const seq = this.seq++;
    await this.db.run("INSERT INTO evidence_chunks (file_id, seq, data) VALUES (?, ?, ?)", [this.id, seq, this.sealer.sealBytes(piece, chunkContext(this.id, seq))]);
  }

  /**
   * Makes the file part of the run, unless that would pass the limits (another upload in the same run may have
   * got there first) or the run's session has ended meanwhile; then the file is deleted.
   */
  async commit(facts: { type: EvidenceType; sha256: string; scan: ScanResult }): Promise<CommitResult> {
    if (this.bufferedBytes > 0) await this.flush(this.bufferedBytes);
    this.done = true;
    const result = await this.db.exclusive(`evidence:${this.owner.runId}`, async (tx): Promise<CommitResult> => {
      const row = await tx.get<{ count: number | string; bytes: number | string | null }>(
        "SELECT COUNT(*) AS count, SUM(size) AS bytes FROM evidence_files WHERE session_id = ? AND run_id = ? AND state = 'ready'",
        [this.owner.sessionId, this.owner.runId],
      );
      if (Number(row?.count ?? 0) >= this.limits.maxFiles) return { ok: false, problem: "too-many" };
      if (Number(row?.bytes ?? 0) + this.size > this.limits.maxTotalBytes) return { ok: false, problem: "total-too-large" };
      const details = this.sealer.seal(JSON.stringify({ name: this.name, sha256: facts.sha256 } satisfies Details));
      const createdAt = this.now();
      const { changes } = await tx.run(
        "UPDATE evidence_files SET state = 'ready', details = ?, type = ?, size = ?, scan = ?, chunks = ?, created_at = ? WHERE id = ? AND state = 'pending'",
        [details, facts.type, this.size, facts.scan, this.seq, createdAt, this.id],
      );
      if (changes !== 1) return { ok: false, problem: "gone" };
      return { ok: true, file: { id: this.id, name: this.name, type: facts.type, size: this.size, sha256: facts.sha256, scan: facts.scan, createdAt } };
    });
    if (!result.ok) await this.discard();
    return result;
  }

  /** Deletes whatever was stored of this file. */
  async discard(): Promise<void> {
    this.done = true;
    this.buffered = [];
    this.bufferedBytes = 0;
    await this.db.run("DELETE FROM evidence_files WHERE id = ? AND state = 'pending'", [this.id]);
  }
}
