// Say thank you: compliments tell the council what good looks like, and may be anonymous.
import { line } from "./field-schemas";
import { textOf } from "./journey-engine";
import { namesIn } from "~/annual-report/initialise-names";
import type { Journey, QuestionPage } from "./journey-types";
import {
  afterContact,
  contactFromContactPage,
  contactPage,
  namesFromAnswers,
  roleOf,
  safeContactPage,
  safePostPage,
  servicePage,
  whoAreYouPage,
  yourNamePage,
} from "./shared-pages";

const pages: QuestionPage[] = [
  servicePage(() => "about-whom"),
  {
    id: "about-whom",
    section: "compliment",
    fields: [{ kind: "text", name: "about-whom", rule: line(200), optional: true, autocomplete: "off" }],
    next: () => "message",
  },
  {
    id: "message",
    section: "compliment",
    fields: [{ kind: "textarea", name: "message", maxLength: 3000, rows: 8, characterCount: true }],
    next: () => "who-are-you",
  },
  whoAreYouPage(() => "pass-on", { optional: true }),
  {
    id: "pass-on",
    section: "permission",
    fields: [{ kind: "radios", name: "pass-on", inline: true, options: [{ value: "yes" }, { value: "no" }] }],
    next: () => "annual-report",
  },
  {
    id: "annual-report",
    section: "permission",
    fields: [{ kind: "radios", name: "annual-report", inline: true, options: [{ value: "yes" }, { value: "no" }] }],
    next: () => "your-name",
  },
  yourNamePage(() => "contact"),
  contactPage(afterContact),
  safeContactPage(() => null),
  safePostPage(() => null),
];

export const complimentJourney: Journey = {
  id: "compliment",
  event: "submitted",
  referencePrefix: "T",
  schemaVersion: 1,
  firstPage: "service",
  pages,
  startPage: { order: 2 },
  serviceOf: (answers) => textOf(answers, "service", "service") || null,
  flagsOf: () => [],
  replyPromise: () => null,
  contactOf: contactFromContactPage,
  statisticsOf: (answers) => ({
    role: roleOf(answers),
    facts: { passOn: textOf(answers, "pass-on", "pass-on") || null, quote: textOf(answers, "annual-report", "annual-report") || null },
  }),
  // Whoever they thanked may be named ("Chloe Robinson") or described ("my social worker"): only its names count.
  namesOf: (answers) => [...namesFromAnswers(answers), ...namesIn(textOf(answers, "about-whom", "about-whom"))],
  quotationOf: (answers) => (textOf(answers, "annual-report", "annual-report") === "yes" ? textOf(answers, "message", "message") || null : null),
};
