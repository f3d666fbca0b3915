// Questions more than one journey asks, defined once: who you are, how to contact you, whether it is safe. Every
// journey that asks how to reach someone asks the same safety questions, in the same words (common.json's
// `safety` words are not used here: each journey's locale holds the pages, and the locale test checks the
// safety pages' words are the same in every journey).
import type { Field, FieldOption, PersonContact, QuestionPage } from "./journey-types";
import { complainantRoles } from "~/cases/case-record";
import { emailAddress, line, ukMobileNumber, ukPhoneNumber, ukPostcode, wholeNumber } from "./field-schemas";
import { listOf, textOf } from "./journey-engine";
import { isoOf, upcomingDate } from "./month-year-date";
import type { JourneyAnswers } from "./session-data";

export const services = ["childrens-social-care", "public-health", "not-sure"] as const;

export const roles = complainantRoles;
export type Role = (typeof roles)[number];

export const contactMethods = ["email", "phone", "text", "post", "none"] as const;

export function servicePage(next: QuestionPage["next"], { section = "about", prefill }: { section?: string; prefill?: "viewed-case-service" } = {}): QuestionPage {
  return {
    id: "service",
    section,
    fields: [
      {
        kind: "radios",
        name: "service",
        options: [
          { value: "childrens-social-care" },
          { value: "public-health" },
          { value: "not-sure", dividerBefore: true, conditionalInfo: true },
        ],
        ...(prefill ? { prefill } : {}),
      },
    ],
    next,
  };
}

/** "Who are you?" is required in a complaint and optional in a compliment. */
export function whoAreYouPage(next: QuestionPage["next"], { optional = false }: { optional?: boolean } = {}): QuestionPage {
  return {
    id: "who-are-you",
    section: "about",
    fields: [
      {
        kind: "radios",
        name: "role",
        optional,
        options: roles.map((value) =>
          value === "someone-else" ? { value, conditional: [{ kind: "text", name: "role-other", rule: line(200), autocomplete: "off" }] } : { value },
        ),
      },
    ],
    next,
  };
}

export const isYoungPerson = (answers: JourneyAnswers) => textOf(answers, "who-are-you", "role") === "child-or-young-person";

/** The person's role, when they said (for statistics: "someone else" is counted as such, never what they typed). */
export function roleOf(answers: JourneyAnswers): Role | null {
  const role = textOf(answers, "who-are-you", "role");
  return (roles as readonly string[]).includes(role) ? (role as Role) : null;
}

/** A child's name and age, asked by the complaint and the advocate journeys. */
/** A child's first name and age; `ownWithoutVariant` when the page without a variant asks for the person's own. */
export function childDetailsFields({ ownWithoutVariant = false }: { ownWithoutVariant?: boolean } = {}): Field[] {
  return [
    {
      kind: "text",
      name: "child-name",
      rule: line(100),
      autocomplete: "off",
      ...(ownWithoutVariant ? { autocompleteByVariant: { "": "given-name" } } : {}),
      spellcheck: false,
      widthClass: "govuk-!-width-one-half",
    },
    { kind: "text", name: "child-age", rule: wholeNumber(0, 25), inputMode: "numeric", widthClass: "govuk-input--width-3", autocomplete: "off" },
  ];
}

/** GOV.UK's address pattern: separate lines, with autocomplete, and the postcode checked. */
export const addressFields: Field[] = [
  { kind: "text", name: "address-line-1", rule: line(120), autocomplete: "address-line1" },
  { kind: "text", name: "address-line-2", rule: line(120), autocomplete: "address-line2", optional: true },
  { kind: "text", name: "address-town", rule: line(80), autocomplete: "address-level2", widthClass: "govuk-!-width-two-thirds" },
  { kind: "text", name: "address-postcode", rule: ukPostcode, autocomplete: "postal-code", widthClass: "govuk-input--width-10" },
];

