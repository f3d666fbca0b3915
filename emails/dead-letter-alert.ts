// Tells the administrator which messages could not be delivered: ids, references and errors, no personal data.
import type { TFunction } from "i18next";
import type { DeliveryJob } from "~/delivery/outbox.server";
import { renderEmail, type RenderedEmail } from "./email-document";

export function renderDeadLetterAlert(jobs: readonly DeliveryJob[], t: TFunction): RenderedEmail {
  return renderEmail({
    language: "en",
    subject: t("emails:alert.subject", { count: jobs.length }),
    blocks: [
      { kind: "heading", level: 1, text: t("emails:alert.heading") },
      { kind: "paragraph", text: t("emails:alert.body") },
      {
        kind: "list",
        items: jobs.map((job) => t("emails:alert.row", { kind: job.kind, target: job.target, reference: job.reference, id: job.id, error: job.lastError ?? "" })),
      },
    ],
  });
}
