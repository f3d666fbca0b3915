// Say thank you: compliments tell the council what good looks like, and may be anonymous.
import { z } from "zod";
import { choice, optionalLine, requiredText } from "./field-schemas";
import { textOf } from "./journey-engine";
import type { Journey, QuestionPage } from "./journey-types";
import { afterContact, contactPage, safeContactPage, safePostPage, servicePage, whoAreYouPage, yourNamePage } from "./shared-pages";

const pages: QuestionPage[] = [
  servicePage(() => "about-whom"),
  {
    id: "about-whom",
    section: "compliment",
    fields: [{ kind: "text", name: "about-whom", optional: true, autocomplete: "off" }],
    schema: () => z.object({ "about-whom": optionalLine(200) }),
    next: () => "message",
  },
  {
    id: "message",
    section: "compliment",
    fields: [{ kind: "textarea", name: "message", maxLength: 3000, rows: 8, characterCount: true }],
    schema: () => z.object({ message: requiredText(3000) }),
    next: () => "who-are-you",
  },
  whoAreYouPage(() => "pass-on", { optional: true }),
  {
    id: "pass-on",
    section: "permission",
    fields: [{ kind: "radios", name: "pass-on", inline: true, options: [{ value: "yes" }, { value: "no" }] }],
    schema: () => z.object({ "pass-on": choice(["yes", "no"]) }),
    next: () => "annual-report",
  },
  {
    id: "annual-report",
    section: "permission",
    fields: [{ kind: "radios", name: "annual-report", inline: true, options: [{ value: "yes" }, { value: "no" }] }],
    schema: () => z.object({ "annual-report": choice(["yes", "no"]) }),
    next: () => "your-name",
  },
  yourNamePage(() => "contact"),
  contactPage(afterContact),
  safeContactPage(() => null),
  safePostPage(() => null),
];

export const complimentJourney: Journey = {
  id: "compliment",
  kind: "compliment",
  namespace: "compliment",
  referencePrefix: "T",
  submissionType: "compliment.submitted",
  schemaVersion: 1,
  firstPage: "service",
  pages,
  serviceOf: (answers) => textOf(answers, "service", "service") || null,
  flagsOf: () => [],
  replyWithinWorkingDays: () => null,
};
