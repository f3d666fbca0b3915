// Tells the administrator which messages could not be delivered: ids, references and errors, no personal data. A
// team's own copy of a submission that never arrived (its email, or the case system's webhook) means the team may not
// know about it: the complaints manager gets the alert too, told which submissions those are.
import type { TFunction } from "i18next";
import type { DeliveryJob, JobKind } from "~/delivery/outbox.server";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

/** The deliveries that are a team's only notice of a submission: when one dies, the team may not know of it. */
export const teamsCopies: readonly JobKind[] = ["staff-email", "webhook"];

/** Whether the complaints manager must hear of these dead letters, not only the administrator. */
export const teamMayNotKnow = (jobs: readonly DeliveryJob[]): boolean => jobs.some((job) => teamsCopies.includes(job.kind) && job.reference !== null);

export function renderDeadLetterAlert(jobs: readonly DeliveryJob[], t: TFunction): RenderedEmail {
  const row = (job: DeliveryJob) =>
    t("emails:alert.row", {
      what: t(`emails:alert.kinds.${job.kind}`, { target: job.target }),
      reference: job.reference ?? t("emails:alert.noReference"),
      id: job.id,
      error: job.lastError ? t("emails:alert.error", { error: job.lastError }) : "",
    });
  const unknownToTeams = [...new Set(jobs.filter((job) => teamsCopies.includes(job.kind) && job.reference !== null).map((job) => job.reference!))];
  const blocks: EmailBlock[] = [{ kind: "heading", level: 1, text: t("emails:alert.heading") }];
  if (unknownToTeams.length) {
    blocks.push({ kind: "paragraph", text: t("emails:alert.teamsNotTold", { count: unknownToTeams.length }) }, { kind: "list", items: unknownToTeams });
  }
  blocks.push({ kind: "paragraph", text: t("emails:alert.body") }, { kind: "list", items: jobs.map(row) });
  return renderEmail({ language: "en", subject: t(unknownToTeams.length ? "emails:alert.subjectTeams" : "emails:alert.subject", { count: jobs.length }), blocks });
}
