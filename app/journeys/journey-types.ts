// A journey is data: pages with fields, one schema each, and a rule for the next page.
import type { z } from "zod";
import type { JourneyAnswers, PageAnswer } from "./session-data";

export interface FieldOption {
  value: string;
  /** Fields revealed under this option when it is chosen. */
  conditional?: readonly Field[];
  /** Show "or" above this option. */
  dividerBefore?: boolean;
  /** Words shown under this option when it is chosen, from `options.<value>.conditionalInfo`. */
  conditionalInfo?: boolean;
  /** For checkboxes: choosing this clears the others ("None of these"). */
  exclusive?: boolean;
}

interface FieldBase {
  name: string;
  /** Text shown on check answers and in emails when the field was left empty. Defaults to "Not provided". */
  optional?: boolean;
}

export interface RadiosField extends FieldBase {
  kind: "radios";
  options: readonly FieldOption[];
  inline?: boolean;
}

export interface CheckboxesField extends FieldBase {
  kind: "checkboxes";
  options: readonly FieldOption[];
}

export interface TextField extends FieldBase {
  kind: "text";
  inputType?: "text" | "email" | "tel";
  inputMode?: "numeric" | "text";
  autocomplete?: string;
  spellcheck?: false;
  widthClass?: string;
}

export interface TextareaField extends FieldBase {
  kind: "textarea";
  maxLength: number;
  rows?: number;
  /** Show the Character count component. */
  characterCount?: boolean;
}

/** Day, month and year inputs named `<name>-day`, `<name>-month`, `<name>-year`. */
export interface DateField extends FieldBase {
  kind: "date";
}

export type Field = RadiosField | CheckboxesField | TextField | TextareaField | DateField;

/**
 * What a page's schema may depend on: only the date, never the answers, so that each schema is built once a day
 * and reused for every request (building a zod schema costs far more than using one).
 */
export interface PageContext {
  /** Today's date in London, as YYYY-MM-DD. */
  today: string;
}

export interface QuestionPage {
  id: string;
  /** Heading of the group this page's answers belong to on check answers. */
  section: string;
  fields: readonly Field[];
  /**
   * Zod schema over the posted values of this page's fields (strings, or string arrays for checkboxes).
   * Issue messages are error codes, looked up as `pages.<page>.fields.<field>.errors.<code>`; the first
   * path element names the field (or date part) the error summary links to.
   */
  schema: (context: PageContext) => z.ZodType<PageAnswer>;
  /** The next page id, or null when the next step is check answers. */
  next: (answers: JourneyAnswers, today: string) => string | null;
  /**
   * An i18next context chosen from the answers, so one page can ask "Would you like…" or "Would Sam like…":
   * `title_forChild` is used when it exists, `title` otherwise.
   */
  variant?: (answers: JourneyAnswers) => string | undefined;
  /**
   * On a page with more than one field, the main question whose label or legend is the page's h1 (GOV.UK's
   * question pattern), so the heading is not said twice; without it, the page title is a separate h1.
   */
  headingField?: string;
  /** Extra content shown on the page (insets, warnings), named by key; rendered by the page component. */
  extras?: readonly ("danger-now" | "late-explanation" | "no-contact-warning" | "advocate-explained" | "escalate-offer")[];
}

export type SubmissionKind = "complaint" | "compliment" | "advocate" | "format" | "escalation";
export type RoutingFlag = "advocate" | "another-format" | "late" | "under-18" | "escalation";

export interface Journey {
  id: string;
  /** What routing rules call this kind of submission. */
  kind: SubmissionKind;
  /** The service the submission is about, from the answers (for routing and the email subject). */
  serviceOf: (answers: JourneyAnswers) => string | null;
  /** Flags that routing rules and busy teams triage by. */
  flagsOf: (answers: JourneyAnswers, today: string) => RoutingFlag[];
  /** Locale namespace holding this journey's words. */
  namespace: string;
  referencePrefix: "C" | "T" | "A" | "F" | "E";
  submissionType: string;
  schemaVersion: number;
  firstPage: string;
  pages: readonly QuestionPage[];
  /** Working days until the reply is due, from the answers; null when no reply date is promised. */
  replyWithinWorkingDays: (answers: JourneyAnswers) => number | null;
}
