// Questions more than one journey asks, defined once: who you are, how to contact you, whether it is safe.
import { z } from "zod";
import type { Field, QuestionPage } from "./journey-types";
import {
  choice,
  optionalChoice,
  emailAddress,
  optionalLine,
  posted,
  requiredLine,
  ukMobileNumber,
  ukPhoneNumber,
  ukPostcode,
} from "./field-schemas";
import { textOf } from "./journey-engine";
import type { JourneyAnswers } from "./session-data";

export const services = ["childrens-social-care", "public-health", "not-sure"] as const;

export const roles = [
  "child-or-young-person",
  "care-leaver",
  "parent",
  "foster-or-kinship-carer",
  "special-guardian",
  "grandparent-or-relative",
  "someone-else",
] as const;
export type Role = (typeof roles)[number];

export const contactMethods = ["email", "phone", "text", "post", "none"] as const;

export function servicePage(next: QuestionPage["next"]): QuestionPage {
  return {
    id: "service",
    section: "about",
    fields: [
      {
        kind: "radios",
        name: "service",
        options: [
          { value: "childrens-social-care" },
          { value: "public-health" },
          { value: "not-sure", dividerBefore: true, conditionalInfo: true },
        ],
      },
    ],
    schema: () => z.object({ service: choice(services) }),
    next,
  };
}

/** "Who are you?" is required in a complaint and optional in a compliment. */
export function whoAreYouPage(next: QuestionPage["next"], { optional = false }: { optional?: boolean } = {}): QuestionPage {
  return {
    id: "who-are-you",
    section: "about",
    fields: [
      {
        kind: "radios",
        name: "role",
        optional,
        options: roles.map((value) =>
          value === "someone-else"
            ? { value, conditional: [{ kind: "text", name: "role-other", autocomplete: "off" } satisfies Field] }
            : { value },
        ),
      },
    ],
    schema: () => {
      const otherSchema = requiredLine(200);
      return z.object({ role: optional ? optionalChoice(roles) : choice(roles), "role-other": posted }).transform((value, ctx): Record<string, string> => {
        if (value.role !== "someone-else") return { role: value.role };
        const other = otherSchema.safeParse(value["role-other"]);
        if (!other.success) {
          ctx.addIssue({ code: "custom", path: ["role-other"], message: other.error.issues[0]?.message ?? "required" });
          return z.NEVER;
        }
        return { role: value.role, "role-other": other.data };
      });
    },
    next,
  };
}

export const isYoungPerson = (answers: JourneyAnswers) => textOf(answers, "who-are-you", "role") === "child-or-young-person";

/** GOV.UK's address pattern: separate lines, with autocomplete, and the postcode checked. */
export const addressFields: Field[] = [
  { kind: "text", name: "address-line-1", autocomplete: "address-line1" },
  { kind: "text", name: "address-line-2", autocomplete: "address-line2", optional: true },
  { kind: "text", name: "address-town", autocomplete: "address-level2", widthClass: "govuk-!-width-two-thirds" },
  { kind: "text", name: "address-postcode", autocomplete: "postal-code", widthClass: "govuk-input--width-10" },
];

export const addressSchemas = {
  "address-line-1": requiredLine(120),
  "address-line-2": optionalLine(120),
  "address-town": requiredLine(80),
  "address-postcode": ukPostcode,
} as const;

const contactDetailFields: Record<Exclude<(typeof contactMethods)[number], "none">, Field[]> = {
  email: [{ kind: "text", name: "email", inputType: "email", autocomplete: "email", spellcheck: false }],
  phone: [{ kind: "text", name: "phone", inputType: "tel", autocomplete: "tel", widthClass: "govuk-input--width-20" }],
  text: [{ kind: "text", name: "mobile", inputType: "tel", autocomplete: "tel", widthClass: "govuk-input--width-20" }],
  post: addressFields,
};

