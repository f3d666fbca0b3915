// What every registered journey must do, whatever it asks: a new journey that is registered is checked here
// without this file changing. Its personas answer it; its submission makes a webhook payload that passes the
// payload's own schema, a reference the checker accepts, emails with no untranslated key in any language, and a
// statistics row; and every error its pages can give has words in every language.
import fc from "fast-check";
import { createInstance, type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { complainantRoles } from "~/cases/case-record";
import { promisedReplyBy, type ReplyPromise } from "~/cases/timetable";
import { webhookPayload } from "~/delivery/delivery-worker.server";
import { webhookPayloadSchema } from "~/delivery/webhook-payload";
import { exampleCouncil } from "~/config/example-council";
import { councilIn, councilSettingsSchema } from "~/config/council-schema";
import { i18nextOptions, supportedLanguages } from "~/i18n";
import { mayWriteTo, noReplyReason, textsNotSent } from "~/delivery/contact-permission";
import { generateReference } from "~/reference.server";
import type { StoredSubmission } from "~/services/submissions.server";
import { renderAcknowledgement } from "@emails/acknowledgement";
import { renderStaffNotification, staffSubject } from "@emails/staff-notification";
import { namespaces, resources } from "../../locales/resources";
import { answerJourney } from "../../tests/support/answer-journey";
import { personas, type Persona } from "../../tests/support/personas";
import { allFields, pageSchema } from "./journey-engine";
import { interpolationValues } from "./describe-answers";
import { isPortalReference, journeyOfReference, registeredJourneys, webhookTypeOf } from "./journeys";
import { pageErrorCodes } from "./page-schema";
import { giveTimeLimits } from "~/services/translations.server";
import { inboxPreview } from "../../tests/support/inbox-preview";
import { formatLongDate } from "~/format-date";

const today = "2026-11-26";
const people: Persona[] = Object.values(personas({ today }));
const council = councilSettingsSchema.parse(exampleCouncil);

/** A translator per language that records every key it could not find (optional lookups give a default). */
function recordingT(language: string, ns: string[], missing: string[]): TFunction {
  const i18n = createInstance();
  void i18n.init({
    ...i18nextOptions,
    lng: language,
    ns: [...namespaces],
    resources,
    initImmediate: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, namespace, key, _fallback, _update, options) => {
      if ((options as { defaultValue?: unknown } | undefined)?.defaultValue === undefined) missing.push(`${language} ${namespace}:${key}`);
    },
  });
  giveTimeLimits(i18n, council.timetable);
  return i18n.getFixedT(language, ns);
}

function hasWords(language: string, namespace: string, key: string): boolean {
  const lookUp = (ns: string) => key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), resources[language]?.[ns]);
  return typeof lookUp(namespace) === "string" || typeof lookUp("common") === "string";
}

