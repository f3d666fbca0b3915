// A journey is data: pages with fields, and a rule for the next page. Each field says how its answer is checked,
// so a page's schema, its error codes and whether it may be left empty all follow from the field list.
import type { z } from "zod";
import type { ReplyPromise } from "~/cases/timetable";
import type { RoutingFlag } from "./flags";
import type { FieldRule, DateRule } from "./field-schemas";
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
  /** The person may leave it empty: shown as "(optional)", "Not provided" on check answers, and checked as such. */
  optional?: boolean;
}

export interface RadiosField extends FieldBase {
  kind: "radios";
  options: readonly FieldOption[];
  inline?: boolean;
  /**
   * Chosen already, for the person to check, from the case their session is looking at in "Check your complaint", when
   * the page has not been answered yet and the run is about that case (its next-stage request names it): its service
   * (a wrong choice would send their request to another team), or the stage after the one it is at (a wrong one
   * would promise them another stage's reply date).
   */
  prefill?: "viewed-case-service" | "viewed-case-next-stage";
}

export interface CheckboxesField extends FieldBase {
  kind: "checkboxes";
  options: readonly FieldOption[];
  /**
   * A single box that says something is missing ("I do not have my reference", "I do not know the date"): in the
   * answers (check answers, the team's email) only when ticked. Unticked, "Does not have the reference: No" is a
   * double negative, and the answer it stands beside says the rest.
   */
  onlyWhenTicked?: true;
}

export interface TextField extends FieldBase {
  kind: "text";
  /** How the answer is checked when it is given (see field-schemas.ts: line, wholeNumber, emailAddress…). */
  rule: FieldRule;
  inputType?: "text" | "email" | "tel";
  inputMode?: "numeric" | "text";
  autocomplete?: string;
  /**
   * The autocomplete token for some of the page's variants, by variant ("" for the page without one): a name field
   * that asks for a child's name on one variant (off) and for the person's own on another (given-name).
   */
  autocompleteByVariant?: Readonly<Record<string, string>>;
  spellcheck?: false;
  widthClass?: string;
  /**
   * Filled in, for the person to check and send, with the reference of the case their session is looking at in
   * "Check your complaint", when the page has not been answered yet. Never from the address: a reference in a URL
   * stays in the browser's history, which "Exit this page" cannot clear.
   */
  prefill?: "viewed-case-reference";
  /**
   * The answer names a language, typed as the person writes it ("polski", "عربي"): the team's email gives its English
   * name beside it, and the annual report counts it under that name (app/translation/language-names.ts).
   */
  names?: "language";
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
  rule: DateRule;
}

export type Field = RadiosField | CheckboxesField | TextField | TextareaField | DateField;

/** What the browser needs of a field: everything but how it is checked. */
export type FieldView =
  | (Omit<RadiosField, "options"> & { options: readonly FieldOptionView[] })
  | (Omit<CheckboxesField, "options"> & { options: readonly FieldOptionView[] })
  | Omit<TextField, "rule" | "autocompleteByVariant">
  | TextareaField
  | Omit<DateField, "rule">;
export type FieldOptionView = Omit<FieldOption, "conditional"> & { conditional?: readonly FieldView[] };

/**
 * What a page's schema may depend on: only the date, never the answers, so that each schema is built once a day
 * and reused for every request (building a zod schema costs far more than using one).
 */
export interface PageContext {
  /** Today's date in London, as YYYY-MM-DD. */
  today: string;
}

/** A check across a page's fields that no single field can make (a date whose limit depends on a tick box). */
export interface PageCheck {
  /** Error codes it can report, by field: each needs words in every language. */
  codes: Readonly<Record<string, readonly string[]>>;
  /** The page's answer so far, each field checked on its own; returns problems as [field or date part, code]. */
  check: (answer: PageAnswer, context: PageContext) => readonly (readonly [string, string])[];
}

export const extraKinds = ["danger-now", "late-explanation", "no-contact-warning", "advocate-explained", "escalate-offer"] as const;
export type ExtraKind = (typeof extraKinds)[number];

