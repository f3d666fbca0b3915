// The email a complaints team reads: how and when it is safe to make contact first, in a box nobody can miss; a
// subject they can triage without opening it (no personal data, urgent and safe-contact flags first); then the
// reply-by date, the flags, and every answer in journey order.
import type { TFunction } from "i18next";
import type { CouncilSettings } from "~/config/council-schema";
import { acknowledgementDue, acknowledgementWorkingDays, caseServiceOf, isPublicHealth, nextStagePromise, promisedReplyBy, stageLimits, urgentContactBy, type ReplyPromise } from "~/cases/timetable";
import { londonDate } from "~/working-days";
import { formatLongDate } from "~/format-date";
import { noReplyReason, textsNotSent } from "~/delivery/contact-permission";
import { isSupportedLanguage, languages } from "~/i18n";
import { describeAnswers, type AnswerRow } from "~/journeys/describe-answers";
import { leadingFlags, orderFlags, routingFlags, type RoutingFlag } from "~/journeys/flags";
import { isLateRequest } from "~/journeys/journey-engine";
import type { Journey } from "~/journeys/journey-types";
import type { JourneyAnswers } from "~/journeys/session-data";
import type { StoredSubmission } from "~/services/submissions.server";
import { fileSize } from "~/evidence/evidence-limits";
import { englishLanguageName } from "~/translation/language-names";
import type { EvidenceFile } from "~/evidence/evidence-store.server";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

export interface StaffNotificationInput {
  journey: Journey;
  submission: StoredSubmission;
  detail: "full" | "summary";
  council: CouncilSettings;
  /** English, fixed to the journey's and the emails' namespaces. */
  t: TFunction;
  /** Files sent with it, and whether they are attached (else they are in the case system). */
  files?: { list: readonly Pick<EvidenceFile, "name" | "type" | "size" | "scan">[]; attached: boolean; totalBytes: number };
}

function flagsOf(submission: StoredSubmission): RoutingFlag[] {
  return orderFlags(submission.flags.filter((flag): flag is RoutingFlag => (routingFlags as readonly string[]).includes(flag)));
}

export function staffSubject({ submission, journey, t }: Pick<StaffNotificationInput, "submission" | "journey" | "t">): string {
  // A flag the journey's name says already ("Escalation · … · ESCALATION") is not said twice.
  const flags = flagsOf(submission).filter((flag) => !journey.namedFlags?.includes(flag));
  const word = (flag: RoutingFlag) => t("emails:flags." + flag);
  return [
    ...flags.filter((flag) => leadingFlags.includes(flag)).map(word),
    t(`${journey.id}:submission.name`),
    t("emails:services." + (submission.service ?? "none")),
    submission.reference,
    ...flags.filter((flag) => !leadingFlags.includes(flag)).map(word),
  ].join(" · ");
}

/** How to reach them and what is safe, from the journey's own reading of the answers. */
function safeContactBox(journey: Journey, answers: JourneyAnswers, detail: StaffNotificationInput["detail"], t: TFunction): EmailBlock {
  const contact = journey.contactOf(answers);
  const heading: EmailBlock = { kind: "heading", text: t("emails:staff.safeContactHeading") };
  if (contact.method === "none") return { kind: "box", blocks: [heading, { kind: "paragraph", text: t("emails:staff.noContact") }] };
  const yesNo = (value: "yes" | "no" | null) => (value === "yes" ? t("common:answers.yes") : value === "no" ? t("common:answers.no") : t("emails:staff.notAsked"));
  const { safety } = contact;
  const warnings: EmailBlock[] = [];
  if (safety.sayCouncil === "no") warnings.push({ kind: "paragraph", text: t("emails:staff.doNotSayCouncil") });
  if (safety.leaveMessage === "no") warnings.push({ kind: "paragraph", text: t("emails:staff.doNotLeaveMessage") });
  // All they gave is what they said is not safe to use: they were told on the confirmation that we cannot reply.
  if (noReplyReason(contact) === "unsafe") warnings.push({ kind: "paragraph", text: t("emails:staff.noSafeWay") });
  // Someone who asked for texts and told us a message is not safe was told at check answers that we would call
  // instead: the team is told the same, not "Text message" under "Do not leave a message".
  // Nor "Email" under "Do not email them" for someone who gave only an address they told us is not safe.
  const methodContext = textsNotSent(contact) ? "callInstead" : noReplyReason(contact) === "unsafe" ? "unsafe" : undefined;
  const contactBy = { key: t("emails:staff.contactBy"), value: t(`emails:staff.methods.${contact.method}`, { context: methodContext }) };
  const details =
    detail === "full"
      ? [
          contactBy,
          ...(contact.email ? [{ key: t("emails:staff.email"), value: contact.email }] : []),
          ...(contact.phone ? [{ key: t("emails:staff.phone"), value: contact.phone }] : []),
          ...(contact.address ? [{ key: t("emails:staff.address"), value: contact.address.join("\n") }] : []),
          { key: t("emails:staff.safeTimes"), value: safety.safeTimes ?? t("emails:staff.anyTime") },
        ]
      : [contactBy];
  return {
    kind: "box",
    blocks: [
      heading,
      ...warnings,
      {
        kind: "rows",
        rows: [...details, { key: t("emails:staff.leaveMessage"), value: yesNo(safety.leaveMessage) }, { key: t("emails:staff.sayCouncil"), value: yesNo(safety.sayCouncil) }],
      },
    ],
  };
}

