// Languages the portal speaks. English is the fallback for anything unsupported.
export const supportedLanguages = ["en", "pl"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "en";
export const defaultNamespace = "common";

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const textDirection: Record<Language, "ltr" | "rtl"> = { en: "ltr", pl: "ltr" };

/** Shared i18next options: React escapes values itself, and missing keys must never show as keys in production. */
export const i18nextOptions = {
  fallbackLng: fallbackLanguage,
  supportedLngs: [...supportedLanguages],
  defaultNS: defaultNamespace,
  // Questions several journeys ask in the same words (the safety questions) keep their words once, in common.json.
  fallbackNS: defaultNamespace,
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
