import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { GenericHeader, type GenericHeaderProps } from "./header";

function toProps(o: Record<string, unknown>): GenericHeaderProps {
  return {
    url: optString(o.url),
    logoText: optString(o.logoText),
    logoHtml: optHtml(o.logoHtml),
    containerClasses: optString(o.containerClasses),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

// Fixtures of components/generic-header; components/header (the crown header) is deliberately not implemented.
const covered = ["default", "with image logo", "with text and image logo", "full width", "attributes", "classes", "custom url"];

describe("GenericHeader", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("generic-header").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("generic-header", name);
    const element = <GenericHeader {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });

  it("never renders the GOV.UK crown", () => {
    const html = renderNormalised(<GenericHeader logoText="Anytown Council" url="/" />);
    expect(html).not.toMatch(/govuk-logo|govuk-header__logotype|<svg/);
    expect(html).toContain("Anytown Council");
  });
});
