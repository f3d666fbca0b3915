import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { SkipLink, type SkipLinkProps } from "./skip-link";

function toProps(o: Record<string, unknown>): SkipLinkProps {
  return {
    href: optString(o.href),
    text: optString(o.text),
    html: optHtml(o.html),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = ["default", "with focus", "no href", "custom href", "custom text", "html as text", "html", "classes", "attributes"];

describe("SkipLink", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("skip-link").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("skip-link", name);
    const element = <SkipLink {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
