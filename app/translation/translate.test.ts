// The page translator against i18next itself: every key of every locale file, in every language, with plurals,
// contexts, objects and values, gives what the server's i18next gives (docs/decisions/041). Both the server's
// translator (every language loaded) and the browser's (only the page's language) are checked.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createInstance } from "i18next";
import { Trans as I18nextTrans } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nextOptions, supportedLanguages } from "~/i18n";
import { namespaces, resources } from "../../locales/resources";
import { Trans, TranslationsProvider } from "./react";
import { createTranslator, interpolate } from "./translate";
import { keysOf, optionSetsFor, valuesFor } from "../../tests/support/locale-keys";

/** i18next itself, as the options in app/i18n.ts set it up, without the server's cache of plain lookups. */
function plainI18next(language: string) {
  const instance = createInstance();
  void instance.init({ ...i18nextOptions, lng: language, ns: [...namespaces], resources, initImmediate: false });
  return instance;
}

describe("the page translator gives what i18next gives", () => {
  for (const language of supportedLanguages) {
    const i18n = plainI18next(language);
    const server = createTranslator(language, resources);
    // The server's: where each key is found worked out once; every lookup below runs on it at least twice.
    const remembering = createTranslator(language, resources, { complete: true });
    const browser = createTranslator(language, { [language]: resources[language] });
    for (const namespace of namespaces) {
      it(`${language}: every key of ${namespace}`, () => {
        const keys = keysOf({ ...resources.en?.[namespace], ...resources[language]?.[namespace] });
        const values = valuesFor(resources[language]?.[namespace]);
        const fixed = [namespace, "common"];
        const expected = i18n.getFixedT(language, fixed);
        let checked = 0;
        for (const translator of [server, remembering, browser]) {
          const t = translator.fixedT(fixed);
          for (const [key, { contexts }] of [...keys, ["no.such.key", { contexts: new Set<string>(), plural: false }] as const]) {
            for (const options of optionSetsFor(namespace, keys.get(key), values)) {
              expect(t(key, options), `${key} ${JSON.stringify(options)}`).toEqual(expected(key, options as never));
              checked++;
            }
            expect(translator.exists(`${namespace}:${key}`), key).toBe(i18n.exists(`${namespace}:${key}`));
            for (const context of [undefined, ...contexts]) expect(translator.exists(key, { ns: namespace, context }), key).toBe(i18n.exists(key, { ns: namespace, context }));
            expect(t(`common:${key}`, values), key).toEqual(expected(`common:${key}`, values as never));
          }
        }
        expect(checked).toBeGreaterThanOrEqual(3 * 7 * keys.size);
      });
    }
  }
});

