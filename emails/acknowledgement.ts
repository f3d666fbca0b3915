// The acknowledgement, in the language the person used. It holds no answers: someone else may read it.
import type { TFunction } from "i18next";
import type { CouncilSettings } from "~/config/council-schema";
import { formatLongDate } from "~/format-date";
import type { Journey } from "~/journeys/journey-types";
import type { StoredSubmission } from "~/services/submissions.server";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

export function renderAcknowledgement({ journey, submission, council, t }: { journey: Journey; submission: StoredSubmission; council: CouncilSettings; t: TFunction }): RenderedEmail {
  const type = t("emails:acknowledgement.types." + journey.kind);
  const values = {
    type,
    reference: submission.reference,
    phone: council.contact.phone,
    openingHours: council.contact.openingHours,
    email: council.contact.email,
    advocacyName: council.advocacy.providerName,
    advocacyPhone: council.advocacy.phone,
    advocacyText: council.advocacy.textMessage,
  };
  const blocks: EmailBlock[] = [
    { kind: "heading", level: 1, text: t("emails:acknowledgement.heading", values) },
    { kind: "paragraph", text: t("emails:acknowledgement.reference", values) },
  ];
  if (submission.replyBy) {
    blocks.push({ kind: "paragraph", text: t("emails:acknowledgement.replyBy", { replyBy: formatLongDate(submission.replyBy, submission.language) }) });
  }
  if (journey.kind === "complaint" || journey.kind === "escalation") {
    // Public health complaints have one stage at the council, then the Ombudsman; children's social care has three.
    const nextSteps = journey.kind === "complaint" && submission.service === "public-health" ? "emails:acknowledgement.nextPublicHealth" : "emails:acknowledgement.next";
    blocks.push(
      { kind: "heading", text: t("emails:acknowledgement.nextHeading") },
      ...(t(nextSteps, { returnObjects: true }) as string[]).map((text) => ({ kind: "paragraph" as const, text })),
    );
  }
  blocks.push(
    { kind: "heading", text: t("emails:acknowledgement.advocateHeading") },
    { kind: "paragraph", text: t("emails:acknowledgement.advocate", values) },
    { kind: "heading", text: t("emails:acknowledgement.contactHeading") },
    { kind: "paragraph", text: t("emails:acknowledgement.contact", values) },
    { kind: "paragraph", text: t("emails:acknowledgement.danger") },
  );
  return renderEmail({ language: submission.language, subject: t("emails:acknowledgement.subject", values), blocks });
}
