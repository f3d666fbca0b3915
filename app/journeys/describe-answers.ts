// Turns stored answers into labelled rows, in journey order: for check answers, the confirmation and emails.
import type { TFunction } from "i18next";
import { pageById } from "./journey-engine";
import type { Field, Journey, QuestionPage } from "./journey-types";
import type { JourneyAnswers, PageAnswer } from "./session-data";

export interface AnswerRow {
  page: string;
  field: string;
  key: string;
  value: string;
  /** The field was left empty: shown as "Not provided". */
  empty: boolean;
  /** What the answer names, where the field says (a language). */
  names?: "language";
  /** The value is the portal's own words (a choice's label), which may mark English words in them (`<en>`);
   * what the person typed never is. */
  chosen?: true;
}

export interface AnswerSection {
  id: string;
  title: string;
  rows: AnswerRow[];
}

type Translate = TFunction;

/**
 * Who reads the rows: the person, in their own words ("Your age", "Me"), or the team, about them ("Their age",
 * "Themselves"). The team's words are each key's `staff` context (`summary_staff`, `label_staff`), where a key words
 * the person as "you" or "I"; any other key reads the same to both.
 */
export type AnswersAudience = "person" | "staff";

const staffContext = (audience: AnswersAudience): string | undefined => (audience === "staff" ? "staff" : undefined);

/** Names questions may use, such as "Does Sam know?": any journey's `child-name` field, wherever it is asked. */
export function interpolationValues(answers: JourneyAnswers): Record<string, string> {
  for (const answer of Object.values(answers)) {
    const childName = answer["child-name"];
    if (typeof childName === "string" && childName) return { childName };
  }
  return { childName: "" };
}

function visibleFields(page: QuestionPage, answer: PageAnswer): Field[] {
  const shown: Field[] = [];
  for (const field of page.fields) {
    shown.push(field);
    if (field.kind !== "radios" && field.kind !== "checkboxes") continue;
    const chosen = answer[field.name];
    const chosenValues = Array.isArray(chosen) ? chosen : [chosen];
    for (const option of field.options) {
      if (chosenValues.includes(option.value)) shown.push(...(option.conditional ?? []));
    }
  }
  return shown;
}

function formatDate(answer: PageAnswer, name: string, t: Translate): string {
  const month = Number(answer[`${name}-month`]);
  const year = answer[`${name}-year`];
  if (!month || !year) return "";
  const day = answer[`${name}-day`];
  // A month with a day takes the form that goes with one ("5 sierpnia 2025"); a month alone, its own ("sierpień 2025").
  const monthName = (t(day ? "common:months" : "common:monthsAlone", { returnObjects: true }) as string[])[month - 1] ?? String(month);
  return day ? `${String(day)} ${monthName} ${String(year)}` : `${monthName} ${String(year)}`;
}

/** `context`: the audience's words for a choice (`staff`), where its label has them. */
function formatValue(journey: Journey, page: QuestionPage, field: Field, answer: PageAnswer, t: Translate, context: string | undefined): string {
  const base = `${journey.id}:pages.${page.id}.fields.${field.name}`;
  switch (field.kind) {
    case "date":
      return formatDate(answer, field.name, t);
    case "radios": {
      const value = answer[field.name];
      return typeof value === "string" && value ? t(`${base}.options.${value}.label`, { ...interpolationValues({}), context }) : "";
    }
    case "checkboxes": {
      const values = answer[field.name];
      const list = Array.isArray(values) ? values : [];
      // A single tick box ("It is still happening") reads better as yes or no.
      if (field.options.length === 1) return list.length ? t("common:answers.yes") : t("common:answers.no");
      return list.map((value) => t(`${base}.options.${value}.label`, { context })).join("\n");
    }
    default: {
      const value = answer[field.name];
      return typeof value === "string" ? value : "";
    }
  }
}

/** A row's key: the field's own summary, or its page's, in the page's variant where it words one ("Advocate for
 * Zosia" where the question asked about Zosia), else in the audience's words. */
function rowKey(journey: Journey, page: QuestionPage, field: Field, t: Translate, values: Record<string, string>, context: string | undefined): string {
  const fieldKey = `${journey.id}:pages.${page.id}.fields.${field.name}.summary`;
  const own = t(fieldKey, { ...values, context, defaultValue: "" });
  return own || t(`${journey.id}:pages.${page.id}.summary`, { ...values, context });
}

/** What "you asked for an advocate" says the advocate is for: the advocate page's variant (for a child, named) where
 * it has one, as its question asked. */
export function advocateToldValues(journey: Journey, answers: JourneyAnswers): { context?: string; childName: string } {
  const variant = pageById(journey, "advocate")?.variant?.(answers);
  return { childName: interpolationValues(answers).childName ?? "", ...(variant ? { context: variant } : {}) };
}

export interface DescribeOptions {
  /** The names of the files attached to the run, for the evidence page's row (check answers); without them the
   * page gives no row (the staff email lists the files in a section of their own). */
  files?: readonly string[];
  /** The person by default. */
  audience?: AnswersAudience;
}

export function describeAnswers(journey: Journey, answers: JourneyAnswers, route: readonly string[], t: Translate, { files, audience = "person" }: DescribeOptions = {}): AnswerSection[] {
  const values = interpolationValues(answers);
  const context = staffContext(audience);
  const sections: AnswerSection[] = [];
  for (const id of route) {
    const page = pageById(journey, id);
    const answer = answers[id];
    if (!page || !answer) continue;
    let section = sections.find((s) => s.id === page.section);
    if (!section) {
      section = { id: page.section, title: t(`${journey.id}:sections.${page.section}`, { context }), rows: [] };
      sections.push(section);
    }
    if (page.evidence && files) {
      section.rows.push({ page: id, field: "evidence", key: t("common:pages.evidence.summary"), value: files.length ? files.join("\n") : t("common:evidence.noFiles"), empty: false });
    }
    for (const field of visibleFields(page, answer)) {
      if (field.kind === "checkboxes" && field.onlyWhenTicked && !(Array.isArray(answer[field.name]) && answer[field.name]!.length)) continue;
      const value = formatValue(journey, page, field, answer, t, context);
      section.rows.push({
        page: id,
        field: field.name,
        key: rowKey(journey, page, field, t, values, page.variant?.(answers) ?? context),
        value: value || t("common:answers.notProvided"),
        empty: !value,
        ...(field.kind === "text" && field.names ? { names: field.names } : {}),
        ...((field.kind === "radios" || field.kind === "checkboxes") && value ? { chosen: true as const } : {}),
      });
    }
  }
  return sections;
}

