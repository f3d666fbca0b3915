// Looks words up for a page, the way i18next does, in the browser and on the server alike (docs/decisions/041).
//
// i18next stays the portal's translation library on the server (emails, the annual report, what loaders and actions
// say), with the options in app/i18n.ts. A page's components look their words up here instead: the same locale
// files, the same keys, and the same answers as i18next for everything the locale files use (nested keys, a
// namespace before a colon, the fallback namespace, `{{value}}` placeholders, plurals by `count` through
// Intl.PluralRules, `context`, `returnObjects`, `defaultValue`), so the browser needs none of i18next's 60 KB.
// app/translation/translate.test.ts checks every key of every locale file, in every language, against i18next
// itself, and that the locale files use nothing this file does not do (nesting with $t(...), formats, {{- value}}).
import { defaultNamespace, fallbackLanguage, i18nextOptions } from "~/i18n";

/** One language's words: namespace → its locale file. */
export type LanguageWords = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/** What a lookup may carry: the values its placeholders take, and i18next's options the portal uses. */
export type TranslateOptions = Readonly<Record<string, unknown>> & {
  readonly ns?: string | readonly string[];
  readonly count?: unknown;
  readonly context?: unknown;
  readonly returnObjects?: boolean;
  readonly defaultValue?: unknown;
};

/** A lookup fixed to a page's namespaces, as react-i18next's `t`: a string, or with returnObjects what the key holds. */
export interface TFunction {
  (key: string, options?: TranslateOptions & { readonly returnObjects?: false }): string;
  (key: string, options: TranslateOptions & { readonly returnObjects: true }): unknown;
  /** The namespaces this `t` looks in first, in order (then the fallback namespace). */
  readonly ns: readonly string[];
}

export interface Translator {
  readonly language: string;
  /**
   * A `t` looking in `namespaces` first (the first is the default), then the fallback namespace; a placeholder the
   * lookup's own values do not fill takes its value from `defaults` (i18next's `interpolation.defaultVariables`).
   */
  fixedT(namespaces?: string | readonly string[], defaults?: Readonly<Record<string, unknown>>): TFunction;
  /** Whether a key has words, as i18next's `exists`. */
  exists(key: string, options?: TranslateOptions): boolean;
  /** Puts values into `{{name}}` placeholders, as i18next's interpolator (values are never escaped: React does). */
  interpolate(text: string, values: Readonly<Record<string, unknown>>): string;
}

const nsSeparator = ":";
const keySeparator = ".";
const suffixSeparator = "_";
const placeholder = /\{\{(.+?)\}\}/g;
/** Far more lookups than the locale files hold: a limit only so that no caller could make the memory grow without end. */
const maxRememberedLookups = 20_000;

/** An object or array in a locale file (anything a path can go on into). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null;
/** An object's own property, never an inherited one such as `constructor`. */
export const own = (object: Readonly<Record<string, unknown>>, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

/** Follows a dotted path through nested objects (own properties only). */
function atPath(words: unknown, path: string): unknown {
  let here = words;
  for (const part of path.split(keySeparator)) {
    if (!isRecord(here)) return undefined;
    here = own(here, part);
  }
  return here;
}

/**
 * Where a translator reads a key's words: a language, a namespace and a dotted path in it. The browser's reads the
 * words a page came with before its locale files (app/translation/page-words.ts); the server records what a page read.
 */
export type WordLookup = (language: string, namespace: string, path: string) => unknown;

/** Reads words from whole locale files. */
export function wordsAt(words: Readonly<Record<string, LanguageWords | undefined>>): WordLookup {
  return (language, namespace, path) => {
    const file = words[language]?.[namespace];
    return file ? atPath(file, path) : undefined;
  };
}

/** A lookup's value is usable unless it is missing or null (i18next's returnNull: false; empty strings count). */
const found = (value: unknown): boolean => value !== undefined && value !== null;

/** i18next's makeString: what a placeholder shows for a value that is not a string. */
const shown = (value: unknown): string => (value === undefined || value === null ? "" : String(value));

/**
 * i18next's interpolation, step for step: each `{{name}}` in turn takes its value (a dotted name reaches into an
 * object); a name the values do not hold stays as written, and one they hold as undefined becomes empty. A value
 * is never looked into again for placeholders of its own.
 */
export function interpolate(text: string, values: Readonly<Record<string, unknown>>, defaults?: Readonly<Record<string, unknown>>): string {
  // Most words have no placeholder: nothing to search them for.
  if (!text.includes("{{")) return text;
  const pattern = new RegExp(placeholder.source, "g");
  let result = text;
  let match: RegExpExecArray | null;
  let replaces = 0;
  while ((match = pattern.exec(result))) {
    const name = match[1]!.trim();
    let value: unknown = atPath(values, name);
    if (value === undefined) value = own(values, name);
    if (value === undefined && defaults && !Object.prototype.hasOwnProperty.call(values, name)) value = atPath(defaults, name);
    let text: string;
    if (value === undefined) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) continue;
      text = "";
    } else text = typeof value === "string" ? value : shown(value);
    // As i18next: the first place these characters stand is the one replaced, and the search goes on after the value.
    result = result.replace(match[0], text.replace(/\$/g, "$$$$"));
    pattern.lastIndex += text.length - match[0].length;
    if (++replaces >= 1000) break;
  }
  return result;
}

