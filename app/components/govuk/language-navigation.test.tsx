import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optArray, optAttributes, optBoolean, optHtml, optRecord, optString, inlineTexts } from "./fixtures-extra.test-support";
import { LanguageNavigation, type LanguageNavigationItem, type LanguageNavigationProps } from "./language-navigation";

function toDir(value: unknown): LanguageNavigationItem["dir"] {
  return value === "ltr" || value === "rtl" ? value : undefined;
}

function toProps(o: Record<string, unknown>): LanguageNavigationProps {
  return {
    ariaLabel: optString(o.ariaLabel),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
    items: (optArray(o.items) ?? []).map((raw) => {
      const item = optRecord(raw) ?? {};
      return {
        text: optString(item.text),
        html: optHtml(item.html),
        lang: optString(item.lang) ?? "",
        hrefLang: optString(item.hrefLang),
        dir: toDir(item.dir),
        href: optString(item.href),
        current: optBoolean(item.current),
        languageDescriptionText: optString(item.languageDescriptionText),
        classes: optString(item.classes),
        attributes: optAttributes(item.attributes),
      };
    }),
  };
}

const covered = [
  "default",
  "with multiple languages",
  "with large amount of multiple languages",
  "inverse",
  "with translated navigation label",
  "with mixed text directions",
  "with language description",
  "classes",
  "attributes",
  "item classes",
  "active item classes",
  "item attributes",
  "html",
];

describe("LanguageNavigation", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("language-navigation").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("language-navigation", name);
    const element = <LanguageNavigation {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