/** What is about to happen and when, framed like the safety box: the duty manager acts on it first. */
function urgencyBox(journey: Journey, answers: JourneyAnswers, detail: StaffNotificationInput["detail"], council: CouncilSettings, submission: StoredSubmission, t: TFunction): EmailBlock[] {
  const urgency = journey.urgencyOf?.(answers);
  if (!urgency) return [];
  const contactBy = formatLongDate(urgentContactBy(submission.submittedAt, council.timetable), "en");
  const what = answers["about-to-happen"]?.["what-happens"];
  return [
    {
      kind: "box",
      blocks: [
        { kind: "heading", text: t("emails:staff.urgentHeading") },
        { kind: "paragraph", text: t("emails:staff.urgentContactBy", { date: contactBy }) },
        {
          kind: "rows",
          rows: [
            ...(detail === "full" && typeof what === "string" ? [{ key: t("emails:staff.urgentWhat"), value: what }] : []),
            { key: t("emails:staff.urgentWhen"), value: urgency.by ? formatLongDate(urgency.by, "en") : t("emails:staff.urgentWhenUnknown") },
          ],
        },
      ],
    },
  ];
}

/** A language the person named in their own words, with its English name beside it: "polski (Polish)". */
function inEnglishToo(row: AnswerRow): string {
  if (row.names !== "language") return row.value;
  const english = englishLanguageName(row.value);
  return english && english.toLocaleLowerCase("en-GB") !== row.value.trim().toLocaleLowerCase("en-GB") ? `${row.value} (${english})` : row.value;
}

/**
 * Each file with its name, kind, size and scan result; in summary mode its kind and size only. Then whether they are
 * attached, or too large to be and in the case system.
 */
function filesBlocks({ files, detail, t }: StaffNotificationInput): EmailBlock[] {
  if (!files?.list.length) return [];
  const items = files.list.map((file) =>
    detail === "full"
      ? t("emails:staff.fileLine", { name: file.name, type: t(`common:evidence.types.${file.type}`), size: fileSize(file.size, "en"), scan: t(`emails:staff.scan.${file.scan}`) })
      : // No names in summary mode: a file's name is whatever the person called it, and may name a child.
        `${t(`common:evidence.types.${file.type}`)} – ${fileSize(file.size, "en")}`,
  );
  const where = detail === "summary" ? t("emails:staff.filesSummaryOnly") : files.attached ? t("emails:staff.filesAttached") : t("emails:staff.filesInCaseSystem", { size: fileSize(files.totalBytes, "en") });
  return [{ kind: "heading", text: t("emails:staff.filesHeading") }, { kind: "list", items }, { kind: "paragraph", text: where }];
}

/**
 * The dates staff must act by before the reply, where there are any: a complaint's acknowledgement, and a stage 3
 * request's review panel, timed from the request (the panel's first, as the digest lists them).
 */
function actByDates({ journey, submission, council, t }: StaffNotificationInput, answers: JourneyAnswers, promise: ReplyPromise | null): string[] {
  const receivedOn = londonDate(new Date(submission.submittedAt));
  const { timetable } = council;
  const service = isPublicHealth(submission.service) ? "public-health" : "childrens-social-care";
  const dates: string[] = [];
  if (journey.opensCase?.(answers)) {
    // A complaint whose service is not known yet has the shorter time, public health's, until staff settle it.
    const caseService = caseServiceOf(submission.service);
    const days = acknowledgementWorkingDays(timetable, caseService);
    // Someone nothing can be sent to is acknowledged all the same, in the case system, so the digest stops chasing it.
    const context = noReplyReason(journey.contactOf(answers)) ? "noReply" : undefined;
    dates.push(t("emails:staff.acknowledgeBy", { date: formatLongDate(acknowledgementDue(timetable, caseService, receivedOn), "en"), days, context }));
  }
  // A panel only where the reply date is stage 3's: not for a request the case recorded for stage 2, or as ended.
  if (promise === "review-panel" && service !== "public-health") {
    const { panelDueOn } = stageLimits(timetable, service, 3, receivedOn);
    if (panelDueOn) dates.push(t("emails:staff.panelBy", { date: formatLongDate(panelDueOn, "en"), days: timetable.childrensSocialCare.stage3.panelWithin }));
  }
  return dates;
}