/** One set of plural rules per language, made once and shared by every translator: each is costly to make. */
const pluralRules = new Map<string, Intl.PluralRules>();
function ruleFor(code: string): Intl.PluralRules {
  let rules = pluralRules.get(code);
  if (!rules) pluralRules.set(code, (rules = new Intl.PluralRules(code)));
  return rules;
}

/**
 * A translator over `words` (language → namespace → locale file) for `language`, falling back to English for
 * a key the language lacks when English's words are there (the browser loads only the page's own language: the
 * locale files are checked to hold every key in every language).
 *
 * `complete`: the words are all there and never change (the server's, bundled), so where a key without a count or
 * context is found is worked out once and remembered; the browser's namespaces arrive as they are needed.
 */
export function createTranslator(
  language: string,
  words: Readonly<Record<string, LanguageWords | undefined>>,
  { complete = false, lookup = wordsAt(words) }: { complete?: boolean; lookup?: WordLookup } = {},
): Translator {
  const languages = language === fallbackLanguage ? [language] : [language, fallbackLanguage];

  function split(key: string, namespaces: readonly string[]): { key: string; namespaces: readonly string[] } {
    const at = key.indexOf(nsSeparator);
    if (at < 0) return { key, namespaces };
    const parts = key.split(nsSeparator);
    return { key: parts.slice(1).join(keySeparator), namespaces: [parts[0]!] };
  }

  type Resolved = { value: unknown; key: string; exactKey: string; namespaces: readonly string[] };
  const remembered = new Map<string, Resolved>();

  function resolve(fullKey: string, options: TranslateOptions, namespaces: readonly string[]): Resolved {
    if (!complete || options.count !== undefined || options.context !== undefined) return search(fullKey, options, namespaces);
    const place = namespaces.length === 1 ? `${namespaces[0]!}\u0000${fullKey}` : `${namespaces.join("\u0001")}\u0000${fullKey}`;
    let found = remembered.get(place);
    if (!found) {
      found = search(fullKey, options, namespaces);
      if (remembered.size < maxRememberedLookups) remembered.set(place, found);
    }
    return found;
  }

  function search(fullKey: string, options: TranslateOptions, namespaces: readonly string[]): Resolved {
    const extracted = split(fullKey, namespaces);
    const key = extracted.key;
    const searched = [...extracted.namespaces, i18nextOptions.fallbackNS];
    const count = options.count;
    const plural = count !== undefined && typeof count !== "string";
    const context = options.context;
    const withContext = context !== undefined && (typeof context === "string" || typeof context === "number") && context !== "";
    for (const ns of searched) {
      for (const code of languages) {
        const suffix = plural ? `${suffixSeparator}${ruleFor(code).select(count as number)}` : "";
        // Tried last first, as i18next pops them: the most particular form of the key wins.
        const keys = [key];
        if (plural) {
          keys.push(key + suffix);
          if (count === 0) keys.push(`${key}${suffixSeparator}zero`);
        }
        if (withContext) {
          const contextKey = `${key}${suffixSeparator}${String(context)}`;
          keys.push(contextKey);
          if (plural) {
            keys.push(contextKey + suffix);
            if (count === 0) keys.push(`${contextKey}${suffixSeparator}zero`);
          }
        }
        for (let i = keys.length - 1; i >= 0; i--) {
          const value = lookup(code, ns, keys[i]!);
          if (found(value)) return { value, key, exactKey: keys[i]!, namespaces: extracted.namespaces };
        }
      }
    }
    return { value: undefined, key, exactKey: key, namespaces: extracted.namespaces };
  }

  function translate(fullKey: string, options: TranslateOptions, namespaces: readonly string[], defaults: Readonly<Record<string, unknown>> | undefined): unknown {
    const resolved = resolve(fullKey, options, namespaces);
    const value = resolved.value;
    if (isRecord(value)) {
      if (!options.returnObjects) return `key '${resolved.key} (${language})' returned an object instead of string.`;
      // Each part looked up again by its own key, with the same values (as i18next does), so placeholders are filled.
      const base = Array.isArray(value) ? resolved.exactKey : resolved.key;
      const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
      for (const part of Object.keys(value)) {
        const deepKey = `${base}${keySeparator}${part}`;
        let translated = translate(deepKey, { ...options, ns: resolved.namespaces }, resolved.namespaces, defaults);
        if (translated === deepKey) translated = own(value, part);
        (copy as Record<string, unknown>)[part] = translated;
      }
      return copy;
    }
    let text: unknown = value;
    if (!found(text) && "defaultValue" in options && options.defaultValue !== undefined) text = options.defaultValue;
    if (!found(text)) text = resolved.key;
    return typeof text === "string" ? interpolate(text, options, defaults) : text;
  }

  const namespacesOf = (ns: string | readonly string[] | undefined): readonly string[] => (ns === undefined ? [defaultNamespace] : typeof ns === "string" ? [ns] : ns);

  return {
    language,
    fixedT(fixed, defaults) {
      const fixedNamespaces = namespacesOf(fixed);
      const t = ((key: string, options: TranslateOptions = {}) => {
        const namespaces = options.ns === undefined ? fixedNamespaces : namespacesOf(options.ns);
        return translate(key, options, namespaces, defaults);
      }) as TFunction;
      Object.defineProperty(t, "ns", { value: fixedNamespaces });
      return t;
    },
    exists(key, options = {}) {
      return resolve(key, options, namespacesOf(options.ns)).value !== undefined;
    },
    interpolate,
  };
}
