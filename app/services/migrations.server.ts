// Versioned schema changes, applied in order and recorded, so every database reaches the same shape. The same
// SQL serves SQLite and PostgreSQL: only types and statements both understand are used here.
import { isDatabaseUnavailable, type Database } from "./database.server";

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "sessions and submissions",
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        journey TEXT NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        language TEXT NOT NULL,
        answers TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        reply_by TEXT,
        submitted_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "delivery outbox",
    sql: `
      ALTER TABLE submissions ADD COLUMN service TEXT;
      ALTER TABLE submissions ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
      CREATE TABLE delivery_jobs (
        id TEXT PRIMARY KEY,
        submission_id TEXT NOT NULL REFERENCES submissions (id),
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        lease_owner TEXT,
        lease_until BIGINT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        done_at BIGINT,
        failed_at BIGINT,
        alerted_at BIGINT
      );
      CREATE INDEX delivery_jobs_due ON delivery_jobs (state, next_attempt_at);
      CREATE INDEX delivery_jobs_submission ON delivery_jobs (submission_id);
      CREATE TABLE outbox_alerts (
        id TEXT PRIMARY KEY,
        sent_at BIGINT NOT NULL,
        job_count INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "rate limits",
    sql: `
      CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        window_start BIGINT NOT NULL,
        count INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "anonymous statistics",
    sql: `
      CREATE TABLE statistics (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        service TEXT,
        role TEXT,
        age_band TEXT,
        advocate_asked INTEGER NOT NULL,
        format_asked TEXT,
        late INTEGER NOT NULL,
        escalation_stage TEXT,
        submitted_on TEXT NOT NULL,
        language TEXT NOT NULL,
        pass_on TEXT,
        annual_report TEXT
      );
    `,
  },
  {
    version: 5,
    name: "scheduled runs shared by every instance",
    sql: `
      CREATE TABLE scheduled_runs (
        name TEXT PRIMARY KEY,
        last_run_at BIGINT NOT NULL
      );
      INSERT INTO scheduled_runs (name, last_run_at) VALUES ('purge', 0);
      INSERT INTO scheduled_runs (name, last_run_at) VALUES ('dead-letter-alert', 0)
    `,
  },
  {
    version: 6,
    name: "case progress: cases and their timelines, progress codes, digests, statistics as records, quotations, jobs beyond submissions",
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        submission_id TEXT,
        opening TEXT NOT NULL,
        state TEXT NOT NULL,
        contact TEXT,
        current_stage INTEGER NOT NULL,
        due_on TEXT,
        acknowledgement_due_on TEXT,
        closed_on TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX cases_open ON cases (closed_on, due_on);
      CREATE TABLE case_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        event TEXT NOT NULL,
        source TEXT NOT NULL,
        webhook_id TEXT UNIQUE,
        recorded_at BIGINT NOT NULL,
        UNIQUE (case_id, seq)
      );
      CREATE TABLE progress_codes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        code_hash TEXT NOT NULL,
        expires_at BIGINT NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX progress_codes_case ON progress_codes (case_id, created_at);
      CREATE TABLE case_digests (
        day TEXT PRIMARY KEY,
        created_at BIGINT NOT NULL
      );
      ALTER TABLE statistics ADD COLUMN kind TEXT;
      ALTER TABLE statistics ADD COLUMN record TEXT;
      ALTER TABLE statistics ADD COLUMN case_id TEXT;
      CREATE UNIQUE INDEX statistics_case ON statistics (case_id);
      CREATE TABLE quotations (
        id TEXT PRIMARY KEY,
        received_on TEXT NOT NULL,
        record TEXT NOT NULL,
        reported_at BIGINT
      );
      CREATE TABLE delivery_jobs_next (
        id TEXT PRIMARY KEY,
        submission_id TEXT,
        case_id TEXT,
        reference TEXT,
        type TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        payload TEXT,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        lease_owner TEXT,
        lease_until BIGINT,
        last_error TEXT,
        created_at BIGINT NOT NULL,
        done_at BIGINT,
        failed_at BIGINT,
        alerted_at BIGINT
      );
      INSERT INTO delivery_jobs_next (id, submission_id, case_id, reference, type, kind, target, payload, state, attempts, next_attempt_at, lease_owner, lease_until, last_error, created_at, done_at, failed_at, alerted_at)
        SELECT j.id, j.submission_id, NULL, s.reference, s.type, j.kind, j.target, NULL, j.state, j.attempts, j.next_attempt_at, j.lease_owner, j.lease_until, j.last_error, j.created_at, j.done_at, j.failed_at, j.alerted_at
        FROM delivery_jobs j JOIN submissions s ON s.id = j.submission_id;
      DROP TABLE delivery_jobs;
      ALTER TABLE delivery_jobs_next RENAME TO delivery_jobs;
      CREATE INDEX delivery_jobs_due ON delivery_jobs (state, next_attempt_at);
      CREATE INDEX delivery_jobs_submission ON delivery_jobs (submission_id);
      CREATE INDEX delivery_jobs_case ON delivery_jobs (case_id)
    `,
  },
  {
    version: 7,
    name: "evidence files",
    // A file belongs to a session's run of a journey until it is sent, then to its submission; deleting either
    // deletes the file and its pieces. BYTEA is PostgreSQL's type for bytes; SQLite stores bytes under any name.
    sql: `
      CREATE TABLE evidence_files (
        id TEXT PRIMARY KEY,
        session_id TEXT REFERENCES sessions (id) ON DELETE CASCADE,
        journey TEXT NOT NULL,
        run_id TEXT NOT NULL,
        submission_id TEXT REFERENCES submissions (id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        details TEXT NOT NULL,
        type TEXT NOT NULL,
        size BIGINT NOT NULL,
        scan TEXT NOT NULL,
        chunks INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        CHECK (session_id IS NOT NULL OR submission_id IS NOT NULL)
      );
      CREATE INDEX evidence_files_session ON evidence_files (session_id, run_id);
      CREATE INDEX evidence_files_submission ON evidence_files (submission_id);
      CREATE INDEX evidence_files_pending ON evidence_files (state, created_at);
      CREATE TABLE evidence_chunks (
        file_id TEXT NOT NULL REFERENCES evidence_files (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BYTEA NOT NULL,
        PRIMARY KEY (file_id, seq)
      )
    `,
  },
  {
    version: 8,
    name: "evidence files by run",
    // A send finds its run's files by the run alone (EvidenceStore.attachToSubmission).
    sql: "CREATE INDEX evidence_files_run ON evidence_files (run_id) WHERE submission_id IS NULL",
  },
  {
    version: 9,
    name: "progress codes for the session that asked",
    // A code works only in the session that asked for it (ProgressCodes): kept as an HMAC of that session's asker id.
    sql: "ALTER TABLE progress_codes ADD COLUMN asker TEXT",
  },
  {
    version: 10,
    name: "progress code requests held back",
    // A request for a code that the hourly or daily limit held back, by case and time only: the complaints
    // manager's digest lists the cases (ProgressCodes.heldBackSince). No foreign key: a release from before this one,
    // run on this schema after a roll-back, can still purge a closed case (its rows go with the 30-day sweep).
    sql: `
      CREATE TABLE progress_code_refusals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        refused_at BIGINT NOT NULL
      );
      CREATE INDEX progress_code_refusals_at ON progress_code_refusals (refused_at)
    `,
  },
];

export const latestVersion = Math.max(...migrations.map((m) => m.version));

export class SchemaBehindError extends Error {
  override name = "SchemaBehindError";
}

/**
 * Applies every migration not yet applied, in one transaction, while holding a lock that every
 * instance shares: several instances starting at once apply each migration exactly once.
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.exclusive("schema-migrations", async (tx) => {
    await tx.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const applied = new Set((await tx.all<{ version: number }>("SELECT version FROM schema_migrations")).map((row) => Number(row.version)));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.sql.split(";").map((s) => s.trim()).filter(Boolean)) {
        await tx.run(statement);
      }
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [migration.version, migration.name, new Date().toISOString()]);
      done.push(migration.version);
    }
    return done;
  });
}

/** With migrations at start switched off, an instance only starts on a database at least as new as its code. */
export async function checkSchema(db: Database): Promise<number> {
  let version = 0;
  try {
    version = Number((await db.get<{ version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations"))?.version ?? 0);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
  }
  if (version < latestVersion) throw new SchemaBehindError(`the database schema is at version ${version}; this code needs ${latestVersion}: run npm run migrate`);
  return version;
}
