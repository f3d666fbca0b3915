// The complaint journey: the statutory children's social care and public health complaint, as data.
import { line, wholeNumber } from "./field-schemas";
import type { RoutingFlag } from "./flags";
import type { Journey, QuestionPage } from "./journey-types";
import { listOf, textOf } from "./journey-engine";
import { isMoreThanTwelveMonthsAgo, pastMonthYear, readMonthYearDate } from "./month-year-date";
import type { JourneyAnswers } from "./session-data";
import {
  aboutToHappenPage,
  anotherLanguageField,
  afterContact,
  childDetailsFields,
  contactFromContactPage,
  contactPage,
  evidencePage,
  isYoungPerson,
  namesFromAnswers,
  roleOf,
  safeContactPage,
  safePostPage,
  servicePage,
  urgencyFromAboutToHappen,
  whoAreYouPage,
  yourNamePage,
} from "./shared-pages";

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
    fields: [{ kind: "text", name: "age", rule: wholeNumber(5, 25), inputMode: "numeric", widthClass: "govuk-input--width-3", autocomplete: "off" }],
    next: () => "about-who",
  },
  {
    id: "about-who",
    section: "about",
    fields: [{ kind: "radios", name: "about", options: [{ value: "me" }, { value: "a-child" }] }],
    next: (answers) => (isAboutAChild(answers) ? "child-details" : "what-happened"),
  },
  {
    id: "child-details",
    section: "about",
    fields: childDetailsFields(),
    next: () => "child-agrees",
  },
  {
    id: "child-agrees",
    section: "about",
    fields: [{ kind: "radios", name: "agrees", options: [{ value: "yes" }, { value: "no" }, { value: "too-young" }] }],
    next: (answers) => (isYoungPerson(answers) ? "what-happened" : "parental-responsibility"),
  },
  {
    id: "parental-responsibility",
    section: "about",
    fields: [{ kind: "radios", name: "parental-responsibility", options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    next: () => "what-happened",
  },
  {
    id: "what-happened",
    section: "complaint",
    fields: [{ kind: "textarea", name: "what-happened", maxLength: 6000, rows: 8, characterCount: true }],
    next: () => "about-to-happen",
    extras: ["danger-now"],
  },
  aboutToHappenPage(() => "when", { section: "complaint" }),
  {
    id: "when",
    section: "complaint",
    fields: [
      // Needed unless it is still happening (checked across the two fields below).
      { kind: "date", name: "when", rule: pastMonthYear, optional: true },
      { kind: "checkboxes", name: "still-happening", options: [{ value: "yes" }], optional: true },
    ],
    crossCheck: {
      codes: { when: ["required"] },
      check: (answer) => (!listOf({ when: answer }, "when", "still-happening").includes("yes") && !answer["when-month"] ? [["when-month", "required"]] : []),
    },
    next: (answers, today) => (isLateComplaint(answers, today) ? "why-now" : "put-right"),
    headingField: "when",
  },
  {
    id: "why-now",
    section: "complaint",
    fields: [{ kind: "textarea", name: "why-now", maxLength: 2000, rows: 5, characterCount: true }],
    next: () => "put-right",
    extras: ["late-explanation"],
  },
  {
    id: "put-right",
    section: "complaint",
    fields: [{ kind: "textarea", name: "put-right", maxLength: 2000, rows: 5, characterCount: true, optional: true }],
    next: () => "evidence",
  },
  evidencePage(() => "complained-before", { section: "complaint" }),
  {
    id: "complained-before",
    section: "complaint",
    fields: [
      {
        kind: "radios",
        name: "before",
        options: [
          { value: "no" },
          { value: "yes", conditional: [{ kind: "text", name: "before-reference", rule: line(40), optional: true, autocomplete: "off", spellcheck: false, widthClass: "govuk-input--width-20" }] },
        ],
      },
    ],
    next: () => "advocate",
    extras: ["escalate-offer"],
  },
  {
    id: "advocate",
    section: "support",
    fields: [{ kind: "radios", name: "advocate", options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
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
          value === "another-language" ? { value, conditional: [anotherLanguageField] } : { value },
        ),
      },
      { kind: "textarea", name: "other-help", maxLength: 1000, rows: 3, characterCount: true, optional: true },
    ],
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
  event: "submitted",
  referencePrefix: "C",
  schemaVersion: 1,
  firstPage: "service",
  pages,
  startPage: { order: 1, primary: true },
  serviceOf: (answers) => textOf(answers, "service", "service") || null,
  flagsOf: complaintFlags,
  replyPromise: () => "complaint",
  contactOf: contactFromContactPage,
  statisticsOf: (answers) => {
    const format = textOf(answers, "reply-format", "format");
    return {
      role: roleOf(answers),
      facts: {
        advocate: textOf(answers, "advocate", "advocate") || null,
        format: format && format !== "standard" ? format : null,
        language: format === "another-language" ? textOf(answers, "reply-format", "language").toLowerCase() || null : null,
      },
    };
  },
  namesOf: namesFromAnswers,
  urgencyOf: urgencyFromAboutToHappen,
  opensCase: (answers) => ({ advocateAsked: textOf(answers, "advocate", "advocate") === "yes" }),
};