export interface QuestionPage {
  id: string;
  /** Heading of the group this page's answers belong to on check answers. */
  section: string;
  fields: readonly Field[];
  /** A check across fields, after each field's own (most pages need none). */
  crossCheck?: PageCheck;
  /**
   * Replaces the derived schema entirely, for a page whose answer is not a plain set of fields (a reference
   * read with its check character, say). It must declare the codes it can report.
   */
  customSchema?: { codes: Readonly<Record<string, readonly string[]>>; build: (context: PageContext) => z.ZodType<PageAnswer> };
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
  extras?: readonly ExtraKind[];
  /**
   * The page takes files ("Do you have anything to show us?"): its answers are the files attached to the run,
   * kept in the evidence store (app/evidence), not in the session. It has no fields; continuing answers it.
   */
  evidence?: true;
}

/** How the person can be reached, and what they told us is safe: read by the one rule that decides any message. */
export interface PersonContact {
  /** How they asked to be contacted, or to be sent what they asked for. */
  method: "email" | "phone" | "text" | "post" | "collect" | "none";
  email: string | null;
  phone: string | null;
  address: readonly string[] | null;
  /** Their answers to the safety questions; null where the question was not asked. */
  safety: {
    sayCouncil: "yes" | "no" | null;
    leaveMessage: "yes" | "no" | null;
    safeTimes: string | null;
  };
}

/** The anonymous facts a submission leaves behind once its personal data is deleted (see app/cases/case-record.ts). */
export interface SubmissionStatistics {
  role: string | null;
  /** Facts particular to the journey: a format asked for, whether quoting is allowed, the stage asked for… */
  facts: Record<string, string | number | boolean | null>;
}

export interface Journey {
  /** The one name: its address (/complaint), its locale namespace, its kind in routing rules and statistics. */
  id: string;
  /** Webhook `type` is `<id>.<event>`. */
  event: "submitted" | "requested";
  /** The letter its references start with: unique among journeys, a Crockford base32 letter. */
  referencePrefix: string;
  /** Version of this journey's questions, sent with its answers. */
  schemaVersion: number;
  firstPage: string;
  pages: readonly QuestionPage[];
  /** Where the start page lists it; journeys without it are reached from other pages only. */
  startPage?: { order: number; primary?: boolean };
  /** The service the submission is about, from the answers (for routing and the email subject). */
  serviceOf: (answers: JourneyAnswers) => string | null;
  /** Flags that routing rules and busy teams triage by, from this journey's own questions. */
  flagsOf: (answers: JourneyAnswers, today: string) => RoutingFlag[];
  /** Flags every submission of the journey carries (`flagsOf` gives them all), which its name already says
   * ("Escalation", "Advocate request"): kept for routing, the webhook and the email's list of flags, and left out of
   * the staff email's subject, where they would say the same thing twice. */
  namedFlags?: readonly RoutingFlag[];
  /** The reply the submission promises (the council's timetable says in how many working days); null for none. */
  replyPromise: (answers: JourneyAnswers) => ReplyPromise | null;
  /** How to reach the person, and what is safe. */
  contactOf: (answers: JourneyAnswers) => PersonContact;
  /** What stays when the personal data goes. */
  statisticsOf: (answers: JourneyAnswers) => SubmissionStatistics;
  /** Names the person typed, for quotations: replaced by initials wherever their words are quoted. */
  namesOf?: (answers: JourneyAnswers) => string[];
  /** The words the person may allow us to quote anonymously in the annual report, when they allowed it. */
  quotationOf?: (answers: JourneyAnswers) => string | null;
  /** Something about to happen that the person wants stopped or waited for: the submission is urgent. */
  urgencyOf?: (answers: JourneyAnswers) => { by: string | null } | null;
  /** A complaint: sending it opens a case the portal follows through the statutory stages (one journey may). */
  opensCase?: (answers: JourneyAnswers) => { advocateAsked: boolean };
  /** A request for the next stage of a case, named by its reference when the person has it. */
  asksForNextStage?: (answers: JourneyAnswers) => { reference: string | null; stage: 2 | 3 };
}
