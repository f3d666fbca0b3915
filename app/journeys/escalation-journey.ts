// Take a complaint to the next stage: a stage 2 investigation, or a stage 3 review panel.
import { z } from "zod";
import { parseReference } from "~/reference";
import { checkboxValues, choice, posted, requiredLine, requiredText } from "./field-schemas";
import { listOf, textOf } from "./journey-engine";
import type { Journey, QuestionPage, RoutingFlag } from "./journey-types";
import { monthYearDateSchema } from "./month-year-date";
import type { JourneyAnswers } from "./session-data";
import { afterContact, contactPage, safeContactPage, safePostPage, servicePage, yourNamePage } from "./shared-pages";

const hasNoReference = (answers: JourneyAnswers) => listOf(answers, "reference", "no-reference").includes("yes");

/** The reference is checked with its check character, so a mistyped one gets a specific message at once. */
const noReferenceSchema = checkboxValues(["yes"]);
const referenceSchema = z.record(z.string(), z.unknown()).transform((values, ctx): Record<string, string | string[]> => {
  const noReference = noReferenceSchema.safeParse(values["no-reference"]);
  const typed = posted.parse(values.reference);
  if (noReference.success && noReference.data.includes("yes") && !typed.trim()) return { reference: "", "no-reference": ["yes"] };
  const parsed = parseReference(typed);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["reference"], message: parsed.reason === "empty" ? "required" : parsed.reason });
    return z.NEVER;
  }
  return { reference: parsed.reference, "no-reference": [] };
});

const pages: QuestionPage[] = [
  {
    id: "reference",
    section: "complaint",
    fields: [
      { kind: "text", name: "reference", autocomplete: "off", spellcheck: false, widthClass: "govuk-input--width-20" },
      { kind: "checkboxes", name: "no-reference", optional: true, options: [{ value: "yes" }] },
    ],
    schema: () => referenceSchema,
    next: (answers) => (hasNoReference(answers) ? "original-complaint" : "service"),
  },
  {
    id: "original-complaint",
    section: "complaint",
    fields: [
      { kind: "text", name: "complainant-name", autocomplete: "name", spellcheck: false },
      { kind: "date", name: "complained-when" },
    ],
    schema: (context) => {
      const nameSchema = requiredLine(200);
      const dateSchema = monthYearDateSchema("complained-when", context.today, true);
      return z.record(z.string(), z.unknown()).transform((values, ctx): Record<string, string> => {
        const name = nameSchema.safeParse(values["complainant-name"]);
        const date = dateSchema.safeParse(values);
        if (!name.success) ctx.addIssue({ code: "custom", path: ["complainant-name"], message: name.error.issues[0]?.message ?? "required" });
        if (!date.success) for (const issue of date.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        if (!name.success || !date.success) return z.NEVER;
        return { "complainant-name": name.data, ...date.data };
      });
    },
    next: () => "service",
  },
  servicePage(() => "stage"),
  {
    id: "stage",
    section: "request",
    fields: [{ kind: "radios", name: "stage", options: [{ value: "stage-2" }, { value: "stage-3" }] }],
    schema: () => z.object({ stage: choice(["stage-2", "stage-3"]) }),
    next: () => "why",
  },
  {
    id: "why",
    section: "request",
    fields: [{ kind: "textarea", name: "why", maxLength: 6000, rows: 8, characterCount: true }],
    schema: () => z.object({ why: requiredText(6000) }),
    next: () => "advocate",
  },
  {
    id: "advocate",
    section: "request",
    fields: [{ kind: "radios", name: "advocate", options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    schema: () => z.object({ advocate: choice(["yes", "no", "not-sure"]) }),
    next: (answers) => (hasNoReference(answers) ? "contact" : "your-name"),
    extras: ["advocate-explained"],
  },
  yourNamePage(() => "contact"),
  contactPage(afterContact),
  safeContactPage(() => null),
  safePostPage(() => null),
];

export function escalationFlags(answers: JourneyAnswers): RoutingFlag[] {
  return textOf(answers, "advocate", "advocate") === "yes" ? ["escalation", "advocate"] : ["escalation"];
}

export const escalationJourney: Journey = {
  id: "escalate",
  kind: "escalation",
  namespace: "escalate",
  referencePrefix: "E",
  submissionType: "escalation.requested",
  schemaVersion: 1,
  firstPage: "reference",
  pages,
  serviceOf: (answers) => textOf(answers, "service", "service") || null,
  flagsOf: escalationFlags,
  // Stage 2 has a statutory 65 working days; a stage 3 panel's date is arranged with the person.
  replyWithinWorkingDays: (answers) => (textOf(answers, "stage", "stage") === "stage-2" ? 65 : null),
};
