// The complaints manager's digest: what needs doing today, case by case, by reference. No personal data.
import type { TFunction } from "i18next";
import type { Timetable } from "~/config/council-schema";
import type { Digest, DigestLine } from "~/cases/case-digest";
import { progressCodeRules } from "~/cases/progress-codes.server";
import { formatLongDate } from "~/format-date";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

export function renderCaseDigest(digest: Digest, t: TFunction, timetable: Timetable): RenderedEmail {
  const line = (entry: DigestLine, key: string) =>
    t(`emails:digest.${key}`, { reference: entry.reference, stage: entry.stage, due: formatLongDate(entry.dueOn, "en"), count: entry.days });
  const blocks: EmailBlock[] = [{ kind: "heading", level: 1, text: t("emails:digest.heading", { day: formatLongDate(digest.day, "en") }) }];
  const section = (entries: DigestLine[], heading: string, key: string) => {
    if (entries.length) blocks.push({ kind: "heading", text: t(`emails:digest.${heading}`, { count: entries.length }) }, { kind: "list", items: entries.map((entry) => line(entry, key)) });
  };
  section(digest.overdue, "overdueHeading", "overdueLine");
  section(digest.panelsOverdue, "panelsOverdueHeading", "panelsOverdueLine");
  if (digest.nextStageNotStarted.length) {
    blocks.push(
      { kind: "heading", text: t("emails:digest.nextStageHeading", { count: digest.nextStageNotStarted.length }) },
      {
        kind: "list",
        items: digest.nextStageNotStarted.map((entry) => {
          const asked = t("emails:digest.nextStageLine", { reference: entry.reference, stage: entry.stage, asked: formatLongDate(entry.askedOn, "en"), count: entry.days });
          if (!entry.replyDueOn) return `${asked}. ${t("emails:digest.nextStageTimedFromStart")}`;
          const due = { due: formatLongDate(entry.replyDueOn, "en"), panel: entry.panelDueOn ? formatLongDate(entry.panelDueOn, "en") : "" };
          return `${asked}. ${t(entry.panelDueOn ? "emails:digest.nextStagePanelDue" : "emails:digest.nextStageReplyDue", due)}`;
        }),
      },
      { kind: "paragraph", text: t("emails:digest.nextStageWhat") },
    );
  }
  if (digest.nextStageCannotStart.length) {
    blocks.push(
      { kind: "heading", text: t("emails:digest.cannotStartHeading", { count: digest.nextStageCannotStart.length }) },
      { kind: "list", items: digest.nextStageCannotStart.map((entry) => t("emails:digest.cannotStartLine", { reference: entry.reference, stage: entry.stage, at: entry.at, asked: formatLongDate(entry.askedOn, "en") })) },
      { kind: "paragraph", text: t("emails:digest.cannotStartWhat") },
    );
  }
  if (digest.toClose.length) {
    blocks.push(
      { kind: "heading", text: t("emails:digest.toCloseHeading", { count: digest.toClose.length }) },
      {
        kind: "list",
        items: digest.toClose.map((entry) =>
          t(entry.ended ? "emails:digest.toCloseLineEnded" : entry.askBy ? "emails:digest.toCloseLine" : "emails:digest.toCloseLineLast", {
            reference: entry.reference,
            stage: entry.stage,
            replied: formatLongDate(entry.repliedOn, "en"),
            askBy: entry.askBy ? formatLongDate(entry.askBy, "en") : "",
            context: entry.ended,
          }),
        ),
      },
      { kind: "paragraph", text: t("emails:digest.toCloseWhat") },
    );
  }
  section(digest.notAcknowledged, "notAcknowledgedHeading", "notAcknowledgedLine");
  section(digest.dueSoon, "dueSoonHeading", "dueSoonLine");
  section(digest.panelsDueSoon, "panelsDueSoonHeading", "panelsDueSoonLine");
  if (digest.panelsOverdue.length || digest.panelsDueSoon.length) {
    const { reportWithin, responseWithin } = timetable.childrensSocialCare.stage3;
    blocks.push({ kind: "paragraph", text: t("emails:digest.panelsWhat", { within: reportWithin + responseWithin, report: reportWithin, response: responseWithin }) });
  }
  if (digest.codesHeldBack.length) {
    blocks.push(
      { kind: "heading", text: t("emails:digest.codesHeldBackHeading", { count: digest.codesHeldBack.length }) },
      { kind: "paragraph", text: t("emails:digest.codesHeldBackWhy", { perHour: progressCodeRules.perCasePerHour, perDay: progressCodeRules.perCasePerDay }) },
      { kind: "list", items: digest.codesHeldBack.map((entry) => t("emails:digest.codesHeldBackLine", { reference: entry.reference, count: entry.count })) },
    );
  }
  blocks.push({ kind: "paragraph", text: t("emails:digest.footer") });
  return renderEmail({
    language: "en",
    // The three counts always; a further one only when it has something in it.
    subject:
      t("emails:digest.subject", { overdue: digest.overdue.length, dueSoon: digest.dueSoon.length, notAcknowledged: digest.notAcknowledged.length, day: formatLongDate(digest.day, "en") }) +
      (digest.nextStageNotStarted.length ? t("emails:digest.subjectNextStage", { count: digest.nextStageNotStarted.length }) : "") +
      (digest.nextStageCannotStart.length ? t("emails:digest.subjectCannotStart", { count: digest.nextStageCannotStart.length }) : "") +
      (digest.panelsOverdue.length + digest.panelsDueSoon.length ? t("emails:digest.subjectPanels", { count: digest.panelsOverdue.length + digest.panelsDueSoon.length }) : "") +
      (digest.toClose.length ? t("emails:digest.subjectToClose", { count: digest.toClose.length }) : "") +
      (digest.codesHeldBack.length ? t("emails:digest.subjectCodesHeldBack", { count: digest.codesHeldBack.length }) : ""),
    blocks,
  });
}
