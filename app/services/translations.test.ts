import { createInstance } from "i18next";
import { describe, expect, it, vi } from "vitest";
import { i18nextOptions, supportedLanguages, textDirection } from "~/i18n";
import { namespaces, resources, type Words } from "../../locales/resources";
import { registeredJourneys } from "~/journeys/journeys";
import { isReference } from "~/reference";
import { createTranslations } from "./translations.server";

/** Every string of a locale file with its key as i18next names it ("a.b.c"). */
function wordsOf(words: Words, prefix = ""): [string, string][] {
  return Object.entries(words).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : value !== null && typeof value === "object" ? wordsOf(value as Words, `${prefix}${key}.`) : [],
  );
}

/** Every key of a locale file, plural forms as their base key. */
const keysOf = (words: Words): string[] => wordsOf(words).map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, ""));

describe("the words of a right-to-left language", () => {
  it("isolate every phone number they give left to right, so its groups read in the order they are dialled", () => {
    // "01632 960 001" in Arabic text is laid out group by group from the right ("001 960 01632") unless isolated.
    const phoneNumber = /(?:\+|\b0)\d+(?: \d+)+/g;
    const unisolated: string[] = [];
    let numbers = 0;
    for (const language of supportedLanguages.filter((lng) => textDirection(lng) === "rtl")) {
      for (const namespace of namespaces) {
        for (const [key, words] of wordsOf(resources[language]![namespace]!)) {
          for (const match of words.matchAll(phoneNumber)) {
            numbers += 1;
            const isolated = words[match.index - 1] === "\u2066" && words[match.index + match[0].length] === "\u2069";
            if (!isolated) unisolated.push(`${language} ${namespace}:${key} ${match[0]}`);
          }
        }
      }
    }
    expect(numbers).toBeGreaterThan(0);
    expect(unisolated).toEqual([]);
  });

  it("isolate every run of left-to-right words in them (a law's name, a product, an example address), so the brackets and commas around it fall where they should", () => {
    // "(لوائح الصحة العامة لعام 2012، Public Health Regulations 2012)" lays its closing bracket out on the wrong side
    // unless the English is isolated. Placeholders, tags and nested keys are not words: their values are set apart
    // where they are put in.
    const notWords = /\{\{[^}]*\}\}|%\{[^}]*\}|\$t\([^)]*\)|<[^>]+>/g;
    const unisolated: string[] = [];
    let runs = 0;
    for (const language of supportedLanguages.filter((lng) => textDirection(lng) === "rtl")) {
      for (const namespace of namespaces) {
        for (const [key, words] of wordsOf(resources[language]![namespace]!)) {
          let depth = 0;
          for (const character of words.replace(notWords, "")) {
            if ("\u2066\u2067\u2068".includes(character)) depth += 1;
            else if (character === "\u2069") depth -= 1;
            else if (/[A-Za-z]/.test(character)) {
              if (depth > 0) runs += 1;
              else {
                unisolated.push(`${language} ${namespace}:${key}`);
                break;
              }
            }
          }
        }
      }
    }
    expect(runs).toBeGreaterThan(0);
    expect(unisolated).toEqual([]);
  });

  it("isolate every value a person typed (a child's name, a file's name), which may be in either direction", () => {
    // A list of names ({{names}}) sets each apart where it is made (evidence-page.server.ts): one isolate around it
    // would lay the whole list out in its first name's direction.
    const typed = /\{\{(childName|name)\}\}/g;
    const unisolated: string[] = [];
    for (const language of supportedLanguages.filter((lng) => textDirection(lng) === "rtl")) {
      for (const namespace of namespaces) {
        for (const [key, words] of wordsOf(resources[language]![namespace]!)) {
          for (const match of words.matchAll(typed)) {
            const at = match.index;
            if (words[at - 1] !== "\u2068" || words[at + match[0].length] !== "\u2069") unisolated.push(`${language} ${namespace}:${key} ${match[0]}`);
          }
        }
      }
    }
    expect(unisolated).toEqual([]);
  });
});

describe("every language's words", () => {
  it("put in every value the English words put in (a child's name, a date, a time limit), so no translation drops one", () => {
    // A time limit may be said whole ({{days.…}}) where English, having just said the unit, gives its number ({{limit.…}}).
    const valuesOf = (text: string) => new Set([...text.matchAll(/{{\s*([^}]+?)\s*}}/g)].map(([, name]) => name!.replace(/^limit\./, "days.")).filter((name) => name !== "count"));
    const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
    const dropped: string[] = [];
    for (const namespace of namespaces) {
      const english = new Map(wordsOf(resources.en![namespace]!).map(([key, text]) => [base(key), valuesOf(text)]));
      for (const language of supportedLanguages.filter((lng) => lng !== "en")) {
        for (const [key, text] of wordsOf(resources[language]![namespace]!)) {
          const wanted = english.get(base(key));
          const given = valuesOf(text);
          for (const name of wanted ?? []) if (!given.has(name)) dropped.push(`${language} ${namespace}:${key} drops {{${name}}}`);
          for (const name of given) if (wanted && !wanted.has(name)) dropped.push(`${language} ${namespace}:${key} adds {{${name}}}`);
        }
      }
    }
    expect(dropped).toEqual([]);
  });
});

