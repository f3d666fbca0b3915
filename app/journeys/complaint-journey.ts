// The complaint journey: the statutory children's social care and public health complaint, as data.
import { z } from "zod";
import { choice, optionalLine, optionalText, posted, requiredLine, requiredText, wholeNumber, checkboxValues } from "./field-schemas";
import type { Journey, QuestionPage, RoutingFlag } from "./journey-types";
import { listOf, textOf } from "./journey-engine";
import { isMoreThanTwelveMonthsAgo, monthYearDateSchema, readMonthYearDate } from "./month-year-date";
import type { JourneyAnswers } from "./session-data";
import { afterContact, choiceWithDetails, contactPage, isYoungPerson, safeContactPage, safePostPage, servicePage, whoAreYouPage, yourNamePage } from "./shared-pages";

export const replyFormats = ["standard", "large-print", "braille", "easy-read", "audio", "another-language", "bsl"] as const;

const isAboutAChild = (answers: JourneyAnswers) => textOf(answers, "about-who", "about") === "a-child";

export function isLateComplaint(answers: JourneyAnswers, today: string): boolean {
  if (listOf(answers, "when", "still-happening").includes("yes")) return false;
  const date = readMonthYearDate(answers.when ?? {}, "when");
  return date !== null && isMoreThanTwelveMonthsAgo(date, today);
}

