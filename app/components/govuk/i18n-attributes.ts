// govuk-frontend's JavaScript reads its translations from `data-i18n.<key>[.<plural rule>]` attributes, as the
// macros' govukI18nAttributes writes them. Shared by every component whose enhancement has words of its own.

/** Messages by CLDR plural rule, e.g. `{ one: "You have %{count} character remaining", other: "…" }`. */
export type PluralisedText = Partial<Record<"zero" | "one" | "two" | "few" | "many" | "other", string>>;

export function i18nAttributes(key: string, messages: PluralisedText | string | undefined): Record<string, string> {
  if (typeof messages === "string") return messages ? { [`data-i18n.${key}`]: messages } : {};
  const out: Record<string, string> = {};
  for (const [rule, message] of Object.entries(messages ?? {})) {
    if (message !== undefined) out[`data-i18n.${key}.${rule}`] = message;
  }
  return out;
}