describe.each(registeredJourneys.map((journey) => [journey.id, journey] as const))("the %s journey", (_id, journey) => {
  const own = people.filter((persona) => persona.journey === journey.id);

  it("has personas who can complete it", () => {
    expect(own.length, `tests/support/personas.ts needs a persona for ${journey.id}`).toBeGreaterThan(0);
    for (const persona of own) expect(() => answerJourney(journey, persona, today), persona.name).not.toThrow();
  });

  it("says an optional answer is optional once: the page adds it, so no label says it in any language", () => {
    for (const language of supportedLanguages) {
      const marker = (resources[language]!.common as { answers: { optional: string } }).answers.optional;
      const own = resources[language]![journey.id] as { pages?: Record<string, { fields?: Record<string, { label?: unknown }> }> };
      for (const page of journey.pages) {
        for (const field of allFields(page.fields)) {
          const label = own.pages?.[page.id]?.fields?.[field.name]?.label;
          if ("optional" in field && field.optional && typeof label === "string") expect(label, `${language} ${page.id}.${field.name}`).not.toContain(marker);
        }
      }
    }
  });

  it("makes references the checker accepts and leads back to it", () => {
    const reference = generateReference(journey.referencePrefix);
    expect(isPortalReference(reference)).toBe(true);
    expect(journeyOfReference(reference)).toBe(journey);
  });

  for (const persona of own) {
    describe(persona.name, () => {
      const { answers } = answerJourney(journey, persona, today);
      const reference = generateReference(journey.referencePrefix);
      // As the send works it out: the promise's working days from the day it was sent.
      const replyBy = (promise: ReplyPromise | null) => (promise === null ? null : promisedReplyBy(council.timetable, promise, journey.serviceOf(answers), "2026-11-26"));
      const submission = (language: string): StoredSubmission => ({
        id: "id",
        reference,
        journey: journey.id,
        type: webhookTypeOf(journey),
        schemaVersion: journey.schemaVersion,
        language,
        answers,
        replyBy: replyBy(journey.replyPromise(answers)),
        submittedAt: "2026-11-26T10:00:00.000Z",
        service: journey.serviceOf(answers),
        flags: journey.flagsOf(answers, today),
      });

      // A language the person named (another language for a reply, or for information), in their own words.
      const namedLanguage = journey.pages
        .flatMap((page) => allFields(page.fields).map((field) => ({ page: page.id, field })))
        .find(({ page, field }) => field.kind === "text" && field.names === "language" && typeof answers[page]?.[field.name] === "string");
      if (namedLanguage) {
        it("gives the team a language named in the person's own words with its English name beside it", () => {
          const { page, field } = namedLanguage;
          const staffEmail = (language: string) =>
            renderStaffNotification({ journey, submission: { ...submission("en"), answers: { ...answers, [page]: { ...answers[page], [field.name]: language } } }, detail: "full", council, t: recordingT("en", [journey.id, "emails", "common"], []) }).text;
          expect(staffEmail("język polski")).toContain("język polski (Polish)");
          expect(staffEmail("عربي")).toContain("عربي (Arabic)");
          // A name in English already, or one the platform does not know, is left as typed.
          expect(staffEmail("Polish")).not.toContain("Polish (Polish)");
          expect(staffEmail("Sylheti")).toMatch(/Sylheti\n/);
        });
      }

      it("sends a webhook payload that passes the payload's own schema", () => {
        const payload = webhookPayload(submission("en"), webhookTypeOf(journey), Date.parse("2026-11-26T10:00:00Z"));
        expect(webhookPayloadSchema.safeParse(payload).error?.issues ?? []).toEqual([]);
      });

      it("writes the staff email, and an acknowledgement in every language, with every word found", () => {
        const missing: string[] = [];
        const staff = renderStaffNotification({ journey, submission: submission("en"), detail: "full", council, t: recordingT("en", [journey.id, "emails", "common"], missing) });
        expect(staffSubject({ journey, submission: submission("en"), t: recordingT("en", [journey.id, "emails", "common"], missing) })).toBe(staff.subject);
        // A flag the journey's name says ("Escalation", "Advocate request") is on every one of its submissions, and
        // not said again in the subject.
        for (const flag of journey.namedFlags ?? []) {
          expect(submission("en").flags).toContain(flag);
          const word = (resources.en?.emails as { flags: Record<string, string> }).flags[flag]!;
          expect(staff.subject.split(" · "), persona.name).not.toContain(word);
          expect(staff.text).toContain(`${word}: `);
        }
        for (const language of supportedLanguages) {
          const acknowledgement = renderAcknowledgement({ journey, submission: submission(language), council, publicUrl: "https://complaints.example.org", t: recordingT(language, [journey.id, "emails", "common"], missing) });
          // The council's numbers as the language writes them: isolated left to right in Arabic (council-schema.ts).
          expect(acknowledgement.text).toContain(councilIn(council, language).contact.phone);
          expect(acknowledgement.text + acknowledgement.html, "no placeholder left unfilled").not.toContain("{{");
          // Where they can check their complaint, in the language they wrote in, if a code can be sent to them.
          const linked = Boolean(journey.opensCase) && mayWriteTo(journey.contactOf(answers), "progress-code").allowed;
          expect(acknowledgement.text.includes(`https://complaints.example.org/progress?lng=${language} `) || acknowledgement.text.includes(`https://complaints.example.org/progress?lng=${language}\n`), `${persona.name} in ${language}`).toBe(linked);
          // Nor told they will need the reference to check it, when no code can come to them for that.
          if (language === "en" && journey.opensCase) expect(acknowledgement.text.includes("you will need it to check your complaint"), persona.name).toBe(linked);
          // Every acknowledgement says what happens next, a compliment's too.
          const nextHeading = (resources[language]?.emails as { acknowledgement: { nextHeading: string } }).acknowledgement.nextHeading;
          expect(acknowledgement.text, `${journey.id} in ${language}`).toContain(nextHeading);
          // A list of emails, or a locked phone, shows a line that says nothing after the subject, not the reference
          // (with it, someone who sees the person's notifications could ask for a code).
          const preview = inboxPreview(acknowledgement).html;
          expect(preview, `${journey.id} in ${language}`).toContain((resources[language]?.emails as { acknowledgement: { preview: string } }).acknowledgement.preview);
          expect(preview, `${journey.id} in ${language}`).not.toContain(reference);
        }
        expect(staff.text + staff.html, "no placeholder left unfilled").not.toContain("{{");
        // Under 18 is the sender's age, except where the journey asks for someone else: an advocate for a child.
        if (submission("en").flags.includes("under-18")) {
          expect(staff.text, persona.name).toContain(journey.id === "advocate" ? "UNDER 18: The young person the advocate is for is under 18." : "UNDER 18: The person who sent this is under 18.");
        }
        // Asked for texts, but told us a message is not safe: told at check answers we would call instead, and the
        // team is told the same, never "Text message" under "Do not leave a message".
        const callInstead = textsNotSent(journey.contactOf(answers));
        expect(staff.text.includes("How to contact them:\n  A call they answer: they asked for text messages"), persona.name).toBe(callInstead);
        // (Their answers, further down, keep what they chose, as they gave it.)
        if (callInstead) expect(staff.text.slice(0, staff.text.indexOf("Their answers")), persona.name).not.toContain("Text message");
        expect(missing).toEqual([]);
        // The advocacy service is the children's services' own: a public health complaint is not offered it in the
        // email, as its pages offer it nowhere, unless the person asked for an advocate and the service was told.
        const advocateBlock = renderAcknowledgement({ journey, submission: submission("en"), council, publicUrl: "https://complaints.example.org", t: recordingT("en", [journey.id, "emails", "common"], missing) }).text.includes("Help from an advocate");
        const asksAboutAdvocates = journey.pages.some((page) => page.id === "advocate");
        expect(advocateBlock, persona.name).toBe(asksAboutAdvocates && (submission("en").flags.includes("advocate") || submission("en").service !== "public-health"));
        // Someone who asked for an advocate is told the advocacy service has been, where the journey words it.
        const acknowledgement = renderAcknowledgement({ journey, submission: submission("en"), council, publicUrl: "https://complaints.example.org", t: recordingT("en", [journey.id, "emails", "common"], missing) });
        const told = (resources.en?.[journey.id]?.confirmation as { advocateTold?: string } | undefined)?.advocateTold;
        if (told) expect(/You asked for an advocate( for [^.]+)?\. We have told/.test(acknowledgement.text), persona.name).toBe(submission("en").flags.includes("advocate"));
        // For the child the question asked about, by name, where it asked about a child.
        const advocatePage = journey.pages.find((page) => page.id === "advocate");
        if (told && submission("en").flags.includes("advocate") && advocatePage?.variant?.(answers) === "forChild") {
          expect(acknowledgement.text).toContain(`You asked for an advocate for ${interpolationValues(answers).childName}.`);
        }
        // Whatever the journey promises, staff are told the date and the rule it comes from; for someone nothing can be
        // sent to, as the date to have the reply ready by, for when they call.
        const cannotBeSent = noReplyReason(journey.contactOf(answers)) !== null && ["complaint", "next-stage", "review-panel"].includes(journey.replyPromise(answers) ?? "");
        if (journey.replyPromise(answers)) {
          expect(staff.text, persona.name).toMatch(cannotBeSent ? /Have the reply ready by [^.]+ \([^)]+\)\. It cannot be sent to them: give it to them if they call\./ : /Reply by [^.]+ \([^)]+\)\./);
        }
        // Nor "Email" under "Do not email them".
        if (noReplyReason(journey.contactOf(answers)) === "unsafe") expect(staff.text).toContain("How to contact them:\n  None that is safe: they gave an email address, but do not email them");
        // A date no rule of the journey gives (a checked request for the next stage answered by an open stage's own
        // date, or by a complaint's time when it has no stage left, decision 076) is given without a rule.
        if (journey.replyPromise(answers)) {
          const otherDate = renderStaffNotification({ journey, submission: { ...submission("en"), replyBy: "2027-03-01" }, detail: "summary", council, t: recordingT("en", [journey.id, "emails", "common"], missing) });
          expect(otherDate.text).toContain(cannotBeSent ? "Have the reply ready by Monday, 1 March 2027." : "Reply by Monday, 1 March 2027.");
          // Nor a panel's date, which only stage 3's time gives.
          expect(otherDate.text).not.toContain("review panel must meet");
        }
        // A complaint's rule is its service's: public health's one stage, or children's social care's stage 1.
        if (journey.replyPromise(answers) === "complaint") expect(staff.text).toContain(journey.serviceOf(answers) === "public-health" ? "(public health: " : "(stage 1: ");
        // What staff must do before the reply, by when: a complaint's acknowledgement (submitted Thursday 26 November
        // 2026: 5 working days for children's social care, 3 for public health), and a stage 3 request's panel.
        // A complaint whose service is not known yet may be public health's: the shorter time, until staff settle it.
        const shorter = journey.serviceOf(answers) !== "childrens-social-care";
        const acknowledgeBy = shorter ? "Acknowledge it by Tuesday, 1 December 2026 (3 working days)" : "Acknowledge it by Thursday, 3 December 2026 (5 working days)";
        if (journey.opensCase?.(answers)) expect(staff.text, persona.name).toContain(acknowledgeBy + (cannotBeSent ? ": nothing can be sent to them, so record it as acknowledged." : "."));
        else expect(staff.text).not.toContain("Acknowledge it by");
        if (journey.replyPromise(answers) === "review-panel") expect(staff.text).toContain("the review panel must meet by Tuesday, 12 January 2027 (30 working days from the request).");
        else expect(staff.text).not.toContain("review panel must meet");
        expect(staff.subject).toContain(resources.en?.[journey.id]?.submission && (resources.en[journey.id]!.submission as { name: string }).name);
        // A late request for the next stage is late for the time to ask, and is said so; a late complaint, for the
        // 12 months.
        const late = renderStaffNotification({ journey, submission: { ...submission("en"), flags: [...submission("en").flags, "late"] }, detail: "summary", council, t: recordingT("en", [journey.id, "emails", "common"], missing) });
        expect(late.text).toContain(journey.asksForNextStage ? "LATE: They asked after the usual time to ask for the next stage had passed." : "LATE: It happened more than 12 months ago.");
        // Such a request is promised the council's decision on it, within the time a complaint is acknowledged, not
        // the stage's reply (decision 090): the team is told that rule, and the person that promise, in their language.
        if (journey.asksForNextStage && journey.replyPromise(answers)) {
          const decideBy = replyBy("late-request")!;
          const lateRequest = (language: string): StoredSubmission => ({ ...submission(language), flags: [...submission(language).flags, "late"], replyBy: decideBy });
          const staffLate = renderStaffNotification({ journey, submission: lateRequest("en"), detail: "summary", council, t: recordingT("en", [journey.id, "emails", "common"], missing) });
          expect(decideBy).toBe("2026-12-03");
          expect(staffLate.text).toContain("Reply by Thursday, 3 December 2026 (asked after the time to ask: decide whether to take it, and tell them within 5 working days).");
          for (const language of supportedLanguages) {
            const acknowledgement = renderAcknowledgement({ journey, submission: lateRequest(language), council, publicUrl: "https://complaints.example.org", t: recordingT(language, [journey.id, "emails", "common"], missing) });
            const words = (resources[language]?.[journey.id]?.confirmation as { replyBy_late: string; replyBy: string });
            expect(acknowledgement.text, language).toContain(words.replyBy_late.replace("{{replyBy}}", formatLongDate(decideBy, language)));
            expect(acknowledgement.text, language).not.toContain(words.replyBy.replace("{{replyBy}}", formatLongDate(decideBy, language)));
          }
        }
      });

      it("leaves an anonymous statistics row", () => {
        const statistics = journey.statisticsOf(answers);
        expect(statistics.role === null || (complainantRoles as readonly string[]).includes(statistics.role)).toBe(true);
        for (const value of Object.values(statistics.facts)) expect(["string", "number", "boolean"].includes(typeof value) || value === null).toBe(true);
        // Nothing the person typed about themselves is a statistic (a language they named, lower-cased, may be).
        const typedFields = new Set(journey.pages.flatMap((page) => allFields(page.fields)).filter((f) => (f.kind === "text" && f.name !== "language") || f.kind === "textarea").map((f) => f.name));
        const typed = Object.values(answers).flatMap((answer) => Object.entries(answer)).filter(([name, v]) => typedFields.has(name) && typeof v === "string" && v !== "").map(([, v]) => v);
        for (const value of Object.values(statistics.facts)) expect(typed).not.toContain(value);
      });
    });
  }

  it("has words for every error each page can give, in every language", () => {
    const missing: string[] = [];
    for (const page of journey.pages) {
      for (const [field, codes] of Object.entries(pageErrorCodes(page))) {
        for (const code of codes) {
          for (const language of supportedLanguages) {
            const key = `pages.${page.id}.fields.${field}.errors.${code}`;
            if (!hasWords(language, journey.id, key)) missing.push(`${language} ${journey.id}:${key}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives only the error codes its pages declare, whatever is posted", () => {
    for (const page of journey.pages) {
      const declared = pageErrorCodes(page);
      const names = allFields(page.fields).flatMap((field) => (field.kind === "date" ? ["day", "month", "year"].map((part) => `${field.name}-${part}`) : [field.name]));
      const options = allFields(page.fields).flatMap((field) => (field.kind === "radios" || field.kind === "checkboxes" ? field.options.map((o) => o.value) : []));
      // The evidence page has no fields: its answers are files (app/evidence), checked by the upload handler.
      if (!names.length) {
        expect(page.evidence, page.id).toBe(true);
        continue;
      }
      const value = fc.oneof(fc.constantFrom("", " ", "yes", "no", "0", "13", "2999", "1899", "a".repeat(7000), "\u0000", "x@y", "07700 900982", ...options), fc.string({ maxLength: 40 }));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...names), fc.oneof(value, fc.array(value, { maxLength: 3 }))), (posted) => {
          const result = pageSchema(page, { today }).safeParse(posted);
          if (result.success) return;
          for (const issue of result.error.issues) {
            const target = String(issue.path[0]);
            const field = allFields(page.fields).find((f) => f.kind === "date" && target.startsWith(`${f.name}-`))?.name ?? target;
            expect(declared[field] ?? [], `${journey.id}/${page.id} ${field}: ${issue.message}`).toContain(issue.message);
          }
        }),
        { numRuns: 200 },
      );
    }
  });
});
