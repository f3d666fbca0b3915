import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { WarningText, type WarningTextProps } from "./warning-text";

function toProps(o: Record<string, unknown>): WarningTextProps {
  return {
    text: optString(o.text),
    html: optHtml(o.html),
    iconFallbackText: optString(o.iconFallbackText),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = [
  "default",
  "multiple lines",
  "attributes",
  "classes",
  "html",
  "html as text",
  "icon fallback text only",
  "no icon fallback text",
];

describe("WarningText", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("warning-text").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("warning-text", name);
    const element = <WarningText {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
