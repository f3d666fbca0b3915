// Every language must have every key: a missing one would show English, or worse a raw key, to someone.
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "../app/i18n";
import { localeStrings } from "../tests/support/locale-strings";
import { namespaces, resources } from "./resources";

/** Plural forms differ by language (Polish has few and many), so plural keys are compared by their base. */
const pluralSuffix = /(_(zero|one|two|few|many|other))$|\.(zero|one|two|few|many|other)$/;

function keyPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`, ...value.flatMap((item, i) => keyPaths(item, `${prefix}[${i}]`))];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix.replace(pluralSuffix, "")];
}

function emptyStrings(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return value.trim() ? [] : [prefix];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => emptyStrings(v, `${prefix}.${k}`));
  return [];
}

describe("locales", () => {
  for (const namespace of namespaces) {
    const english = new Set(keyPaths(resources.en?.[namespace]));
    it(`en/${namespace}.json has no empty strings`, () => {
      expect(english.size).toBeGreaterThan(0);
      expect(emptyStrings(resources.en?.[namespace]), "empty strings").toEqual([]);
    });
    // English is the reference, so it is compared only with the other languages, never with itself.
    for (const language of supportedLanguages.filter((l) => l !== "en")) {
      it(`${language}/${namespace}.json has exactly the English keys, none empty`, () => {
        const words = resources[language]?.[namespace];
        expect(words, `locales/${language}/${namespace}.json`).toBeDefined();
        const keys = new Set(keyPaths(words));
        expect([...english].filter((k) => !keys.has(k)), "missing keys").toEqual([]);
        expect([...keys].filter((k) => !english.has(k)), "extra keys").toEqual([]);
        expect(emptyStrings(words), "empty strings").toEqual([]);
      });
    }
  }
});

describe("English words marked in another language's text (<en>…</en>)", () => {
  /** Where a question page shows the words, and marks them (app/translation/language-parts.tsx): a question's hint,
   * an option's label and hint, and the paragraphs around the question (page-extras.tsx); and the start page's words
   * that name the services, the people who can complain and the stages (app/routes/_index.tsx). */
  const shownMarked =
    /^([^:]+:pages\.[^.]+\.(hint|fields\.[^.]+\.hint|fields\.[^.]+\.options\.[^.]+\.(label|hint)(_[a-zA-Z]+)?)|[^:]+:extras\.[^.]+\.\d+|start:(servicesExplained|whoCan\.(specialGuardian|fosterCarer|careLeaver)|nextSteps\.(workingDays|stage2\.who|stage3\.when|ombudsman\.body)))$/;

  it("are marked only where they are shown marked, whole, and never in English itself", () => {
    const misplaced: string[] = [];
    let marked = 0;
    for (const language of supportedLanguages) {
      for (const namespace of namespaces) {
        for (const [key, text] of localeStrings(resources[language]?.[namespace])) {
          if (!text.includes("<en>") && !text.includes("</en>")) continue;
          marked++;
          const whole = text.replace(/<en>[^<]+<\/en>/g, "");
          if (language === "en" || !shownMarked.test(`${namespace}:${key}`) || whole.includes("<en>") || whole.includes("</en>")) misplaced.push(`${language} ${namespace}:${key}`);
        }
      }
    }
    expect(marked).toBeGreaterThan(0);
    expect(misplaced).toEqual([]);
  });
});