describe("what the locale files use is what the page translator does", () => {
  const text = JSON.stringify(resources);
  it("no nesting ($t(...)), formats ({{value, format}}) or unescaped values ({{- value}})", () => {
    expect(text).not.toMatch(/\$t\(/);
    expect(text).not.toMatch(/\{\{[^}]*,[^}]*\}\}/);
    expect(text).not.toMatch(/\{\{\s*-/);
  });
  it("pages' words hold only plain tags for <Trans>: no attributes, comments or a < that starts no tag", () => {
    for (const [language, files] of Object.entries(resources)) {
      for (const [namespace, words] of Object.entries(files)) {
        if (namespace === "emails") continue;
        for (const match of JSON.stringify(words).matchAll(/</g)) {
          const rest = JSON.stringify(words).slice(match.index, match.index + 40);
          expect(rest, `${language}/${namespace}.json`).toMatch(/^<\/?[A-Za-z0-9]+\s*\/?>/);
        }
      }
    }
  });
});

describe("interpolate", () => {
  it("fills placeholders as i18next does, value by value, never looking into a value again", () => {
    expect(interpolate("Hello {{name}}, {{ name }}!", { name: "{{name}} $&" })).toBe("Hello {{name}} $&, {{name}} $&!");
    expect(interpolate("{{missing}} and {{given}}", { given: undefined })).toBe("{{missing}} and ");
    expect(interpolate("{{a.b}} {{n}}", { a: { b: "deep" }, n: 0 })).toBe("deep 0");
  });
});

describe("<Trans> renders what react-i18next's <Trans> renders", () => {
  for (const language of supportedLanguages) {
    const i18n = plainI18next(language);
    it(`${language}: every page's words with elements in them`, () => {
      const translator = createTranslator(language, resources);
      let checked = 0;
      for (const namespace of namespaces.filter((name) => name !== "emails")) {
        const keys = keysOf(resources[language]?.[namespace]).keys();
        const values = valuesFor(resources[language]?.[namespace]);
        for (const key of keys) {
          const words = translator.fixedT([namespace, "common"])(key, { returnObjects: true });
          if (typeof words !== "string" || !/<[A-Za-z0-9]+\s*\/?>/.test(words)) continue;
          const names = [...words.matchAll(/<\/?([A-Za-z0-9]+)\s*\/?>/g)].map((match) => match[1]!);
          const components: Record<string, ReactElement> = {};
          for (const name of names) components[name] = createElement("a", { className: "govuk-link", href: `#${name}` });
          const ours = renderToStaticMarkup(
            createElement(TranslationsProvider, { translations: { translator, missing: () => undefined } }, createElement(Trans, { t: translator.fixedT([namespace, "common"]), i18nKey: key, values, components })),
          );
          const theirs = renderToStaticMarkup(createElement(I18nextTrans, { t: i18n.getFixedT(language, [namespace, "common"]), i18n, i18nKey: key, values, components }));
          expect(ours, `${language} ${namespace}:${key}`).toBe(theirs);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });
  }
});

describe("<Trans> with what the locale files could use next", () => {
  // Words the locale files do not use today, each with what react-i18next gives for it: self-closing components with
  // their own children, the basic HTML tags it renders itself, tags it leaves as text, no components, white space.
  const words: Record<string, string> = {
    selfClosing: "Look <icon/> here and <mail/> there",
    emptyPair: "Before <mail></mail> after",
    basic: "A <strong>bold</strong> word,<br/>a new line, <i>this</i> and <p>that</p>",
    voidWithout: "One<br>two",
    unknown: "An <unknown>odd</unknown> tag and <x/> one",
    nested: "Outer <mail>in <strong>bold</strong> link</mail> end",
    spaces: "<mail>one</mail> <page>two</page>",
    plain: "Call {{phone}} or email {{email}}",
    withValues: "Call <mail>{{email}}</mail> on {{phone}}",
  };
  const resources = { en: { test: words } };
  const i18n = createInstance();
  void i18n.init({ ...i18nextOptions, lng: "en", ns: ["test"], defaultNS: "test", resources, initImmediate: false });
  const translator = createTranslator("en", resources);
  const components = {
    icon: createElement("svg", { className: "icon" }, createElement("path", { d: "M0 0" })),
    mail: createElement("a", { className: "govuk-link", href: "mailto:a@example.org" }, "a@example.org"),
    page: createElement("a", { href: "/page" }),
  };
  const values = { phone: "{{email}} <b/>", email: "a@example.org" };
  for (const key of Object.keys(words)) {
    for (const [label, given] of [["components", components], ["no components", undefined]] as const) {
      it(`${key}, ${label}`, () => {
        const ours = renderToStaticMarkup(
          createElement(TranslationsProvider, { translations: { translator, missing: () => undefined } }, createElement(Trans, { t: translator.fixedT(["test"]), i18nKey: key, values, components: given })),
        );
        const theirs = renderToStaticMarkup(createElement(I18nextTrans, { t: i18n.getFixedT("en", ["test"]), i18n, i18nKey: key, values, components: given }));
        expect(ours).toBe(theirs);
      });
    }
  }
});
