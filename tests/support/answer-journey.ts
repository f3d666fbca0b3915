// Answers a journey as its persona would, page by page, through each page's own reading and checking of a post:
// the same steps the question route takes. A page the persona has no answer for is sent empty, as a person
// skipping an optional question does; a required one then fails, naming the page.
import { pageById, readPageValues, validatePage, walkJourney } from "../../app/journeys/journey-engine";
import type { Journey } from "../../app/journeys/journey-types";
import type { JourneyAnswers } from "../../app/journeys/session-data";
import type { Persona } from "./personas";

function formOf(values: Record<string, string | string[]> | undefined): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values ?? {})) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return form;
}

export function answerJourney(journey: Journey, persona: Persona, today: string): { answers: JourneyAnswers; route: string[] } {
  const answers: JourneyAnswers = {};
  const route: string[] = [];
  let id: string | null = journey.firstPage;
  while (id) {
    const page = pageById(journey, id);
    if (!page) throw new Error(`${journey.id} leads to an unknown page ${id}`);
    if (route.includes(id)) throw new Error(`${journey.id} visits ${id} twice`);
    route.push(id);
    const result = validatePage(page, readPageValues(page, formOf(persona.answers[id])), { today });
    if (!result.ok) throw new Error(`${persona.name}: no acceptable answer for ${journey.id}/${id}: ${result.errors.map((e) => e.messageKey).join(", ")}`);
    answers[id] = result.answer;
    id = page.next(answers, today);
  }
  const walked = walkJourney(journey, answers, { today });
  if (walked.firstUnanswered !== null) throw new Error(`${persona.name}: the walk stops at ${walked.firstUnanswered}`);
  return { answers, route };
}
