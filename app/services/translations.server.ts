// One i18next instance per language, made once at start: no file reads or set-up on the request path.
import { createInstance, type i18n } from "i18next";
import { i18nextOptions, supportedLanguages, type Language } from "~/i18n";
import type { PageTranslations } from "~/translation/react";
import type { Timetable } from "~/config/council-schema";
import { timeLimitValues, workingDaysKey } from "~/translation/time-limits";
import { createTranslator } from "~/translation/translate";
import { pageWordsWriter, type PageWordsWriter } from "~/translation/page-words.server";
import { namespaces, resources } from "../../locales/resources";

export type Translations = Record<Language, i18n>;

/**
 * What the server renders pages with, one per language, made once at start: the page translator over every locale
 * file (the browser's has the same code and the page's own language; docs/decisions/041).
 */
export type PageTranslationsByLanguage = Readonly<Record<Language, ServerPageTranslations>>;

/** The server's page translator for a language, and what writes the words a page sends with it (decision 053). */
export interface ServerPageTranslations extends PageTranslations {
  readonly writePageWords: PageWordsWriter;
}

export function createPageTranslations(): PageTranslationsByLanguage {
  const byLanguage = {} as Record<Language, ServerPageTranslations>;
  for (const language of supportedLanguages) {
    byLanguage[language] = { translator: createTranslator(language, resources, { complete: true }), missing: () => undefined, writePageWords: pageWordsWriter(language, resources) };
  }
  return byLanguage;
}

/**
 * One i18next instance per language. With the council's timetable, every lookup may put its time limits in
 * (`{{days.…}}`, `{{limit.…}}`: app/translation/time-limits.ts), as pages do.
 */
export function createTranslations(timetable?: Timetable): Translations {
  const instances = {} as Translations;
  for (const lng of supportedLanguages) {
    const instance = createInstance();
    void instance.init({
      ...i18nextOptions,
      lng,
      ns: [...namespaces],
      resources,
      initImmediate: false,
    });
    if (timetable) giveTimeLimits(instance, timetable);
    rememberPlainLookups(instance);
    instances[lng] = instance;
  }
  return instances;
}

/** Lets every lookup of an initialised instance put in the timetable's time limits (app/translation/time-limits.ts). */
export function giveTimeLimits(instance: i18n, timetable: Timetable): void {
  const defaultVariables = timeLimitValues(timetable, (count) => instance.t(workingDaysKey, { ns: "common", count }));
  // The instance's own interpolation options (i18next copies them at init), read by its translator on each lookup.
  instance.options.interpolation = { ...instance.options.interpolation, defaultVariables };
}

/** Options a lookup may carry and still always give the same words: which language, namespaces and key prefix. */
const placeOptions = new Set(["lng", "lngs", "ns", "keyPrefix"]);
/** i18next's own options that change what a lookup gives (plurals, context, defaults, objects, formatting). */
const changingOptions = new Set(["count", "ordinal", "context", "replace", "fallbackLng", "keySeparator", "nsSeparator", "returnObjects", "returnDetails", "joinArrays", "postProcess", "interpolation", "skipInterpolation", "appendNamespaceToMissingKey", "appendNamespaceToCIMode", "lngIfNotSupported"]);
/** Far more than the locale files hold: a limit only so that no caller could make the memory grow without end. */
export const maxRememberedLookups = 20_000;
/** Where i18next would put a value in (`{{name}}`) or look another key up (`$t(...)`). */
const placeholder = /\{\{|\$t\(/;

/**
 * The server's words never change once it has started (the locale files are bundled, nothing adds resources or
 * changes an instance's language), so looking a key up in a language and namespaces always gives the same string
 * before any values are put into it. i18next works each one out afresh, through key separators, namespaces and
 * fallbacks: a tenth of the CPU of a page rendered afresh and of each email. The string is remembered here, per
 * instance, and given straight back when it has no placeholder, whatever values the lookup carries (a question
 * page hands the child's name to every label, and most labels do not use it). Only the words from the locale
 * files are kept, never the values: a lookup whose words have placeholders, or with i18next's own options
 * (count, context, a default, ...), goes to i18next every time.
 */
function rememberPlainLookups(instance: i18n): void {
  const lookUp = instance.t.bind(instance) as (key: string | string[], options?: unknown) => unknown;
  const remembered = new Map<string, string>();
  const t = (key: string | string[], options?: unknown): unknown => {
    if ((typeof key !== "string" && !Array.isArray(key)) || (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options)))) return lookUp(key, options);
    let cacheKey = Array.isArray(key) ? key.join("\u0001") : key;
    let place: Record<string, unknown> | undefined;
    if (options) {
      for (const [name, value] of Object.entries(options)) {
        if (placeOptions.has(name)) {
          if (value === undefined || value === null) continue;
          if (typeof value === "string") cacheKey += `\u0000${name}=${value}`;
          else if (Array.isArray(value) && value.every((item) => typeof item === "string")) cacheKey += `\u0000${name}=${value.join("\u0001")}`;
          else return lookUp(key, options);
          (place ??= {})[name] = value;
        } else if (changingOptions.has(name) || name.startsWith("defaultValue")) return lookUp(key, options);
      }
    }
    let words = remembered.get(cacheKey);
    if (words === undefined) {
      // Only the words themselves are kept: the lookup with nothing but its place (a value given as undefined or
      // null still empties its placeholder in i18next, so it counts as a value, never as nothing).
      const found = lookUp(key, place);
      if (typeof found !== "string") return lookUp(key, options);
      words = found;
      if (remembered.size < maxRememberedLookups) remembered.set(cacheKey, words);
    }
    // Words with a placeholder go to i18next even with no values given: its default variables may fill them.
    return placeholder.test(words) ? lookUp(key, options) : words;
  };
  instance.t = t as i18n["t"];
}
