// Ask for information in another format: large print, Braille, easy read, audio, another language or BSL.
import { z } from "zod";
import { emailAddress, optionalLine, requiredLine } from "./field-schemas";
import type { Journey, QuestionPage } from "./journey-types";
import { addressFields, addressSchemas, choiceWithDetails } from "./shared-pages";

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
          { value: "letter", conditional: [{ kind: "text", name: "letter-reference", optional: true, autocomplete: "off", spellcheck: false, widthClass: "govuk-input--width-20" }] },
          { value: "website" },
        ],
      },
    ],
    schema: () => choiceWithDetails("what", ["leaflet", "letter", "website"], { letter: { "letter-reference": optionalLine(60) } }),
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
          value === "another-language"
            ? { value, conditional: [{ kind: "text", name: "language", autocomplete: "off", widthClass: "govuk-!-width-one-half" }] }
            : { value },
        ),
      },
    ],
    schema: () => choiceWithDetails("format", formats, { "another-language": { language: requiredLine(80) } }),
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
          { value: "email", conditional: [{ kind: "text", name: "email", inputType: "email", autocomplete: "email", spellcheck: false }] },
          { value: "post", conditional: addressFields },
          { value: "collect", conditionalInfo: true },
        ],
      },
    ],
    schema: () => choiceWithDetails("delivery", ["email", "post", "collect"], { email: { email: emailAddress }, post: addressSchemas }),
    next: () => "your-name",
  },
  {
    id: "your-name",
    section: "delivery",
    fields: [{ kind: "text", name: "full-name", autocomplete: "name", spellcheck: false }],
    schema: () => z.object({ "full-name": requiredLine(200) }),
    next: () => null,
  },
];

export const otherFormatJourney: Journey = {
  id: "other-format",
  kind: "format",
  namespace: "other-format",
  referencePrefix: "F",
  submissionType: "format.requested",
  schemaVersion: 1,
  firstPage: "what-you-need",
  pages,
  serviceOf: () => null,
  flagsOf: () => ["another-format"],
  // The accessibility statement promises a reply within 10 working days.
  replyWithinWorkingDays: () => 10,
};
