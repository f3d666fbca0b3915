// The words a page comes with (docs/decisions/053): the browser's translator, reading only the places the server's
// render read, gives what the server gave for every lookup of every key of every locale file, in every language;
// and for a lookup the render did not make, it gives the same words or says it does not know, never other words.
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "~/i18n";
import { namespaces, resources } from "../../locales/resources";
import { keysOf, optionSetsFor, valuesFor } from "../../tests/support/locale-keys";
import { pageWordsReader, parsePageWords, type PageWords } from "./page-words";
import { pageWordsOf, pageWordsText, pageWordsWriter, recordingTranslations } from "./page-words.server";
import { createTranslator, type TranslateOptions } from "./translate";

class NotKnown extends Error {}

/** The browser's translator with only the page's words: a place they do not know is an error here. */
function fromPageWords(language: string, pageWords: PageWords) {
  const readers = new Map(Object.entries(pageWords).map(([namespace, words]) => [namespace, pageWordsReader(words)]));
  return createTranslator(language, {}, {
    lookup(code, namespace, path) {
      // The browser has only the page's language; a namespace with no locale file has no words.
      if (code !== language || !resources[language]?.[namespace]) return undefined;
      const known = readers.get(namespace)?.(path);
      if (!known?.known) throw new NotKnown(`${namespace}:${path}`);
      return known.value;
    },
  });
}

/** What the server's translator gives for `lookups`, with the page words written for them. */
function render(language: string, lookups: readonly (readonly [string, Record<string, unknown>])[], fixed: readonly string[]) {
  const server = createTranslator(language, resources, { complete: true });
  const recording = recordingTranslations({ translator: server, missing: () => undefined }, (made) => pageWordsText(pageWordsOf(language, resources, made)));
  const t = recording.translations.translator.fixedT(fixed);
  const given = lookups.map(([key, options]) => t(key, options as TranslateOptions & { returnObjects: false }));
  const exists = lookups.map(([key, options]) => recording.translations.translator.exists(key, { ...options, ns: fixed[0] }));
  const pageWords = parsePageWords(recording.pageWords());
  expect(pageWords).not.toBeNull();
  return { given, exists, pageWords: pageWords! };
}

describe("a page's words give the page's first render what the server's gave", () => {
  for (const language of supportedLanguages) {
    for (const namespace of namespaces) {
      it(`${language}: every lookup of every key of ${namespace}, one key a page and all in one page`, () => {
        const keys = keysOf({ ...resources.en?.[namespace], ...resources[language]?.[namespace] });
        const values = valuesFor(resources[language]?.[namespace]);
        const fixed = [namespace, "common"];
        const lookupsOf = (key: string) => optionSetsFor(namespace, keys.get(key), values).map((options) => [key, options] as const);
        const check = (lookups: readonly (readonly [string, Record<string, unknown>])[]) => {
          const { given, exists, pageWords } = render(language, lookups, fixed);
          const browser = fromPageWords(language, pageWords);
          const t = browser.fixedT(fixed);
          lookups.forEach(([key, options], index) => {
            expect(t(key, options as TranslateOptions & { returnObjects: false }), `${key} ${JSON.stringify(options)}`).toEqual(given[index]);
            expect(browser.exists(key, { ...options, ns: namespace }), key).toBe(exists[index]);
          });
        };
        let checked = 0;
        for (const key of [...keys.keys(), "no.such.key"]) {
          check(lookupsOf(key));
          checked++;
        }
        check([...keys.keys()].flatMap(lookupsOf));
        expect(checked).toBe(keys.size + 1);
      });
    }
  }
});

describe("a lookup the page's render did not make", () => {
  for (const language of supportedLanguages) {
    it(`${language}: gives the server's words or is not known, never other words`, () => {
      let known = 0;
      let notKnown = 0;
      for (const namespace of namespaces) {
        const keys = [...keysOf(resources[language]?.[namespace]).keys()];
        const values = valuesFor(resources[language]?.[namespace]);
        const fixed = [namespace, "common"];
        // A page that read every third key, whole objects among them.
        const read = keys.filter((_key, index) => index % 3 === 0).map((key, index) => [key, index % 2 ? { ...values, returnObjects: true } : values] as const);
        const { pageWords } = render(language, read, fixed);
        const server = createTranslator(language, resources).fixedT(fixed);
        const browser = fromPageWords(language, pageWords).fixedT(fixed);
        for (const key of keys) {
          for (const options of [values, { ...values, returnObjects: true }, { ...values, count: 3 }]) {
            try {
              expect(browser(key, options), `${namespace}:${key} ${JSON.stringify(options)}`).toEqual(server(key, options));
              known++;
            } catch (error) {
              if (!(error instanceof NotKnown)) throw error;
              notKnown++;
            }
          }
        }
      }
      expect(known).toBeGreaterThan(100);
      expect(notKnown).toBeGreaterThan(100);
    });
  }
});