/** Which posted fields each method keeps, and the schema for each. */
const contactDetailSchemas = {
  email: { email: emailAddress },
  phone: { phone: ukPhoneNumber },
  text: { mobile: ukMobileNumber },
  post: addressSchemas,
  none: {},
} as const;

/**
 * Reads a choice and only the fields revealed under the chosen option, each through its own schema.
 * Fields under options not chosen are dropped, so a changed mind leaves nothing stale behind.
 */
export function choiceWithDetails<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  details: Partial<Record<T[number], Readonly<Record<string, z.ZodType<string>>>>>,
) {
  const chosenSchema = choice(values);
  return z.record(z.string(), z.unknown()).transform((posted, ctx): Record<string, string> => {
    const chosen = chosenSchema.safeParse(posted[name]);
    if (!chosen.success) {
      ctx.addIssue({ code: "custom", path: [name], message: "required" });
      return z.NEVER;
    }
    const kept: Record<string, string> = { [name]: chosen.data };
    for (const [field, schema] of Object.entries(details[chosen.data as T[number]] ?? {})) {
      const parsed = schema.safeParse(posted[field]);
      if (parsed.success) kept[field] = parsed.data;
      else ctx.addIssue({ code: "custom", path: [field], message: parsed.error.issues[0]?.message ?? "required" });
    }
    return kept;
  });
}

/** "Do not contact me" is offered where a reply is not essential; an advocate request needs a way to reach them. */
export function contactPage(next: QuestionPage["next"], { allowNone = true }: { allowNone?: boolean } = {}): QuestionPage {
  const methods = allowNone ? contactMethods : (["email", "phone", "text", "post"] as const);
  return {
    id: "contact",
    section: "you",
    fields: [
      {
        kind: "radios",
        name: "method",
        options: methods.map((value) =>
          value === "none" ? { value, dividerBefore: true } : { value, conditional: contactDetailFields[value] },
        ),
      },
    ],
    schema: () => choiceWithDetails("method", methods as unknown as readonly [string, ...string[]], contactDetailSchemas),
    next,
    extras: allowNone ? ["no-contact-warning"] : [],
  };
}

export const wantsContact = (answers: JourneyAnswers) => {
  const method = textOf(answers, "contact", "method");
  return method !== "" && method !== "none";
};

/** After how to contact: the safety questions that fit the way (a letter has no safe time, nor a message to leave). */
export function afterContact(answers: JourneyAnswers): string | null {
  if (!wantsContact(answers)) return null;
  return textOf(answers, "contact", "method") === "post" ? "safe-post" : "safe-contact";
}

/** For letters: whether the envelope may say who it is from, for someone whose post may be opened by others. */
export function safePostPage(next: QuestionPage["next"]): QuestionPage {
  return {
    id: "safe-post",
    section: "you",
    fields: [{ kind: "radios", name: "say-council", options: [{ value: "yes" }, { value: "no" }] }],
    schema: () => z.object({ "say-council": choice(["yes", "no"]) }),
    next,
  };
}

export function safeContactPage(next: QuestionPage["next"]): QuestionPage {
  return {
    id: "safe-contact",
    section: "you",
    fields: [
      { kind: "text", name: "safe-times", optional: true, autocomplete: "off" },
      { kind: "radios", name: "leave-message", inline: true, options: [{ value: "yes" }, { value: "no" }] },
      { kind: "radios", name: "say-council", inline: true, options: [{ value: "yes" }, { value: "no" }] },
    ],
    schema: () =>
      z.object({
        "safe-times": optionalLine(300),
        "leave-message": choice(["yes", "no"]),
        "say-council": choice(["yes", "no"]),
      }),
    next,
  };
}

/** "What is your name?", optional: nobody has to give their name to complain, thank or ask. */
export function yourNamePage(next: QuestionPage["next"]): QuestionPage {
  return {
    id: "your-name",
    section: "you",
    fields: [{ kind: "text", name: "full-name", autocomplete: "name", spellcheck: false, optional: true }],
    schema: () => z.object({ "full-name": optionalLine(200) }),
    next,
  };
}
