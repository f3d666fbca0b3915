// Records the places a page's render read its words from, and writes them for the browser (docs/decisions/053).
import { createHash } from "node:crypto";
import type { PageTranslations } from "./react";
import { defaultNamespace } from "~/i18n";
import { createTranslator, isRecord, own, wordsAt, type LanguageWords, type TFunction, type TranslateOptions, type Translator } from "./translate";
import type { NamespaceWords, PageWords } from "./page-words";

/** One lookup as the render made it: only what decides where it reads (values never do). */
export interface Lookup {
  namespaces: readonly string[];
  key: string;
  count: unknown;
  context: unknown;
  returnObjects: boolean;
  exists: boolean;
}

/**
 * The places `lookups` read in `language`'s locale files, replayed through the translator's own search: what it
 * found (whole, when it found an object) and where it found nothing. English read as a fallback is not recorded:
 * the browser has only the page's language, and every locale file holds every key.
 */
export function pageWordsOf(language: string, words: Readonly<Record<string, LanguageWords | undefined>>, lookups: Iterable<Lookup>): PageWords {
  const read = wordsAt(words);
  const result = new Map<string, NamespaceWords>();
  // The objects made here, as against objects of the locale files put in whole (never written into).
  const made = new WeakSet<object>();
  const namespaceOf = (namespace: string): NamespaceWords => {
    let entry = result.get(namespace);
    if (!entry) {
      entry = { words: {} };
      made.add(entry.words);
      result.set(namespace, entry);
    }
    return entry;
  };
  const record = (namespace: string, path: string, value: unknown) => {
    const entry = namespaceOf(namespace);
    const parts = path.split(".");
    let here: Record<string, unknown> = entry.words;
    for (const part of parts.slice(0, -1)) {
      const next = own(here, part);
      if (isRecord(next) && !made.has(next)) return; // inside an object already put in whole
      if (!isRecord(next)) {
        const child: Record<string, unknown> = {};
        made.add(child);
        here[part] = child;
        here = child;
      } else here = next as Record<string, unknown>;
    }
    const last = parts.at(-1)!;
    const existing = own(here, last);
    if (isRecord(existing) && !made.has(existing)) return;
    here[last] = value;
    if (isRecord(value)) (entry.whole ??= []).push(path);
  };
  const translator = createTranslator(language, words, {
    lookup(code, namespace, path) {
      const value = read(code, namespace, path);
      if (code !== language || !words[code]?.[namespace]) return value;
      if (value === undefined) (namespaceOf(namespace).absent ??= []).push(path);
      else record(namespace, path, value);
      return value;
    },
  });
  for (const lookup of lookups) {
    const options: TranslateOptions = { ns: lookup.namespaces, count: lookup.count, context: lookup.context, returnObjects: lookup.returnObjects };
    if (lookup.exists) translator.exists(lookup.key, options);
    else translator.fixedT(lookup.namespaces)(lookup.key, options as TranslateOptions & { returnObjects: false });
  }
  for (const entry of result.values()) {
    if (entry.absent) entry.absent = [...new Set(entry.absent)];
    if (entry.whole) entry.whole = [...new Set(entry.whole)];
  }
  return Object.fromEntries(result);
}

/** The page's words as a data block's text: JSON with every "<" escaped, so nothing in it can end the block. */
export function pageWordsText(pageWords: PageWords): string {
  return JSON.stringify(pageWords).replace(/</g, "\\u003c");
}

/** Writes the data block's text for a render's lookups; `signature` names those lookups, one for each set. */
export type PageWordsWriter = (lookups: readonly Lookup[], signature: string) => string;

/** Far more distinct pages than the portal has (a page, its variants and its errors): a bound only. */
const maxRemembered = 2_000;

/**
 * Page words for `language`, remembered by a digest of the lookups that made them: most renders of a page make the
 * same lookups, so the text is worked out once for each; the least recently used is forgotten first.
 */
export function pageWordsWriter(language: string, words: Readonly<Record<string, LanguageWords | undefined>>): PageWordsWriter {
  const remembered = new Map<string, string>();
  return (lookups, signature) => {
    const digest = createHash("sha256").update(signature).digest("base64");
    let text = remembered.get(digest);
    if (text === undefined) {
      text = pageWordsText(pageWordsOf(language, words, lookups));
      if (remembered.size >= maxRemembered) remembered.delete(remembered.keys().next().value!);
    } else remembered.delete(digest);
    remembered.set(digest, text);
    return text;
  };
}

/**
 * The server's page translations for one render, noting each lookup; `pageWords()` after the render gives the data
 * block's text. Lookups go to the shared translator as before, so its remembered answers still serve them.
 */
export function recordingTranslations(base: PageTranslations, write: PageWordsWriter): { translations: PageTranslations; pageWords(): string } {
  const lookups: Lookup[] = [];
  const seen = new Set<string>();
  const ids: string[] = [];
  // `names`: the namespaces as one string, worked out once for each `t` rather than for each lookup.
  const note = (namespaces: readonly string[], names: string, key: string, options: TranslateOptions | undefined, exists: boolean) => {
    const count = options?.count;
    const context = options?.context;
    const returnObjects = options?.returnObjects === true;
    // A count or context is named with its type: 1 and "1" are different lookups (a string count is no plural).
    const id =
      count === undefined && context === undefined && !returnObjects && !exists
        ? `${names}:${key}`
        : `${exists ? "?" : ""}${names}:${key}|${typeof count}:${String(count)}|${typeof context}:${String(context)}|${returnObjects ? 1 : 0}`;
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
    lookups.push({ namespaces, key, count, context, returnObjects, exists });
  };
  const inner = base.translator;
  const listOf = (ns: string | readonly string[]) => (typeof ns === "string" ? [ns] : ns);
  const translator: Translator = {
    language: inner.language,
    interpolate: inner.interpolate,
    fixedT(fixed, defaults) {
      const t = inner.fixedT(fixed, defaults);
      const fixedNames = t.ns.join(",");
      const recording = ((key: string, options?: TranslateOptions) => {
        if (options?.ns === undefined) note(t.ns, fixedNames, key, options, false);
        else note(listOf(options.ns), listOf(options.ns).join(","), key, options, false);
        return t(key, options as TranslateOptions & { returnObjects: false });
      }) as TFunction;
      Object.defineProperty(recording, "ns", { value: t.ns });
      return recording;
    },
    exists(key, options) {
      const namespaces = options?.ns === undefined ? [defaultNamespace] : listOf(options.ns);
      note(namespaces, namespaces.join(","), key, options, true);
      return inner.exists(key, options);
    },
  };
  return { translations: { translator, missing: base.missing }, pageWords: () => write(lookups, ids.join("\n")) };
}
