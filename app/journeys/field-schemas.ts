// How each kind of answer is checked. A rule pairs a zod schema with every error code it can report, so the
// words for each code can be checked to exist in every language. Messages are error codes; the words live in the
// locale files, at `pages.<page>.fields.<field>.errors.<code>`.
import { z } from "zod";
import { asciiDigits } from "~/digits";
import { noVisibleFormClass } from "~/invisible-characters";

/** A posted value that may be missing, repeated or of the wrong shape: always read as one string. */
export const posted = z.preprocess(
  (value) => (typeof value === "string" ? value : Array.isArray(value) ? String(value[0] ?? "") : ""),
  z.string(),
);

export const postedList = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : typeof value === "string" && value ? [value] : []),
  z.array(z.string()),
);

/** Checks one answer given as text. `codes` lists every message the schema can give, "required" included. */
export interface FieldRule {
  schema: z.ZodType<string, unknown>;
  codes: readonly string[];
}

/** Checks a day, month and year given as `<name>-day`, `-month`, `-year`; issues' paths name the part to fix. */
export interface DateRule {
  build: (name: string, today: string, required: boolean) => z.ZodType<Record<string, string>, unknown>;
  codes: readonly string[];
}

function rule(schema: z.ZodType<string, unknown>, codes: readonly string[]): FieldRule {
  return { schema, codes };
}

// Never kept in an answer: C0 controls other than tab and line breaks, DEL, C1 controls, and the bidi embedding,
// override and isolate controls that would reorder the text around an answer wherever it is shown.
// eslint-disable-next-line no-control-regex
const unwanted = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// White space, and the characters with no visible form.
const invisible = new RegExp(`[\\s${noVisibleFormClass}]`, "g");

/** An answer made only of invisible characters is no answer: it counts as empty, so a required one is asked for. */
function visibleOrEmpty(value: string): string {
  return value.replace(invisible, "") === "" ? "" : value;
}

/** Line endings are stored as \n whatever the browser sent, so counts match the character count. */
export function normaliseText(value: string): string {
  return visibleOrEmpty(value.replace(/\r\n?/g, "\n").replace(unwanted, "").trim());
}

/** Text on one line: CR, LF and other control characters are never kept in names, numbers or addresses. */
export function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return visibleOrEmpty(value.replace(unwanted, "").replace(/[\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim());
}

/**
 * At most `maxLength` characters as GOV.UK Frontend's character count counts them (its default, a string's length:
 * an emoji is 2), so the page and the server never disagree about whether an answer is too long. zod's `max` counts
 * code points, and let through what the count had said was too long.
 */
function atMost(maxLength: number) {
  return z.string().min(1, "required").refine((value) => value.length <= maxLength, "too-long");
}

/** Free text over several lines (what happened, why now). */
export function text(maxLength: number): FieldRule {
  return rule(posted.transform(normaliseText).pipe(atMost(maxLength)), ["required", "too-long"]);
}

/** Text on one line (names, a language, a reference they were given). */
export function line(maxLength: number): FieldRule {
  return rule(posted.transform(singleLine).pipe(atMost(maxLength)), ["required", "too-long"]);
}

/** A number as typed on any keyboard: one line, with Arabic or full-width digits read as 0 to 9. */
const numberLine = (value: string) => asciiDigits(singleLine(value));

export function wholeNumber(min: number, max: number): FieldRule {
  return rule(
    posted.transform(numberLine).pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^\d{1,3}$/, "not-a-number")
        .refine((v) => Number(v) >= min, "too-small")
        .refine((v) => Number(v) <= max, "too-big")
        .transform((v) => String(Number(v))),
    ),
    ["required", "not-a-number", "too-small", "too-big"],
  );
}

export const emailAddress = rule(
  posted.transform(singleLine).pipe(
    z
      .string()
      .min(1, "required")
      // Past its length, an address is not checked further: the pattern takes time that grows with the square of the
      // length on some inputs ("a@a.a.a.…"), and a post may be 128 KB (read-form.server.ts).
      .max(254, { error: "too-long", abort: true })
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "format"),
  ),
  ["required", "too-long", "format"],
);

const phoneSchema = posted.transform(numberLine).pipe(
  z
    .string()
    .min(1, "required")
    .max(30, { error: "too-long", abort: true })
    .refine((v) => /^\+?[\d\s()-]+$/.test(v) && v.replace(/\D/g, "").length >= 10 && v.replace(/\D/g, "").length <= 15, "format"),
);

export const ukPhoneNumber = rule(phoneSchema, ["required", "too-long", "format"]);

export const ukMobileNumber = rule(
  phoneSchema.refine((v) => /^(\+44\s?7|0044\s?7|07)/.test(v.replace(/[\s()-]/g, "")), "not-mobile"),
  ["required", "too-long", "format", "not-mobile"],
);

export const ukPostcode = rule(
  posted
    .transform((v) => numberLine(v).toUpperCase())
    .pipe(
      z
        .string()
        .min(1, "required")
        .regex(/^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/, "format")
        .transform((v) => v.replace(/\s+/g, "").replace(/^(.+)(\d[A-Z]{2})$/, "$1 $2")),
    ),
  ["required", "format"],
);

/** An optional answer: empty stays empty (after the rule's own cleaning), anything else must pass the rule. */
export function optionalRule(required: FieldRule): FieldRule {
  const cleaned = posted.transform(singleLine);
  return rule(
    posted.transform((value, ctx) => {
      if (cleaned.parse(value) === "") return "";
      const result = required.schema.safeParse(value);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }),
    required.codes.filter((code) => code !== "required"),
  );
}

/** One of the given values. */
export function choiceSchema(values: readonly string[], optional: boolean): z.ZodType<string, unknown> {
  const allowed = new Set(values);
  return posted.transform((value, ctx) => {
    if (allowed.has(value)) return value;
    // An optional question left unanswered, or answered with something never offered, is simply not answered.
    if (optional) return "";
    ctx.addIssue({ code: "custom", message: "required" });
    return z.NEVER;
  });
}

/** Ticked boxes, each one of the given values; at least one unless optional. */
export function checkboxSchema(values: readonly string[], optional: boolean): z.ZodType<string[], unknown> {
  const allowed = new Set(values);
  return postedList.transform((list, ctx) => {
    if (!optional && (list.length === 0 || list.some((value) => !allowed.has(value)))) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    return values.filter((value) => list.includes(value));
  });
}
