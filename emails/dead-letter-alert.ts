// Tells the administrator which messages could not be delivered: ids, references and errors, no personal data. A
// team's own copy of a submission that never arrived (its email, or the case system's webhook), given up or still
// being retried after DELIVERY_LATE_ALERT_MINUTES, means the team may not know about it: the complaints manager gets
// the alert too, told which submissions those are.
import type { TFunction } from "i18next";
import type { DeliveryJob, JobKind } from "~/delivery/outbox.server";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

/** The deliveries that are a team's only notice of a submission: when one dies, the team may not know of it. */
export const teamsCopies: readonly JobKind[] = ["staff-email", "webhook"];

/** A team's only notice of a submission it may not know of. */
const isTeamsCopy = (job: DeliveryJob): boolean => teamsCopies.includes(job.kind) && job.reference !== null;

/** Whether the complaints manager must hear of these dead letters, not only the administrator. */
export const teamMayNotKnow = (jobs: readonly DeliveryJob[]): boolean => jobs.some(isTeamsCopy);

export interface UndeliveredJobs {
  /** Given up: failed after every retry, or refused. */
  dead: readonly DeliveryJob[];
  /** A team's copies still being retried `lateAfterMinutes` after the send. */
  late: readonly DeliveryJob[];
  lateAfterMinutes: number;
}

export function renderDeadLetterAlert({ dead: jobs, late, lateAfterMinutes }: UndeliveredJobs, t: TFunction): RenderedEmail {
  const row = (job: DeliveryJob) =>
    t("emails:alert.row", {
      what: t(`emails:alert.kinds.${job.kind}`, { target: job.target }),
      reference: job.reference ?? t("emails:alert.noReference"),
      id: job.id,
      error: job.lastError ? t("emails:alert.error", { error: job.lastError }) : "",
    });
  const unknownToTeams = [...new Set(jobs.filter(isTeamsCopy).map((job) => job.reference!))];
  const blocks: EmailBlock[] = [{ kind: "heading", level: 1, text: t(jobs.length ? "emails:alert.heading" : "emails:alert.headingLate") }];
  if (unknownToTeams.length) {
    blocks.push({ kind: "paragraph", text: t("emails:alert.teamsNotTold", { count: unknownToTeams.length }) }, { kind: "list", items: unknownToTeams });
  }
  // Still being retried: the team may not have it yet, while its time limits run.
  if (late.length) blocks.push({ kind: "paragraph", text: t("emails:alert.late", { minutes: lateAfterMinutes }) }, { kind: "list", items: late.map(row) });
  if (jobs.length) blocks.push({ kind: "paragraph", text: t("emails:alert.body") }, { kind: "list", items: jobs.map(row) });
  const subject = jobs.length
    ? t(unknownToTeams.length || late.length ? "emails:alert.subjectTeams" : "emails:alert.subject", { count: jobs.length })
    : t("emails:alert.subjectLate", { minutes: lateAfterMinutes });
  return renderEmail({ language: "en", subject, blocks });
}
