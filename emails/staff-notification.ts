// The email a complaints team reads: a subject they can triage without opening it (no personal data),
// then every answer in journey order, the reply-by date, and how and when it is safe to make contact.
import type { TFunction } from "i18next";
import type { CouncilSettings } from "~/config/council-schema";
import { formatLongDate } from "~/format-date";
import { describeAnswers } from "~/journeys/describe-answers";
import type { Journey } from "~/journeys/journey-types";
import type { JourneyAnswers } from "~/journeys/session-data";
import type { StoredSubmission } from "~/services/submissions.server";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

export interface StaffNotificationInput {
  journey: Journey;
  submission: StoredSubmission;
  detail: "full" | "summary";
  council: CouncilSettings;
  /** English, fixed to the journey's and the emails' namespaces. */
  t: TFunction;
}

export function staffSubject({ submission, journey, t }: Pick<StaffNotificationInput, "submission" | "journey" | "t">): string {
  return [
    t("emails:types." + journey.kind),
    t("emails:services." + (submission.service ?? "none")),
    submission.reference,
    ...submission.flags.map((flag) => t("emails:flags." + flag)),
  ].join(" · ");
}

function safeContactBlocks(answers: JourneyAnswers, t: TFunction, journey: Journey): EmailBlock[] {
  if (!answers.contact) return [];
  const method = answers.contact.method;
  if (!method || method === "none") return [{ kind: "heading", text: t("emails:staff.safeContactHeading") }, { kind: "paragraph", text: t("emails:staff.noContact") }];
  // Staff read "how to contact them", not the person's own "how should we contact you".
  const contactRows = describeAnswers(journey, { contact: answers.contact }, ["contact"], t)
    .flatMap((s) => s.rows)
    .filter((row) => !row.empty)
    .map((row) => (row.field === "method" ? { ...row, key: t("emails:staff.contactBy") } : row));
  const safe = answers["safe-contact"] ?? {};
  const yesNo = (value: unknown) => (value === "yes" ? t("common:answers.yes") : value === "no" ? t("common:answers.no") : t("common:answers.notProvided"));
  return [
    { kind: "heading", text: t("emails:staff.safeContactHeading") },
    {
      kind: "rows",
      rows: [
        ...contactRows.map((row) => ({ key: row.key, value: row.value })),
        { key: t("emails:staff.safeTimes"), value: typeof safe["safe-times"] === "string" && safe["safe-times"] ? safe["safe-times"] : t("emails:staff.anyTime") },
        { key: t("emails:staff.leaveMessage"), value: yesNo(safe["leave-message"]) },
        { key: t("emails:staff.sayCouncil"), value: yesNo(safe["say-council"]) },
      ],
    },
  ];
}

export function renderStaffNotification(input: StaffNotificationInput): RenderedEmail {
  const { journey, submission, detail, t } = input;
  const answers = submission.answers as JourneyAnswers;
  const type = t("emails:types." + journey.kind);
  const blocks: EmailBlock[] = [
    { kind: "heading", level: 1, text: t("emails:staff.heading", { type: type.toLowerCase(), reference: submission.reference }) },
    {
      kind: "paragraph",
      text: submission.replyBy ? t("emails:staff.replyBy", { replyBy: formatLongDate(submission.replyBy, "en") }) : t("emails:staff.noReplyDate"),
    },
    {
      kind: "paragraph",
      text: t("emails:staff.received", {
        submittedAt: new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" }).format(new Date(submission.submittedAt)),
        language: submission.language === "pl" ? "Polish" : "English",
      }),
    },
  ];
  if (submission.flags.length) {
    blocks.push(
      { kind: "heading", text: t("emails:staff.flagsHeading") },
      { kind: "list", items: submission.flags.map((flag) => `${t("emails:flags." + flag)}: ${t("emails:flagMeanings." + flag)}`) },
    );
  }
  if (detail === "summary") {
    blocks.push({ kind: "paragraph", text: t("emails:staff.summaryOnly", { reference: submission.reference }) });
  } else {
    // Only answers on the person's route were stored; the journey's page order is the order they gave them.
    const ordered = journey.pages.map((page) => page.id).filter((id) => id in answers);
    blocks.push(...safeContactBlocks(answers, t, journey));
    blocks.push({ kind: "heading", text: t("emails:staff.answersHeading") });
    for (const section of describeAnswers(journey, answers, ordered, t)) {
      blocks.push({ kind: "heading", text: section.title }, { kind: "rows", rows: section.rows.map((row) => ({ key: row.key, value: row.value })) });
    }
  }
  blocks.push({ kind: "paragraph", text: t("emails:staff.footer") });
  return renderEmail({ language: "en", subject: staffSubject(input), blocks });
}
