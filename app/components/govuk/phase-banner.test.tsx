import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optRecord, optString, inlineTexts } from "./fixtures-extra.test-support";
import { PhaseBanner, type PhaseBannerProps } from "./phase-banner";

function toProps(o: Record<string, unknown>): PhaseBannerProps {
  const tag = optRecord(o.tag);
  return {
    tag: tag && { text: optString(tag.text), html: optHtml(tag.html), classes: optString(tag.classes) },
    text: optString(o.text),
    html: optHtml(o.html),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = ["default", "classes", "text", "html as text", "attributes", "tag html", "tag classes"];

describe("PhaseBanner", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("phase-banner").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("phase-banner", name);
    const element = <PhaseBanner {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
