// Ask for information in another format: large print, Braille, easy read, audio, another language or BSL.
import { line } from "./field-schemas";
import { textOf } from "./journey-engine";
import type { Journey, PersonContact, QuestionPage } from "./journey-types";
import type { JourneyAnswers } from "./session-data";
import { addressFields, addressOf, anotherLanguageField, emailField, namesFromAnswers, safeContactPage, safePostPage, safetyOf, safetyPageFor, yourNamePage } from "./shared-pages";

export const formats = ["large-print", "braille", "easy-read", "audio", "another-language", "bsl"] as const;

const pages: QuestionPage[] = [
  {
    id: "what-you-need",
    section: "request",
    fields: [
      {
        kind: "radios",
        name: "what",
        options: [
          { value: "leaflet" },
          { value: "letter", conditional: [{ kind: "text", name: "letter-reference", rule: line(60), optional: true, autocomplete: "off", spellcheck: false, widthClass: "govuk-input--width-20" }] },
          { value: "website" },
        ],
      },
    ],
    next: () => "format",
  },
  {
    id: "format",
    section: "request",
    fields: [
      {
        kind: "radios",
        name: "format",
        options: formats.map((value) =>
          value === "another-language" ? { value, conditional: [anotherLanguageField] } : { value },
        ),
      },
    ],
    next: () => "delivery",
  },
  {
    id: "delivery",
    section: "delivery",
    fields: [
      {
        kind: "radios",
        name: "delivery",
        options: [
          { value: "email", conditional: [emailField] },
          { value: "post", conditional: addressFields },
          { value: "collect", conditionalInfo: true },
        ],
      },
    ],
    next: () => "your-name",
  },
  // Whatever we send says who it is from: the same safety questions as every other journey that reaches someone.
  yourNamePage((answers) => safetyPageFor(textOf(answers, "delivery", "delivery")), { optional: false, section: "delivery" }),
  safeContactPage(() => null, { section: "delivery" }),
  safePostPage(() => null, { section: "delivery" }),
];

function contactOf(answers: JourneyAnswers): PersonContact {
  const delivery = textOf(answers, "delivery", "delivery");
  const method = delivery === "email" || delivery === "post" || delivery === "collect" ? delivery : "none";
  return {
    method,
    email: method === "email" ? textOf(answers, "delivery", "email") || null : null,
    phone: null,
    address: method === "post" ? addressOf(answers.delivery) : null,
    safety: safetyOf(answers),
  };
}

export const otherFormatJourney: Journey = {
  id: "other-format",
  event: "requested",
  referencePrefix: "F",
  schemaVersion: 1,
  firstPage: "what-you-need",
  pages,
  startPage: { order: 4 },
  serviceOf: () => null,
  flagsOf: () => ["another-format"],
  // The accessibility statement's promise.
  replyPromise: () => "other-format",
  contactOf,
  statisticsOf: (answers) => {
    const format = textOf(answers, "format", "format");
    return {
      role: null,
      facts: {
        what: textOf(answers, "what-you-need", "what") || null,
        format: format || null,
        language: format === "another-language" ? textOf(answers, "format", "language").toLowerCase() || null : null,
      },
    };
  },
  namesOf: namesFromAnswers,
};
