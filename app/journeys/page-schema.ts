// A page's schema, derived from its fields: each field's rule (or its options), `optional` honoured, and only the
// fields revealed under the chosen option read, so a changed mind leaves nothing stale behind. Built once a day
// per page (zod compiles each object schema on first use; a transform never builds one per request).
import { z } from "zod";
import { checkboxSchema, choiceSchema, optionalRule, text, type FieldRule } from "./field-schemas";
import type { Field, PageContext, QuestionPage } from "./journey-types";
import type { PageAnswer } from "./session-data";

type Issue = readonly [path: string, code: string];
type Reader = (values: Record<string, unknown>, answer: PageAnswer, issues: Issue[]) => void;

function ruleOf(field: Field & { kind: "text" | "textarea" }): FieldRule {
  const required = field.kind === "text" ? field.rule : text(field.maxLength);
  return field.optional ? optionalRule(required) : required;
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "required";
}

function readerOf(field: Field, context: PageContext): Reader {
  switch (field.kind) {
    case "radios":
    case "checkboxes": {
      const values = field.options.map((option) => option.value);
      const revealed = new Map(field.options.map((option) => [option.value, (option.conditional ?? []).map((f) => readerOf(f, context))]));
      const schema = field.kind === "radios" ? choiceSchema(values, field.optional ?? false) : checkboxSchema(values, field.optional ?? false);
      return (posted, answer, issues) => {
        const result = schema.safeParse(posted[field.name]);
        if (!result.success) return void issues.push([field.name, firstMessage(result.error)]);
        answer[field.name] = result.data;
        const chosen = Array.isArray(result.data) ? result.data : [result.data];
        for (const value of chosen) for (const read of revealed.get(value) ?? []) read(posted, answer, issues);
      };
    }
    case "text":
    case "textarea": {
      const { schema } = ruleOf(field);
      return (posted, answer, issues) => {
        const result = schema.safeParse(posted[field.name]);
        if (result.success) answer[field.name] = result.data;
        else issues.push([field.name, firstMessage(result.error)]);
      };
    }
    case "date": {
      const schema = field.rule.build(field.name, context.today, !field.optional);
      return (posted, answer, issues) => {
        const result = schema.safeParse(posted);
        if (result.success) Object.assign(answer, result.data);
        else issues.push([String(result.error.issues[0]?.path[0] ?? `${field.name}-month`), firstMessage(result.error)]);
      };
    }
  }
}

export function derivePageSchema(page: QuestionPage, context: PageContext): z.ZodType<PageAnswer> {
  if (page.customSchema) return page.customSchema.build(context);
  const readers = page.fields.map((field) => readerOf(field, context));
  const { crossCheck } = page;
  return z.record(z.string(), z.unknown()).transform((posted, ctx) => {
    const answer: PageAnswer = {};
    const issues: Issue[] = [];
    for (const read of readers) read(posted, answer, issues);
    if (!issues.length && crossCheck) issues.push(...crossCheck.check(answer, context));
    if (!issues.length) return answer;
    for (const [path, message] of issues) ctx.addIssue({ code: "custom", path: [path], message });
    return z.NEVER;
  });
}

/** Every error code a field can report, by field name (conditional fields included). */
export function fieldErrorCodes(field: Field): Record<string, readonly string[]> {
  const own: readonly string[] = (() => {
    switch (field.kind) {
      case "radios":
      case "checkboxes":
        return field.optional ? [] : ["required"];
      case "text":
      case "textarea":
        return ruleOf(field).codes;
      case "date":
        return field.optional ? field.rule.codes.filter((code) => code !== "required") : field.rule.codes;
    }
  })();
  const nested = field.kind === "radios" || field.kind === "checkboxes" ? field.options.flatMap((o) => o.conditional ?? []).map(fieldErrorCodes) : [];
  return Object.assign({ [field.name]: own }, ...nested) as Record<string, readonly string[]>;
}

/** Every error code a page can report, by the field whose words hold its message. */
export function pageErrorCodes(page: QuestionPage): Record<string, readonly string[]> {
  if (page.customSchema) return { ...page.customSchema.codes };
  const codes: Record<string, string[]> = {};
  const add = (entries: Record<string, readonly string[]>) => {
    for (const [field, list] of Object.entries(entries)) codes[field] = [...new Set([...(codes[field] ?? []), ...list])];
  };
  for (const field of page.fields) add(fieldErrorCodes(field));
  if (page.crossCheck) add(page.crossCheck.codes);
  return codes;
}