/** The language someone asks for, shown when they choose "another language" (a reply's format, or information's). */
export const anotherLanguageField: Field = { kind: "text", name: "language", rule: line(80), autocomplete: "off", widthClass: "govuk-!-width-one-half", names: "language" };

export const emailField: Field = { kind: "text", name: "email", rule: emailAddress, inputType: "email", autocomplete: "email", spellcheck: false };

const contactDetailFields: Record<Exclude<(typeof contactMethods)[number], "none">, Field[]> = {
  email: [emailField],
  phone: [{ kind: "text", name: "phone", rule: ukPhoneNumber, inputType: "tel", autocomplete: "tel", widthClass: "govuk-input--width-20" }],
  text: [{ kind: "text", name: "mobile", rule: ukMobileNumber, inputType: "tel", autocomplete: "tel", widthClass: "govuk-input--width-20" }],
  post: addressFields,
};

/** "Do not contact me" is offered where a reply is not essential; an advocate request needs a way to reach them. */
export function contactPage(next: QuestionPage["next"], { allowNone = true }: { allowNone?: boolean } = {}): QuestionPage {
  const methods = allowNone ? contactMethods : (["email", "phone", "text", "post"] as const);
  return {
    id: "contact",
    section: "you",
    fields: [
      {
        kind: "radios",
        name: "method",
        options: methods.map((value): FieldOption => (value === "none" ? { value, dividerBefore: true } : { value, conditional: contactDetailFields[value] })),
      },
    ],
    next,
    extras: allowNone ? ["no-contact-warning"] : [],
  };
}

/** After how to contact them (or how to send them something): the safety questions that fit the way. */
export function safetyPageFor(method: string): "safe-contact" | "safe-post" | null {
  if (method === "email" || method === "phone" || method === "text") return "safe-contact";
  if (method === "post") return "safe-post";
  return null;
}

export function afterContact(answers: JourneyAnswers): string | null {
  return safetyPageFor(textOf(answers, "contact", "method"));
}

/** For letters: whether the envelope may say who it is from, for someone whose post may be opened by others. */
export function safePostPage(next: QuestionPage["next"], { section = "you" }: { section?: string } = {}): QuestionPage {
  return {
    id: "safe-post",
    section,
    fields: [{ kind: "radios", name: "say-council", options: [{ value: "yes" }, { value: "no" }] }],
    next,
  };
}

export function safeContactPage(next: QuestionPage["next"], { section = "you" }: { section?: string } = {}): QuestionPage {
  return {
    id: "safe-contact",
    section,
    fields: [
      { kind: "text", name: "safe-times", rule: line(300), optional: true, autocomplete: "off" },
      { kind: "radios", name: "leave-message", inline: true, options: [{ value: "yes" }, { value: "no" }] },
      { kind: "radios", name: "say-council", inline: true, options: [{ value: "yes" }, { value: "no" }] },
    ],
    next,
  };
}

/** "What is your name?", optional: nobody has to give their name to complain, thank or ask. */
export function yourNamePage(next: QuestionPage["next"], { optional = true, section = "you" }: { optional?: boolean; section?: string } = {}): QuestionPage {
  return {
    id: "your-name",
    section,
    fields: [{ kind: "text", name: "full-name", rule: line(200), autocomplete: "name", spellcheck: false, optional }],
    next,
  };
}

const yesNo = (value: string): "yes" | "no" | null => (value === "yes" || value === "no" ? value : null);

/** The safety answers, from whichever of the two safety pages the person was asked. */
export function safetyOf(answers: JourneyAnswers): PersonContact["safety"] {
  const safeTimes = textOf(answers, "safe-contact", "safe-times");
  return {
    sayCouncil: yesNo(textOf(answers, "safe-contact", "say-council") || textOf(answers, "safe-post", "say-council")),
    leaveMessage: yesNo(textOf(answers, "safe-contact", "leave-message")),
    safeTimes: safeTimes || null,
  };
}

