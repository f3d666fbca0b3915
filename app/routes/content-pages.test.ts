// The content pages' words: every language must say the same things as English, with nothing left blank and no
// council's details written into the copy (they come from the council's settings through interpolation).
import { describe, expect, it } from "vitest";
import { exampleCouncil } from "~/config/example-council";
import { supportedLanguages } from "~/i18n";
import { resources } from "../../locales/resources";
import { localeStrings } from "../../tests/support/locale-strings";

/** A key as said in every language: plural forms differ by language (Polish has "few", Arabic "two"…). */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

/** Keys in one file but not the other, so a failure names exactly what is missing where. */
function keyDifferences(a: unknown, b: unknown) {
  const aKeys = [...new Set([...localeStrings(a).keys()].map(baseKey))];
  const bKeys = [...new Set([...localeStrings(b).keys()].map(baseKey))];
  return {
    onlyInFirst: aKeys.filter((key) => !bKeys.includes(key)).sort(),
    onlyInSecond: bKeys.filter((key) => !aKeys.includes(key)).sort(),
  };
}

/**
 * The {{values}} and <tags> a translation must keep for the page to fill it in. A plural form may say its count in
 * words ("one day", Arabic's "two days"), so {{count}} is not one of them.
 */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)>/g)]
    .map((match) => match[0].replace(/\s/g, ""))
    .filter((found) => found !== "{{count}}")
    // A translation's mark for the English words it gives beside its own, which English has no need of (decision 096).
    .filter((found) => found !== "<en>" && found !== "</en>")
    .sort();
}

// The start page's words are a namespace of their own (the browser fetches only those on the start page), and the
// "child in danger" block and the contact methods' labels, shown on the start and contact pages, are in common.json.
const locales = Object.fromEntries(
  supportedLanguages.map((language) => {
    const { pages, start, common } = resources[language]!;
    return [language, { ...pages!, start: start!, dangerNow: common!.dangerNow, contactMethods: common!.contactMethods }];
  }),
);
const en = locales.en!;
const translations = supportedLanguages.filter((language) => language !== "en");

describe("content pages' locale files", () => {
  it("have one top-level key per page (the start page's in start.json), and the shared blocks from common.json", () => {
    for (const messages of Object.values(locales)) {
      expect(Object.keys(messages).sort()).toEqual(["accessibility", "contact", "contactMethods", "cookies", "dangerNow", "privacy", "start"]);
    }
  });

  it("notices a key that is in one language only", () => {
    expect(keyDifferences({ start: { title: "a", extra: "b" } }, { start: { title: "a" } })).toEqual({
      onlyInFirst: ["start.extra"],
      onlyInSecond: [],
    });
  });

  it.each(translations)("have exactly the same keys in English and %s", (language) => {
    expect(keyDifferences(en, locales[language])).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  });

  it("have no empty strings", () => {
    for (const [language, messages] of Object.entries(locales)) {
      const empty = [...localeStrings(messages)].filter(([, text]) => text.trim() === "").map(([key]) => `${language}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it.each(translations)("keep every {{value}} and <tag> in the %s translation", (language) => {
    const english = localeStrings(en);
    const mismatched = [...localeStrings(locales[language])]
      .filter(([key, text]) => english.has(key) && placeholders(text).join() !== placeholders(english.get(key) ?? "").join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("do not write a council's own details into the copy", () => {
    const council = exampleCouncil;
    const facts = [
      council.councilName,
      council.contact.phone,
      council.contact.email,
      council.contact.generalComplaintsPhone,
      council.safeguarding.childrenPhone,
      council.childline,
      council.advocacy.providerName,
      council.advocacy.phone,
      council.dataProtection.officerEmail,
      ...council.contact.postalAddress.slice(2),
    ];
    for (const [language, messages] of Object.entries(locales)) {
      for (const [key, text] of localeStrings(messages)) {
        for (const fact of facts) expect(text, `${language}:${key}`).not.toContain(fact);
      }
    }
  });
});
