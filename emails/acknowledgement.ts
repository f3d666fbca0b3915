// The acknowledgement, in the language the person used. It holds no answers: someone else may read it. It is only
// ever planned and sent where app/delivery/contact-permission.ts allows.
import type { TFunction } from "i18next";
import { councilIn, type CouncilSettings } from "~/config/council-schema";
import { isPublicHealth, urgentContactBy } from "~/cases/timetable";
import { mayWriteTo } from "~/delivery/contact-permission";
import { formatLongDate } from "~/format-date";
import type { JourneyAnswers } from "~/journeys/session-data";
import { advocateToldValues } from "~/journeys/describe-answers";
import { isLateRequest, pageById } from "~/journeys/journey-engine";
import type { Journey } from "~/journeys/journey-types";
import type { StoredSubmission } from "~/services/submissions.server";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./email-document";

export function renderAcknowledgement({ journey, submission, council, publicUrl, t }: { journey: Journey; submission: StoredSubmission; council: CouncilSettings; publicUrl: string; t: TFunction }): RenderedEmail {
  // The council's words and numbers as the person's language writes them.
  const local = councilIn(council, submission.language);
  const values = {
    type: t(`${journey.id}:submission.yours`),
    reference: submission.reference,
    phone: local.contact.phone,
    openingHours: local.contact.openingHours,
    email: local.contact.email,
    advocacyName: local.advocacy.providerName,
    advocacyPhone: local.advocacy.phone,
    advocacyText: local.advocacy.textMessage,
  };
  // A complaint is followed through its stages: the person can look it up with their reference, where a code may be
  // sent to them for it. Someone we may send no code (only some times are safe, or no email) is not told to.
  const checkable = Boolean(journey.opensCase) && mayWriteTo(journey.contactOf(submission.answers as JourneyAnswers), "progress-code").allowed;
  const complaintContext = journey.opensCase ? "complaint" : undefined;
  const blocks: EmailBlock[] = [
    { kind: "heading", level: 1, text: t("emails:acknowledgement.heading", values) },
    // A complaint's reference is the one its progress pages ask for, by that name.
    { kind: "paragraph", text: t("emails:acknowledgement.reference", { ...values, context: journey.opensCase ? (checkable ? "complaint" : "complaintNoCode") : undefined }) },
  ];
  // A request for the next stage has its own reference; the complaint is still looked up by the complaint's.
  const complaintReference = journey.asksForNextStage?.(submission.answers as JourneyAnswers).reference;
  if (complaintReference) blocks.push({ kind: "paragraph", text: t(`${journey.id}:confirmation.complaintReference`, { complaintReference }) });
  // Something is about to happen: someone will be in touch sooner than the reply.
  if (journey.urgencyOf?.(submission.answers as JourneyAnswers)) {
    const by = urgentContactBy(submission.submittedAt, council.timetable);
    blocks.push({ kind: "paragraph", text: t("emails:acknowledgement.urgent", { date: formatLongDate(by, submission.language) }) });
  }
  if (submission.replyBy) {
    // In the journey's own words for what it promises, as its confirmation page gave them (an advocate's call, a
    // document in another format, a reply), or the plain promise of a reply.
    // A request for the next stage made after the time to ask is promised the council's decision (decision 090).
    const promised = { replyBy: formatLongDate(submission.replyBy, submission.language), context: isLateRequest(journey, submission.flags) ? "late" : undefined };
    blocks.push({ kind: "paragraph", text: t(`${journey.id}:confirmation.replyBy`, { ...promised, defaultValue: t("emails:acknowledgement.replyBy", promised) }) });
  }
  // What happens next, in the journey's words for an email where it has them (public health complaints have one
  // stage, then the Ombudsman), or else as its confirmation page gave them (a compliment's thanks passed on).
  const has = (key: string) => Boolean(t(`${journey.id}:${key}`, { defaultValue: "" }));
  const nextKey = isPublicHealth(submission.service) && has("submission.nextPublicHealth") ? "submission.nextPublicHealth" : has("submission.next") ? "submission.next" : "confirmation.next";
  const next = t(`${journey.id}:${nextKey}`, { ...values, returnObjects: true, defaultValue: [] });
  if (Array.isArray(next) && next.length) {
    blocks.push({ kind: "heading", text: t("emails:acknowledgement.nextHeading") }, ...next.map((text) => ({ kind: "paragraph" as const, text: String(text) })));
  }
  // Where they can look it up, in the language they wrote in, whatever the phone that opens the link is set to.
  if (checkable) blocks.push({ kind: "paragraph", links: true, text: t("progress:acknowledgementLink", { url: `${publicUrl}/progress?lng=${submission.language}` }) });
  // Where the journey asks about an advocate (a complaint, the next stage): someone who asked for one is told the
  // advocacy service has been, as the confirmation page told them; anyone else about children's social care, how to
  // ask for one (the advocacy service is the children's services' own: the public health pages offer none). A
  // compliment, or a request for an advocate or another format, has no use for it.
  if (pageById(journey, "advocate")) {
    const advocateTold = submission.flags.includes("advocate") ? t(`${journey.id}:confirmation.advocateTold`, { ...values, ...advocateToldValues(journey, submission.answers as JourneyAnswers), defaultValue: "" }) : "";
    const advocate = advocateTold || (isPublicHealth(submission.service) ? "" : t("emails:acknowledgement.advocate", values));
    if (advocate) blocks.push({ kind: "heading", text: t("emails:acknowledgement.advocateHeading") }, { kind: "paragraph", text: advocate });
  }
  blocks.push(
    { kind: "heading", text: t("emails:acknowledgement.contactHeading") },
    { kind: "paragraph", text: t("emails:acknowledgement.contact", { ...values, context: complaintContext }) },
    { kind: "paragraph", text: t("emails:acknowledgement.danger") },
  );
  // The reference is kept out of what a list of emails shows (decision 086): with it, someone who sees the person's
  // notifications could ask for a code.
  return renderEmail({ language: submission.language, subject: t("emails:acknowledgement.subject", values), preview: t("emails:acknowledgement.preview"), blocks });
}