describe("the example references in every language", () => {
  it("are references the portal would accept, so someone who types one to try is not told it is wrong", () => {
    const referenceShaped = /\b[A-Z]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b/g;
    const prefixes = registeredJourneys.map((journey) => journey.referencePrefix);
    const examples: string[] = [];
    for (const language of supportedLanguages) {
      for (const namespace of namespaces) {
        for (const [key, words] of wordsOf(resources[language]![namespace]!)) {
          for (const [example] of words.matchAll(referenceShaped)) examples.push(`${language} ${namespace}:${key} ${example}`);
        }
      }
    }
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((example) => !isReference(example.split(" ").at(-1), prefixes))).toEqual([]);
  });
});

describe("the server's translations", () => {
  const translations = createTranslations();

  it("give exactly i18next's own words for every key of every file, in every language, asked once or again", () => {
    for (const lng of supportedLanguages) {
      const plain = createInstance();
      void plain.init({ ...i18nextOptions, lng, ns: [...namespaces], resources, initImmediate: false });
      for (const namespace of namespaces) {
        const keys = keysOf(resources.en![namespace]!);
        const ours = translations[lng].getFixedT(lng, [namespace, "common"]);
        const theirs = plain.getFixedT(lng, [namespace, "common"]);
        for (const key of keys) {
          const expected = theirs(key);
          expect(ours(key), `${lng} ${namespace}:${key}`).toBe(expected);
          expect(ours(key), `${lng} ${namespace}:${key}, again`).toBe(expected);
          expect(translations[lng].t(key, { ns: namespace })).toBe(plain.t(key, { ns: namespace }));
          const values = { childName: "Sam <b>", councilName: "Example", generalPhone: "01632 960000", minutes: 60 };
          expect(ours(key, values), `${lng} ${namespace}:${key} with values`).toBe(theirs(key, values));
          expect(ours(key, { ...values, childName: "Ola" }), `${lng} ${namespace}:${key} with other values`).toBe(theirs(key, { ...values, childName: "Ola" }));
          expect(ours(key, { childName: undefined }), `${lng} ${namespace}:${key} with a value left undefined`).toBe(theirs(key, { childName: undefined }));
          expect(ours(key, { ...values, childName: "Ola" }), `${lng} ${namespace}:${key} after that`).toBe(theirs(key, { ...values, childName: "Ola" }));
        }
      }
    }
  });

  it("work out each key's words once, and put values into words with placeholders every time", () => {
    const instance = createTranslations().pl;
    // i18next keeps its Translator on the instance (not in its types): each lookup it works out is a translate call.
    const translate = vi.spyOn((instance as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator, "translate");
    const t = instance.getFixedT("pl", "common");
    const words = wordsOf(resources.pl!.common!).filter(([key]) => !/_(zero|one|two|few|many|other)$/.test(key));
    const [plainKey] = words.find(([, text]) => !text.includes("{{"))!;
    const [placeholderKey] = words.find(([, text]) => text.includes("{{"))!;
    t(plainKey);
    t(plainKey);
    t(plainKey, { childName: "Ola" });
    expect(translate).toHaveBeenCalledTimes(1);
    translate.mockClear();
    t(placeholderKey, { childName: "Ola" });
    t(placeholderKey, { childName: "Ola" });
    expect(translate).toHaveBeenCalledTimes(3);
  });

  it("put each lookup's own values, count and context into the words every time", () => {
    const t = translations.en.getFixedT("en", "common");
    const plain = createInstance();
    void plain.init({ ...i18nextOptions, lng: "en", resources: { en: { common: { greet: "Hello {{name}}", item_one: "{{count}} file", item_other: "{{count}} files" } } }, initImmediate: false });
    translations.en.addResourceBundle("en", "probe", { greet: "Hello {{name}}", item_one: "{{count}} file", item_other: "{{count}} files" });
    const probe = translations.en.getFixedT("en", "probe");
    expect(probe("greet", { name: "Sam" })).toBe("Hello Sam");
    expect(probe("greet", { name: "Ola" })).toBe("Hello Ola");
    expect(probe("item", { count: 1 })).toBe("1 file");
    expect(probe("item", { count: 3 })).toBe("3 files");
    expect(plain.t("item", { count: 3 })).toBe("3 files");
    expect(typeof t("nothing.here")).toBe("string");
  });

  it("keep each language's words apart, and namespaces and key prefixes apart", () => {
    const key = keysOf(resources.en!.common!)[0]!;
    const words = new Set(supportedLanguages.map((lng) => translations[lng].getFixedT(lng, "common")(key)));
    expect(words.size).toBe(supportedLanguages.length);
    const prefixed = translations.en.getFixedT("en", "common", key.split(".")[0]);
    if (key.includes(".")) expect(prefixed(key.split(".").slice(1).join("."))).toBe(translations.en.getFixedT("en", "common")(key));
  });
});