describe("pageWordsReader", () => {
  const read = pageWordsReader({ words: { a: { b: "B", c: { d: "D" } }, e: { f: "F" }, n: null }, whole: ["a.c"], absent: ["a.x", "q.r"] });
  it("knows what was read, what was read whole and what was found missing", () => {
    expect(read("a.b")).toEqual({ known: true, value: "B" });
    expect(read("a.c")).toEqual({ known: true, value: { d: "D" } });
    expect(read("a.c.d")).toEqual({ known: true, value: "D" });
    expect(read("a.c.z")).toEqual({ known: true, value: undefined });
    expect(read("a.x")).toEqual({ known: true, value: undefined });
    expect(read("q.r")).toEqual({ known: true, value: undefined });
    expect(read("n")).toEqual({ known: true, value: null });
    // Below words rather than an object: missing in the whole file too.
    expect(read("a.b.c")).toEqual({ known: true, value: undefined });
  });
  it("does not know a place it was not given, or an object it holds only parts of", () => {
    expect(read("a.y")).toEqual({ known: false });
    expect(read("q.s")).toEqual({ known: false });
    expect(read("a")).toEqual({ known: false });
    expect(read("e")).toEqual({ known: false });
  });
});

describe("the data block", () => {
  it("holds no '<', so nothing in the words can end it or start a comment", () => {
    const text = pageWordsText({ common: { words: { a: "</script><!-- <b>" } } });
    expect(text).not.toContain("<");
    expect(parsePageWords(text)).toEqual({ common: { words: { a: "</script><!-- <b>" } } });
  });
  it("is not read when it is not page words", () => {
    for (const text of ["", "not json", "[]", '{"common":"x"}', '{"common":{"words":[]}}', null, undefined]) expect(parsePageWords(text)).toBeNull();
  });
  it("is worked out once for the same lookups, and again for others", () => {
    const write = pageWordsWriter("en", resources);
    const server = createTranslator("en", resources, { complete: true });
    const renderOnce = (key: string) => {
      const recording = recordingTranslations({ translator: server, missing: () => undefined }, write);
      recording.translations.translator.fixedT(["common"])(key);
      return recording.pageWords();
    };
    const first = renderOnce("buttons.continue");
    expect(renderOnce("buttons.continue")).toBe(first);
    expect(JSON.parse(first)).toEqual({ common: { words: { buttons: { continue: resources.en!.common!.buttons && (resources.en!.common!.buttons as Record<string, string>).continue } } } });
    expect(renderOnce("layout.back")).not.toBe(first);
  });
  it("notes a count or context with its type: a count of 1 (a plural) and of \"1\" (none) read different places", () => {
    const lookups: [string, Record<string, unknown>][] = [
      ["time.workingDays", { count: 1 }],
      ["time.workingDays", { count: "1" }],
      ["answers.or", { context: 1 }],
      ["answers.or", { context: "1" }],
    ];
    for (const language of supportedLanguages) {
      const { given, pageWords } = render(language, lookups, ["common"]);
      const t = fromPageWords(language, pageWords).fixedT(["common"]);
      lookups.forEach(([key, options], index) => expect(t(key, options as TranslateOptions & { returnObjects: false })).toEqual(given[index]));
    }
  });

  it("never writes into the locale files it copies from", () => {
    const before = JSON.stringify(resources);
    pageWordsOf("en", resources, [
      { namespaces: ["common"], key: "layout", count: undefined, context: undefined, returnObjects: true, exists: false },
      { namespaces: ["common"], key: "layout.back", count: undefined, context: undefined, returnObjects: false, exists: false },
      { namespaces: ["common"], key: "layout.no.such", count: undefined, context: undefined, returnObjects: false, exists: false },
    ]);
    expect(JSON.stringify(resources)).toBe(before);
  });
});
