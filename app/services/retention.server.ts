// Personal data leaves the portal a set number of days after every delivery for it succeeded. What the
// annual report needs stays, as an anonymous statistics row.
import { randomUUID } from "node:crypto";
import { journeyById } from "~/journeys/journeys";
import type { JourneyAnswers } from "~/journeys/session-data";
import type { Database } from "./database.server";
import { claimScheduledRun, releaseScheduledRun } from "./scheduled-runs.server";
import type { SubmissionStore } from "./submissions.server";

export function ageBand(answers: JourneyAnswers): string | null {
  const ages = Object.values(answers).flatMap((answer) => [answer.age, answer["child-age"]]).filter((v): v is string => typeof v === "string" && v !== "");
  if (!ages.length) return null;
  const age = Number(ages[0]);
  return age < 12 ? "under-12" : age < 16 ? "12-15" : age < 18 ? "16-17" : "18-25";
}

function fact(facts: Record<string, unknown>, name: string): string | null {
  const value = facts[name];
  return typeof value === "string" && value !== "" ? value : null;
}

export class Retention {
  constructor(
    private readonly db: Database,
    private readonly submissions: SubmissionStore,
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

  /** Deletes submissions whose deliveries all finished more than `days` ago; returns how many. */
  async purge(now: number, days: number): Promise<number> {
    const cutoff = now - days * 86_400_000;
    const due = await this.db.all<{ id: string }>(
      `SELECT s.id FROM submissions s
       WHERE NOT EXISTS (SELECT 1 FROM delivery_jobs j WHERE j.submission_id = s.id AND (j.state <> 'done' OR j.done_at >= ?))`,
      [cutoff],
    );
    let purged = 0;
    for (const { id } of due) {
      const submission = await this.submissions.byId(id);
      if (!submission) continue;
      const answers = submission.answers as JourneyAnswers;
      // What each journey leaves behind is the journey's to say; nothing here knows its pages.
      const statistics = journeyById(submission.journey)?.statisticsOf(answers) ?? { role: null, facts: {} };
      const format = fact(statistics.facts, "format");
      await this.db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO statistics (id, type, service, role, age_band, advocate_asked, format_asked, late, escalation_stage, submitted_on, language, pass_on, annual_report)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            randomUUID(),
            submission.type,
            submission.service,
            statistics.role,
            ageBand(answers),
            submission.flags.includes("advocate") ? 1 : 0,
            format,
            submission.flags.includes("late") ? 1 : 0,
            fact(statistics.facts, "stage"),
            submission.submittedAt.slice(0, 10),
            submission.language,
            fact(statistics.facts, "passOn"),
            fact(statistics.facts, "quote"),
          ],
        );
        await tx.run("DELETE FROM delivery_jobs WHERE submission_id = ?", [id]);
        await tx.run("DELETE FROM submissions WHERE id = ?", [id]);
      });
      purged++;
    }
    return purged;
  }
}
