// Ask for an advocate: an independent person who helps a child or young person be heard.
import { textOf } from "./journey-engine";
import type { RoutingFlag } from "./flags";
import type { Journey, QuestionPage } from "./journey-types";
import type { JourneyAnswers } from "./session-data";
import { afterContact, childDetailsFields, contactFromContactPage, contactPage, namesFromAnswers, safeContactPage, safePostPage, yourNamePage } from "./shared-pages";

const forAChild = (answers: JourneyAnswers) => textOf(answers, "for-whom", "for-whom") === "a-child";
const variant = (answers: JourneyAnswers) => (forAChild(answers) ? "forChild" : undefined);

const pages: QuestionPage[] = [
  {
    id: "for-whom",
    section: "about",
    fields: [{ kind: "radios", name: "for-whom", options: [{ value: "me" }, { value: "a-child" }] }],
    next: () => "young-person",
    extras: ["advocate-explained"],
  },
  {
    id: "young-person",
    section: "about",
    variant,
    // "About you" when the advocate is for the person themselves: their own first name, which browsers may fill in.
    fields: childDetailsFields({ ownWithoutVariant: true }),
    next: (answers) => (forAChild(answers) ? "agrees" : "help-with"),
  },
  {
    id: "agrees",
    section: "about",
    fields: [{ kind: "radios", name: "agrees", options: [{ value: "yes" }, { value: "no" }, { value: "too-young" }] }],
    next: () => "help-with",
  },
  {
    id: "help-with",
    section: "help",
    variant,
    fields: [{ kind: "textarea", name: "help-with", maxLength: 2000, rows: 5, characterCount: true, optional: true }],
    next: () => "social-worker",
  },
  {
    id: "social-worker",
    section: "help",
    variant,
    fields: [{ kind: "radios", name: "social-worker", optional: true, options: [{ value: "yes" }, { value: "no" }, { value: "not-sure" }] }],
    next: (answers) => (forAChild(answers) ? "your-name" : "contact"),
  },
  yourNamePage(() => "contact"),
  // An advocate has to be able to reach them, so "Do not contact me" is not offered here.
  contactPage(afterContact, { allowNone: false }),
  safeContactPage(() => null),
  safePostPage(() => null),
];

/** Every request for an advocate is flagged so, for the advocacy service's routing. */
const alwaysFlagged: readonly RoutingFlag[] = ["advocate"];

export function advocateFlags(answers: JourneyAnswers): RoutingFlag[] {
  const age = Number(textOf(answers, "young-person", "child-age"));
  return textOf(answers, "young-person", "child-age") !== "" && age < 18 ? [...alwaysFlagged, "under-18"] : [...alwaysFlagged];
}

export const advocateJourney: Journey = {
  id: "advocate",
  event: "requested",
  referencePrefix: "A",
  schemaVersion: 1,
  firstPage: "for-whom",
  pages,
  startPage: { order: 3 },
  serviceOf: () => "childrens-social-care",
  flagsOf: advocateFlags,
  namedFlags: alwaysFlagged,
  // The advocacy service's own promise: an advocate gets in touch within the timetable's working days.
  replyPromise: () => "advocate",
  contactOf: contactFromContactPage,
  statisticsOf: (answers) => ({ role: forAChild(answers) ? null : "child-or-young-person", facts: { forWhom: textOf(answers, "for-whom", "for-whom") || null } }),
  namesOf: namesFromAnswers,
};
