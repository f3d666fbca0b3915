// Building blocks for page schemas. Messages are error codes; the words live in the locale files.
import { z } from "zod";

/** A posted value that may be missing, repeated or of the wrong shape: always read as one trimmed string. */
export const posted = z.preprocess(
  (value) => (typeof value === "string" ? value : Array.isArray(value) ? String(value[0] ?? "") : ""),
  z.string(),
);

const postedList = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : typeof value === "string" && value ? [value] : []),
  z.array(z.string()),
);

/** Line endings are stored as \n whatever the browser sent, so counts match the character count. */
function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, code = "required") {
  return posted.pipe(z.enum(values, { error: code }));
}

export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return posted.pipe(z.union([z.literal(""), z.enum(values, { error: "required" })]));
}

export function requiredText(maxLength: number) {
  return posted
    .transform(normaliseText)
    .pipe(z.string().min(1, "required").max(maxLength, "too-long"));
}

export function optionalText(maxLength: number) {
  return posted.transform(normaliseText).pipe(z.string().max(maxLength, "too-long"));
}

/** Text on one line: CR, LF and other control characters are never kept in names, numbers or addresses. */
export function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
}

export function requiredLine(maxLength: number) {
  return posted.transform(singleLine).pipe(z.string().min(1, "required").max(maxLength, "too-long"));
}

export function optionalLine(maxLength: number) {
  return posted.transform(singleLine).pipe(z.string().max(maxLength, "too-long"));
}

export function checkboxValues<const T extends readonly [string, ...string[]]>(values: T) {
  return postedList.pipe(z.array(z.enum(values, { error: "required" })));
}

export function wholeNumber(min: number, max: number) {
  return posted.transform(singleLine).pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^\d{1,3}$/, "not-a-number")
      .refine((v) => Number(v) >= min, "too-small")
      .refine((v) => Number(v) <= max, "too-big")
      .transform((v) => String(Number(v))),
  );
}

export const emailAddress = posted
  .transform(singleLine)
  .pipe(
    z
      .string()
      .min(1, "required")
      .max(254, "too-long")
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "format"),
  );

export const ukPhoneNumber = posted
  .transform(singleLine)
  .pipe(
    z
      .string()
      .min(1, "required")
      .max(30, "too-long")
      .refine((v) => /^\+?[\d\s()-]+$/.test(v) && v.replace(/\D/g, "").length >= 10 && v.replace(/\D/g, "").length <= 15, "format"),
  );

export const ukMobileNumber = ukPhoneNumber.refine(
  (v) => /^(\+44\s?7|0044\s?7|07)/.test(v.replace(/[\s()-]/g, "")),
  "not-mobile",
);

export const ukPostcode = posted
  .transform((v) => singleLine(v).toUpperCase())
  .pipe(
    z
      .string()
      .min(1, "required")
      .regex(/^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/, "format")
      .transform((v) => v.replace(/\s+/g, "").replace(/^(.+)(\d[A-Z]{2})$/, "$1 $2")),
  );
