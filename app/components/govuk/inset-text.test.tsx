import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { InsetText, type InsetTextProps } from "./inset-text";

function toProps(o: Record<string, unknown>): InsetTextProps {
  return {
    id: optString(o.id),
    text: optString(o.text),
    html: optHtml(o.html),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = ["default", "with html", "classes", "id", "html as text", "attributes"];

describe("InsetText", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("inset-text").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("inset-text", name);
    const element = <InsetText {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });

  it("renders children like the macro's caller block", () => {
    const f = fixture("inset-text", "default");
    expect(renderNormalised(<InsetText>{optString(f.options.text)}</InsetText>)).toBe(normaliseHtml(f.html));
  });
});
