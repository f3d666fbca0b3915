// Take a complaint to the next stage: a stage 2 investigation, or a stage 3 review panel.
import { z } from "zod";
import { isPublicHealth, nextStagePromise } from "~/cases/timetable";
import { parseReference } from "~/reference";
import { complaintJourney } from "./complaint-journey";
import { checkboxSchema, line, posted } from "./field-schemas";
import type { RoutingFlag } from "./flags";
import { listOf, textOf } from "./journey-engine";
import type { Journey, QuestionPage } from "./journey-types";
import { pastMonthYear } from "./month-year-date";
import type { JourneyAnswers } from "./session-data";
import { aboutToHappenPage, afterContact, contactFromContactPage, urgencyFromAboutToHappen, contactPage, evidencePage, namesFromAnswers, safeContactPage, safePostPage, servicePage, yourNamePage } from "./shared-pages";

const hasNoReference = (answers: JourneyAnswers) => listOf(answers, "reference", "no-reference").includes("yes");

/** References of complaints: those sent here, and those staff registered from a call or a letter. */
const complaintPrefixes = [complaintJourney.referencePrefix];

const pages: QuestionPage[] = [
  {
    id: "reference",
    section: "complaint",
    // The reference is the page's question: its label is the heading, and the tick box below is its way out.
    headingField: "reference",
    fields: [
      { kind: "text", name: "reference", rule: line(40), autocomplete: "off", spellcheck: false, widthClass: "govuk-input--width-20", prefill: "viewed-case-reference" },
      { kind: "checkboxes", name: "no-reference", optional: true, onlyWhenTicked: true, options: [{ value: "yes" }] },
    ],
    // The reference is checked with its check character, so a mistyped one gets a specific message at once.
    customSchema: {
      codes: { reference: ["required", "bad-character", "wrong-length", "unknown-prefix", "check-failed"] },
      build: () => {
        const noReferenceSchema = checkboxSchema(["yes"], true);
        return z.record(z.string(), z.unknown()).transform((values, ctx): Record<string, string | string[]> => {
          const noReference = noReferenceSchema.safeParse(values["no-reference"]);
          const parsed = parseReference(posted.parse(values.reference), complaintPrefixes);
          // Nothing typed that a reference could be made of (spaces, or characters that show nothing) is no reference.
          if (noReference.success && noReference.data.includes("yes") && !parsed.ok && parsed.reason === "empty") return { reference: "", "no-reference": ["yes"] };
          if (!parsed.ok) {
            ctx.addIssue({ code: "custom", path: ["reference"], message: parsed.reason === "empty" ? "required" : parsed.reason });
            return z.NEVER;
          }
          return { reference: parsed.reference, "no-reference": [] };
        });
      },
    },
    next: (answers) => (hasNoReference(answers) ? "original-complaint" : "service"),
  },
  {
    id: "original-complaint",
    section: "complaint",
    fields: [
      { kind: "text", name: "complainant-name", rule: line(200), autocomplete: "name", spellcheck: false },
      { kind: "date", name: "complained-when", rule: pastMonthYear },
    ],
    next: () => "service",
  },
  servicePage(() => "stage", { section: "complaint", prefill: "viewed-case-service" }),
  {
    id: "stage",
    section: "request",
    fields: [{ kind: "radios", name: "stage", options: [{ value: "stage-2" }, { value: "stage-3" }], prefill: "viewed-case-next-stage" }],
    next: () => "why",
  },
  {
    id: "why",
    section: "request",
    fields: [{ kind: "textarea", name: "why", maxLength: 6000, rows: 8, characterCount: true }],
    next: () => "evidence",
  },
  evidencePage(() => "about-to-happen", { section: "request" }),
  aboutToHappenPage(() => "advocate", { section: "request" }),
  {
    id: "advocate",
    section: "request",
    fields: [{ kind: "radios", name: "advocate", options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    next: (answers) => (hasNoReference(answers) ? "contact" : "your-name"),
    extras: ["advocate-explained"],
  },
  yourNamePage(() => "contact"),
  contactPage(afterContact),
  safeContactPage(() => null),
  safePostPage(() => null),
];

/** The stage the person picked on the form (stage 2 unless they picked 3). */
const stageAskedFor = (answers: JourneyAnswers): 2 | 3 => (textOf(answers, "stage", "stage") === "stage-3" ? 3 : 2);

/** Every request for the next stage is flagged so, for routing. */
const alwaysFlagged: readonly RoutingFlag[] = ["escalation"];

export function escalateFlags(answers: JourneyAnswers): RoutingFlag[] {
  return textOf(answers, "advocate", "advocate") === "yes" ? [...alwaysFlagged, "advocate"] : [...alwaysFlagged];
}

export const escalateJourney: Journey = {
  id: "escalate",
  event: "requested",
  referencePrefix: "E",
  schemaVersion: 1,
  firstPage: "reference",
  pages,
  serviceOf: (answers) => textOf(answers, "service", "service") || null,
  flagsOf: escalateFlags,
  namedFlags: alwaysFlagged,
  // Each stage has a statutory time (the timetable's): stage 2's investigation, and stage 3's panel, its report and
  // the council's response. Public health has one stage at the council: a request to look again is answered in that
  // stage's time.
  replyPromise: (answers) => (isPublicHealth(textOf(answers, "service", "service")) ? "complaint" : nextStagePromise(stageAskedFor(answers))),
  contactOf: contactFromContactPage,
  statisticsOf: (answers) => ({
    role: null,
    facts: { stage: textOf(answers, "stage", "stage") || null, advocate: textOf(answers, "advocate", "advocate") || null, withReference: !hasNoReference(answers) },
  }),
  namesOf: namesFromAnswers,
  urgencyOf: urgencyFromAboutToHappen,
  asksForNextStage: (answers) => ({ reference: textOf(answers, "reference", "reference") || null, stage: stageAskedFor(answers) }),
};