/**
 * The promise whose time gave the reply date; its rule is given in the journey's words, and a panel's date only with
 * stage 3's. A journey whose promise differs with its answers (the
 * next stage asked for) words each promise as a context. Public health has one stage, with its own time: a journey
 * that words it apart says so (as the acknowledgement's next steps do). A checked request for the next stage is
 * promised what the case records (decision 076): another stage's time than the one picked, an open stage's own date,
 * or, for a complaint with no stage left, a complaint's time. The rule is given only where its time gives the date,
 * so the team is never told a rule the date does not follow (a panel for a complaint whose stage 3 has replied).
 */
function datedPromise({ journey, submission, council }: StaffNotificationInput, answers: JourneyAnswers): ReplyPromise | null {
  const picked = journey.replyPromise(answers);
  if (!picked || !submission.replyBy) return null;
  const receivedOn = londonDate(new Date(submission.submittedAt));
  const gives = (promise: ReplyPromise) => promisedReplyBy(council.timetable, promise, submission.service, receivedOn) === submission.replyBy;
  // A request for the next stage made after the time to ask is promised the council's decision (decision 090).
  const lateRequest: ReplyPromise[] = isLateRequest(journey, submission.flags) ? ["late-request"] : [];
  return [...lateRequest, picked, ...(journey.asksForNextStage ? [nextStagePromise(2), nextStagePromise(3)] : [])].find(gives) ?? null;
}

/** A reply to a complaint, or to a request for its next stage, that nothing can carry to the person. */
function replyCannotBeSent(journey: Journey, answers: JourneyAnswers): boolean {
  const promise = journey.replyPromise(answers);
  return noReplyReason(journey.contactOf(answers)) !== null && (promise === "complaint" || promise === "next-stage" || promise === "review-panel");
}

/** The words of the rule that gave the reply date (`datedPromise`), or none. */
function replyRule({ journey, submission, t }: StaffNotificationInput, promise: ReplyPromise | null): string {
  if (!promise) return "";
  const publicHealthRule = isPublicHealth(submission.service) ? t(`${journey.id}:submission.replyRulePublicHealth`, { defaultValue: "" }) : "";
  return publicHealthRule || t(`${journey.id}:submission.replyRule`, { defaultValue: "", context: promise });
}

export function renderStaffNotification(input: StaffNotificationInput): RenderedEmail {
  const { journey, submission, detail, t } = input;
  const answers = submission.answers as JourneyAnswers;
  const type = t(`${journey.id}:submission.name`);
  const flags = flagsOf(submission);
  const replyBy = submission.replyBy ? formatLongDate(submission.replyBy, "en") : null;
  const promise = datedPromise(input, answers);
  const rule = replyRule(input, promise);
  const blocks: EmailBlock[] = [
    safeContactBox(journey, answers, detail, t),
    ...urgencyBox(journey, answers, detail, input.council, submission, t),
    { kind: "heading", level: 1, text: t("emails:staff.heading", { type: type.toLowerCase(), reference: submission.reference }) },
    {
      kind: "paragraph",
      // A stage's time runs whether or not its reply can be sent: someone who cannot be written to may call for it.
      // (An advocate's call or a document in another format is not a reply to have ready.)
      text: replyBy ? t(rule ? "emails:staff.replyByRule" : "emails:staff.replyBy", { replyBy, rule, context: replyCannotBeSent(journey, answers) ? "noReply" : undefined }) : t("emails:staff.noReplyDate"),
    },
    ...actByDates(input, answers, promise).map((text): EmailBlock => ({ kind: "paragraph", text })),
    {
      kind: "paragraph",
      text: t("emails:staff.received", {
        submittedAt: new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" }).format(new Date(submission.submittedAt)),
        language: isSupportedLanguage(submission.language) ? languages[submission.language].englishName : submission.language,
      }),
    },
  ];
  if (flags.length) {
    blocks.push(
      { kind: "heading", text: t("emails:staff.flagsHeading") },
      // In the journey's own words where a flag means something else there (a late request for the next stage is
      // late for the time to ask, not for the 12 months).
      { kind: "list", items: flags.map((flag) => `${t("emails:flags." + flag)}: ${t(`${journey.id}:submission.flagMeanings.${flag}`, { defaultValue: t("emails:flagMeanings." + flag) })}`) },
    );
  }
  if (detail === "summary") {
    blocks.push({ kind: "paragraph", text: t("emails:staff.summaryOnly", { reference: submission.reference }) });
  } else {
    // Only answers on the person's route were stored; the journey's page order is the order they gave them.
    const ordered = journey.pages.map((page) => page.id).filter((id) => id in answers);
    blocks.push({ kind: "heading", text: t("emails:staff.answersHeading") });
    for (const section of describeAnswers(journey, answers, ordered, t, { audience: "staff" })) {
      blocks.push({ kind: "heading", text: section.title }, { kind: "rows", rows: section.rows.map((row) => ({ key: row.key, value: row.empty ? row.value : inEnglishToo(row) })) });
    }
  }
  blocks.push(...filesBlocks(input));
  blocks.push({ kind: "paragraph", text: t("emails:staff.footer") });
  return renderEmail({ language: "en", subject: staffSubject(input), blocks });
}
