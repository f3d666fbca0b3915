// Ask for an advocate: an independent person who helps a child or young person be heard.
import { z } from "zod";
import { choice, optionalChoice, optionalText, requiredLine, wholeNumber } from "./field-schemas";
import { textOf } from "./journey-engine";
import type { Journey, QuestionPage, RoutingFlag } from "./journey-types";
import type { JourneyAnswers } from "./session-data";
import { afterContact, contactPage, safeContactPage, safePostPage, yourNamePage } from "./shared-pages";

const forAChild = (answers: JourneyAnswers) => textOf(answers, "for-whom", "for-whom") === "a-child";
const variant = (answers: JourneyAnswers) => (forAChild(answers) ? "forChild" : undefined);

const pages: QuestionPage[] = [
  {
    id: "for-whom",
    section: "about",
    fields: [{ kind: "radios", name: "for-whom", options: [{ value: "me" }, { value: "a-child" }] }],
    schema: () => z.object({ "for-whom": choice(["me", "a-child"]) }),
    next: () => "young-person",
    extras: ["advocate-explained"],
  },
  {
    id: "young-person",
    section: "about",
    variant,
    fields: [
      { kind: "text", name: "child-name", autocomplete: "off", spellcheck: false, widthClass: "govuk-!-width-one-half" },
      { kind: "text", name: "child-age", inputMode: "numeric", widthClass: "govuk-input--width-3", autocomplete: "off" },
    ],
    schema: () => z.object({ "child-name": requiredLine(100), "child-age": wholeNumber(0, 25) }),
    next: (answers) => (forAChild(answers) ? "agrees" : "help-with"),
  },
  {
    id: "agrees",
    section: "about",
    fields: [{ kind: "radios", name: "agrees", options: [{ value: "yes" }, { value: "no" }, { value: "too-young" }] }],
    schema: () => z.object({ agrees: choice(["yes", "no", "too-young"]) }),
    next: () => "help-with",
  },
  {
    id: "help-with",
    section: "help",
    variant,
    fields: [{ kind: "textarea", name: "help-with", maxLength: 2000, rows: 5, characterCount: true, optional: true }],
    schema: () => z.object({ "help-with": optionalText(2000) }),
    next: () => "social-worker",
  },
  {
    id: "social-worker",
    section: "help",
    variant,
    fields: [{ kind: "radios", name: "social-worker", optional: true, options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    schema: () => z.object({ "social-worker": optionalChoice(["yes", "no", "not-sure"]) }),
    next: (answers) => (forAChild(answers) ? "your-name" : "contact"),
  },
  yourNamePage(() => "contact"),
  // An advocate has to be able to reach them, so "Do not contact me" is not offered here.
  contactPage(afterContact, { allowNone: false }),
  safeContactPage(() => null),
  safePostPage(() => null),
];

export function advocateFlags(answers: JourneyAnswers): RoutingFlag[] {
  const age = Number(textOf(answers, "young-person", "child-age"));
  return textOf(answers, "young-person", "child-age") !== "" && age < 18 ? ["advocate", "under-18"] : ["advocate"];
}

export const advocateJourney: Journey = {
  id: "advocate",
  kind: "advocate",
  namespace: "advocate",
  referencePrefix: "A",
  submissionType: "advocate.requested",
  schemaVersion: 1,
  firstPage: "for-whom",
  pages,
  serviceOf: () => "childrens-social-care",
  flagsOf: advocateFlags,
  // The advocacy service's own promise: an advocate gets in touch within 5 working days.
  replyWithinWorkingDays: () => 5,
};
