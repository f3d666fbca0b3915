// Walks a journey's pages from the answers given so far; the generic routes use it for every journey.
import type { Field, FieldView, Journey, PageContext, QuestionPage } from "./journey-types";
import { derivePageSchema } from "./page-schema";
import type { JourneyAnswers, PageAnswer } from "./session-data";

export type PageValues = Record<string, string | string[]>;

export interface FieldError {
  /** The id of the input the error summary links to. */
  href: string;
  /** The field the message is shown beside. */
  field: string;
  /** Locale key of the message, within the journey's namespace. */
  messageKey: string;
  /** Words the message is filled in with (a file's name, a limit), when it has any. */
  values?: Record<string, string | number>;
}

export function pageById(journey: Journey, id: string): QuestionPage | undefined {
  return journey.pages.find((page) => page.id === id);
}

/** Every field of a page, including those revealed under an option. */
export function allFields<F extends Field | FieldView>(fields: readonly F[]): F[] {
  return fields.flatMap((field): F[] =>
    field.kind === "radios" || field.kind === "checkboxes"
      ? [field, ...allFields(field.options.flatMap((option) => (option.conditional ?? []) as readonly F[]))]
      : [field],
  );
}

/** What the browser is sent of a page's fields, for the page's variant: how each is checked stays on the server. */
export function fieldViews(fields: readonly Field[], variant?: string, needed: ReadonlySet<string> = new Set()): FieldView[] {
  return fields.map((field): FieldView => viewOf(field, variant, needed));
}

/**
 * Fields a page's cross-check can say are missing ("required"): optional on their own, so their schema lets them be
 * empty, but not optional to the person, so their labels do not say "(optional)".
 */
export function neededByCheck(page: Pick<QuestionPage, "crossCheck">): ReadonlySet<string> {
  return new Set(Object.entries(page.crossCheck?.codes ?? {}).flatMap(([name, codes]) => (codes.includes("required") ? [name] : [])));
}

function viewOf(field: Field, variant: string | undefined, needed: ReadonlySet<string>): FieldView {
  if (field.optional && needed.has(field.name)) {
    const { optional: _optional, ...shown } = field;
    return viewOf(shown as Field, variant, needed);
  }
  switch (field.kind) {
    case "radios":
    case "checkboxes":
      return { ...field, options: field.options.map((option) => (option.conditional ? { ...option, conditional: fieldViews(option.conditional, variant, needed) } : option)) };
    case "text": {
      const { rule: _rule, autocompleteByVariant, ...view } = field;
      const autocomplete = autocompleteByVariant?.[variant ?? ""] ?? field.autocomplete;
      return autocomplete === undefined ? view : { ...view, autocomplete };
    }
    case "date": {
      const { rule: _rule, ...view } = field;
      return view;
    }
    default:
      return field;
  }
}

/** A posted form's fields, however the body was sent. */
export type FormFields = Pick<FormData, "get" | "getAll">;

/** Reads only the fields the page expects; anything else in the post is ignored. */
export function readPageValues(page: QuestionPage, form: FormFields): PageValues {
  const values: PageValues = {};
  const first = (name: string): string => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  for (const field of allFields(page.fields)) {
    if (field.kind === "checkboxes") {
      values[field.name] = form.getAll(field.name).filter((v): v is string => typeof v === "string");
    } else if (field.kind === "date") {
      for (const part of ["day", "month", "year"]) values[`${field.name}-${part}`] = first(`${field.name}-${part}`);
    } else {
      values[field.name] = first(field.name);
    }
  }
  return values;
}

export type ValidationResult = { ok: true; answer: PageAnswer } | { ok: false; errors: FieldError[] };

type PageSchema = ReturnType<typeof derivePageSchema>;
const schemas = new WeakMap<QuestionPage, { today: string; schema: PageSchema }>();

/** The page's schema for today, built once and reused until the date changes. */
export function pageSchema(page: QuestionPage, context: PageContext): PageSchema {
  const cached = schemas.get(page);
  if (cached && cached.today === context.today) return cached.schema;
  const schema = derivePageSchema(page, { today: context.today });
  schemas.set(page, { today: context.today, schema });
  return schema;
}

export function validatePage(page: QuestionPage, values: PageValues, context: PageContext): ValidationResult {
  const result = pageSchema(page, context).safeParse(values);
  if (result.success) return { ok: true, answer: result.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const target = String(issue.path[0] ?? page.fields[0]?.name ?? "");
    const field = fieldOfTarget(page, target);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ href: target, field, messageKey: `pages.${page.id}.fields.${field}.errors.${issue.message}` });
  }
  return { ok: false, errors };
}

/** A date's parts (`when-month`) report errors against the date field (`when`). */
function fieldOfTarget(page: QuestionPage, target: string): string {
  const date = allFields(page.fields).find((f) => f.kind === "date" && target.startsWith(`${f.name}-`));
  return date ? date.name : target;
}

export interface JourneyPosition {
  /** Pages on the route the answers lead along, in order, up to and including the first unanswered one. */
  route: string[];
  /** The first page on the route without a valid answer, or null when check answers can be shown. */
  firstUnanswered: string | null;
}

export function walkJourney(journey: Journey, answers: JourneyAnswers, context: PageContext): JourneyPosition {
  const route: string[] = [];
  const onRoute: JourneyAnswers = {};
  let id: string | null = journey.firstPage;
  while (id) {
    const page = pageById(journey, id);
    if (!page || route.includes(id)) throw new Error(`Journey ${journey.id} leads to an unknown or repeated page: ${id}`);
    route.push(id);
    const answer = answers[id];
    if (!answer || !pageSchema(page, context).safeParse(answer).success) {
      return { route, firstUnanswered: id };
    }
    onRoute[id] = answer;
    id = page.next(onRoute, context.today);
  }
  return { route, firstUnanswered: null };
}

/** Whether the answers lead as far as a page: it is on their route, every page before it answered, as the page itself
 * would be shown rather than sending the person back to the first page they have not answered. */
export function reachesPage(journey: Journey, answers: JourneyAnswers, pageId: string, context: PageContext): boolean {
  return walkJourney(journey, answers, context).route.includes(pageId);
}

/** Only the answers on the route: a changed answer that changes the route leaves the old branch out. */
export function answersOnRoute(journey: Journey, answers: JourneyAnswers, route: readonly string[]): JourneyAnswers {
  const kept: JourneyAnswers = {};
  for (const id of route) {
    const answer = answers[id];
    if (answer) kept[id] = answer;
  }
  return kept;
}

export function previousPage(route: readonly string[], pageId: string): string | null {
  const index = route.indexOf(pageId);
  return index > 0 ? (route[index - 1] ?? null) : null;
}

export function textOf(answers: JourneyAnswers, page: string, field: string): string {
  const value = answers[page]?.[field];
  return typeof value === "string" ? value : "";
}

export function listOf(answers: JourneyAnswers, page: string, field: string): string[] {
  const value = answers[page]?.[field];
  return Array.isArray(value) ? value : [];
}

/** A request for the next stage made after the time to ask (its submission flagged late): promised the council's
 * decision on it, not the stage's reply (decision 090). A late complaint is late for the 12 months instead. */
export function isLateRequest(journey: Journey, flags: readonly string[]): boolean {
  return Boolean(journey.asksForNextStage) && flags.includes("late");
}