const pages: QuestionPage[] = [
  servicePage(() => "who-are-you"),
  whoAreYouPage((answers) => (isYoungPerson(answers) ? "your-age" : "about-who")),
  {
    id: "your-age",
    section: "about",
    fields: [{ kind: "text", name: "age", inputMode: "numeric", widthClass: "govuk-input--width-3", autocomplete: "off" }],
    schema: () => z.object({ age: wholeNumber(5, 25) }),
    next: () => "about-who",
  },
  {
    id: "about-who",
    section: "about",
    fields: [{ kind: "radios", name: "about", options: [{ value: "me" }, { value: "a-child" }] }],
    schema: () => z.object({ about: choice(["me", "a-child"]) }),
    next: (answers) => (isAboutAChild(answers) ? "child-details" : "what-happened"),
  },
  {
    id: "child-details",
    section: "about",
    fields: [
      { kind: "text", name: "child-name", autocomplete: "off", spellcheck: false, widthClass: "govuk-!-width-one-half" },
      { kind: "text", name: "child-age", inputMode: "numeric", widthClass: "govuk-input--width-3", autocomplete: "off" },
    ],
    schema: () => z.object({ "child-name": requiredLine(100), "child-age": wholeNumber(0, 25) }),
    next: () => "child-agrees",
  },
  {
    id: "child-agrees",
    section: "about",
    fields: [{ kind: "radios", name: "agrees", options: [{ value: "yes" }, { value: "no" }, { value: "too-young" }] }],
    schema: () => z.object({ agrees: choice(["yes", "no", "too-young"]) }),
    next: (answers) => (isYoungPerson(answers) ? "what-happened" : "parental-responsibility"),
  },
  {
    id: "parental-responsibility",
    section: "about",
    fields: [{ kind: "radios", name: "parental-responsibility", options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    schema: () => z.object({ "parental-responsibility": choice(["yes", "no", "not-sure"]) }),
    next: () => "what-happened",
  },
  {
    id: "what-happened",
    section: "complaint",
    fields: [{ kind: "textarea", name: "what-happened", maxLength: 6000, rows: 8, characterCount: true }],
    schema: () => z.object({ "what-happened": requiredText(6000) }),
    next: () => "when",
    extras: ["danger-now"],
  },
  {
    id: "when",
    section: "complaint",
    fields: [
      { kind: "date", name: "when" },
      { kind: "checkboxes", name: "still-happening", options: [{ value: "yes" }], optional: true },
    ],
    schema: (context) => {
      // Made here, once a day, not in the transform: zod compiles each new object schema on its first parse.
      const stillSchema = checkboxValues(["yes"]);
      const dateSchema = { ongoing: monthYearDateSchema("when", context.today, false), ended: monthYearDateSchema("when", context.today, true) };
      return z.record(z.string(), z.unknown()).transform((values, ctx) => {
        const still = stillSchema.safeParse(values["still-happening"]);
        const stillHappening = still.success && still.data.includes("yes");
        const date = dateSchema[stillHappening ? "ongoing" : "ended"].safeParse(values);
        if (!date.success) {
          for (const issue of date.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
          return z.NEVER;
        }
        return { ...date.data, "still-happening": stillHappening ? ["yes"] : [] };
      });
    },
    next: (answers, today) => (isLateComplaint(answers, today) ? "why-now" : "put-right"),
    headingField: "when",
    extras: [],
  },
  {
    id: "why-now",
    section: "complaint",
    fields: [{ kind: "textarea", name: "why-now", maxLength: 2000, rows: 5, characterCount: true }],
    schema: () => z.object({ "why-now": requiredText(2000) }),
    next: () => "put-right",
    extras: ["late-explanation"],
  },
  {
    id: "put-right",
    section: "complaint",
    fields: [{ kind: "textarea", name: "put-right", maxLength: 2000, rows: 5, characterCount: true, optional: true }],
    schema: () => z.object({ "put-right": optionalText(2000) }),
    next: () => "complained-before",
  },
  {
    id: "complained-before",
    section: "complaint",
    fields: [
      {
        kind: "radios",
        name: "before",
        options: [
          { value: "no" },
          { value: "yes", conditional: [{ kind: "text", name: "before-reference", optional: true, autocomplete: "off", spellcheck: false, widthClass: "govuk-input--width-20" }] },
        ],
      },
    ],
    schema: () => choiceWithDetails("before", ["no", "yes"], { yes: { "before-reference": optionalLine(40) } }),
    next: () => "advocate",
    extras: ["escalate-offer"],
  },
  {
    id: "advocate",
    section: "support",
    fields: [{ kind: "radios", name: "advocate", options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    schema: () => z.object({ advocate: choice(["yes", "no", "not-sure"]) }),
    next: () => "reply-format",
    variant: (answers) => (isAboutAChild(answers) && !isYoungPerson(answers) ? "forChild" : undefined),
    extras: ["advocate-explained"],
  },
  {
    id: "reply-format",
    headingField: "format",
    section: "support",
    fields: [
      {
        kind: "radios",
        name: "format",
        options: replyFormats.map((value) =>
          value === "another-language"
            ? { value, conditional: [{ kind: "text", name: "language", autocomplete: "off", widthClass: "govuk-!-width-one-half" }] }
            : { value },
        ),
      },
      { kind: "textarea", name: "other-help", maxLength: 1000, rows: 3, optional: true },
    ],
    schema: () => {
      const languageSchema = requiredLine(80);
      return z
        .object({ format: choice(replyFormats), language: posted, "other-help": optionalText(1000) })
        .transform((value, ctx) => {
          const kept: Record<string, string> = { format: value.format, "other-help": value["other-help"] };
          if (value.format === "another-language") {
            const language = languageSchema.safeParse(value.language);
            if (!language.success) {
              ctx.addIssue({ code: "custom", path: ["language"], message: language.error.issues[0]?.message ?? "required" });
              return z.NEVER;
            }
            kept.language = language.data;
          }
          return kept;
        });
    },
    next: () => "your-name",
  },
  yourNamePage(() => "contact"),
  contactPage(afterContact),
  safeContactPage(() => null),
  safePostPage(() => null),
];

/** The flags a complaint carries, in the order a triaging team reads them. */
export function complaintFlags(answers: JourneyAnswers, today: string): RoutingFlag[] {
  const flags: RoutingFlag[] = [];
  if (textOf(answers, "advocate", "advocate") === "yes") flags.push("advocate");
  const format = textOf(answers, "reply-format", "format");
  if (format && format !== "standard") flags.push("another-format");
  if (isLateComplaint(answers, today)) flags.push("late");
  const age = Number(textOf(answers, "your-age", "age"));
  if (isYoungPerson(answers) && age > 0 && age < 18) flags.push("under-18");
  return flags;
}

export const complaintJourney: Journey = {
  id: "complaint",
  kind: "complaint",
  serviceOf: (answers) => textOf(answers, "service", "service") || null,
  flagsOf: complaintFlags,
  namespace: "complaint",
  referencePrefix: "C",
  submissionType: "complaint.submitted",
  schemaVersion: 1,
  firstPage: "service",
  pages,
  replyWithinWorkingDays: () => 10,
};
