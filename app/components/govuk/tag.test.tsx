import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { Tag, type TagProps } from "./tag";

function toProps(o: Record<string, unknown>): TagProps {
  return { text: optString(o.text), html: optHtml(o.html), classes: optString(o.classes), attributes: optAttributes(o.attributes) };
}

const covered = ["default", "grey", "turquoise", "green", "purple", "pink", "red", "orange", "yellow", "attributes", "html as text", "html"];

describe("Tag", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("tag").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("tag", name);
    const element = <Tag {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