/** The address lines as they would go on an envelope. */
export function addressOf(answer: Record<string, unknown> | undefined): string[] | null {
  if (!answer) return null;
  const lines = ["address-line-1", "address-line-2", "address-town", "address-postcode"].map((name) => answer[name]).filter((v): v is string => typeof v === "string" && v !== "");
  return lines.length ? lines : null;
}

/** How to reach the person, for journeys that ask the shared "How should we contact you?" question. */
export function contactFromContactPage(answers: JourneyAnswers): PersonContact {
  const method = textOf(answers, "contact", "method");
  const known = (["email", "phone", "text", "post", "none"] as const).find((m) => m === method) ?? "none";
  return {
    method: known,
    email: known === "email" ? textOf(answers, "contact", "email") || null : null,
    phone: known === "phone" ? textOf(answers, "contact", "phone") || null : known === "text" ? textOf(answers, "contact", "mobile") || null : null,
    address: known === "post" ? addressOf(answers.contact) : null,
    safety: safetyOf(answers),
  };
}

/** The name the person gave, and a child's, for initials in quotations. */
export function namesFromAnswers(answers: JourneyAnswers): string[] {
  return Object.values(answers)
    .flatMap((answer) => [answer["full-name"], answer["child-name"], answer["complainant-name"]])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

/**
 * "Is something about to happen that you want us to stop or wait for?" (Getting the Best from Complaints, 6.5.2: a
 * council should consider pausing a decision while a complaint about it is looked at). Yes makes the submission
 * urgent. Asked in the complaint and the escalation journeys, in the same words.
 */
export function aboutToHappenPage(next: QuestionPage["next"], { section }: { section: string }): QuestionPage {
  return {
    id: "about-to-happen",
    section,
    headingField: "about-to-happen",
    fields: [
      {
        kind: "radios",
        name: "about-to-happen",
        options: [
          {
            value: "yes",
            conditional: [
              { kind: "textarea", name: "what-happens", maxLength: 500, rows: 3, characterCount: true },
              { kind: "date", name: "happens-on", rule: upcomingDate, optional: true },
              { kind: "checkboxes", name: "happens-unknown", optional: true, onlyWhenTicked: true, options: [{ value: "yes" }] },
            ],
          },
          { value: "no" },
        ],
      },
    ],
    // The day is needed unless they said they do not know it; a day and "I don't know" together say two things.
    crossCheck: {
      codes: { "happens-on": ["required", "both"] },
      check: (answer) => {
        if (answer["about-to-happen"] !== "yes") return [];
        const unknown = listOf({ page: answer }, "page", "happens-unknown").includes("yes");
        if (!answer["happens-on-day"] && !unknown) return [["happens-on-day", "required"]];
        if (answer["happens-on-day"] && unknown) return [["happens-on-day", "both"]];
        return [];
      },
    },
    next,
  };
}

/** Something about to happen that the person wants stopped or waited for, and when (null when they do not know). */
export function urgencyFromAboutToHappen(answers: JourneyAnswers): { by: string | null } | null {
  const answer = answers["about-to-happen"];
  if (answer?.["about-to-happen"] !== "yes") return null;
  const [day, month, year] = ["happens-on-day", "happens-on-month", "happens-on-year"].map((name) => Number(answer[name]));
  return { by: day && month && year ? isoOf({ day, month, year }) : null };
}

/**
 * "Do you have anything to show us?": letters, photos, screenshots, attached to the run and sent with it
 * (app/evidence). Optional: continuing with nothing attached answers it. Its words are common.json's
 * `pages.evidence` and `evidence`, the same in every journey that asks.
 */
export function evidencePage(next: QuestionPage["next"], { section }: { section: string }): QuestionPage {
  return { id: "evidence", section, fields: [], evidence: true, next };
}

/** Whether a journey takes files, and on which page. */
export function evidencePageOf(journey: { pages: readonly QuestionPage[] }): QuestionPage | null {
  return journey.pages.find((page) => page.evidence) ?? null;
}
