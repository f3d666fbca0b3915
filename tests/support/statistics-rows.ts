// Anonymous statistics rows, written as retention writes one when it deletes a submission's personal data: what
// the annual report reads until case timelines exist.
import { randomUUID } from "node:crypto";
import type { Database } from "../../app/services/database.server";

export interface StatisticsRowValues {
  type: string;
  service?: string | null;
  role?: string | null;
  advocate?: boolean;
  format?: string | null;
  stage?: string | null;
  on: string;
  language?: string;
}

/** A statistics row as retention writes one when it deletes a submission's personal data. */
export async function insertStatistic(db: Database, row: StatisticsRowValues): Promise<void> {
  await db.run(
    `INSERT INTO statistics (id, type, service, role, age_band, advocate_asked, format_asked, late, escalation_stage, submitted_on, language, pass_on, annual_report)
     VALUES (?, ?, ?, ?, NULL, ?, ?, 0, ?, ?, ?, NULL, NULL)`,
    [randomUUID(), row.type, row.service ?? null, row.role ?? null, row.advocate ? 1 : 0, row.format ?? null, row.stage ?? null, row.on, row.language ?? "en"],
  );
}

