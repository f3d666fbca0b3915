// Languages the portal speaks, each declared once here: its name in itself (for the language navigation), its
// name in English (for staff), its writing direction, and the locale its dates and numbers are written in. Numbers
// are always in Western digits, so references, phone numbers and dates read and copy the same in every language.
// English is the fallback for anything unsupported. A new language is a line here and its locales/ folder.
export const languages = {
  en: { name: "English", englishName: "English", dir: "ltr", locale: "en-GB" },
  pl: { name: "Polski", englishName: "Polish", dir: "ltr", locale: "pl-PL" },
  ar: { name: "العربية", englishName: "Arabic", dir: "rtl", locale: "ar-u-nu-latn" },
} as const satisfies Record<string, { name: string; englishName: string; dir: "ltr" | "rtl"; locale: string }>;

export type Language = keyof typeof languages;
export const supportedLanguages = Object.keys(languages) as [Language, ...Language[]];
export const fallbackLanguage: Language = "en";
export const defaultNamespace = "common";

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const textDirection = (language: string): "ltr" | "rtl" => (isSupportedLanguage(language) ? languages[language].dir : "ltr");

/** The Intl locale a language's dates and numbers are written in (English's for anything unsupported). */
export const intlLocale = (language: string): string => (isSupportedLanguage(language) ? languages[language].locale : languages.en.locale);

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
