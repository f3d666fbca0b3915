import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { BackLink, type BackLinkProps } from "./back-link";

function toProps(o: Record<string, unknown>): BackLinkProps {
  return {
    href: optString(o.href),
    text: optString(o.text),
    html: optHtml(o.html),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = ["default", "inverse", "classes", "html as text", "html", "with custom text and link", "attributes"];

describe("BackLink", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("back-link").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("back-link", name);
    const element = <BackLink {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
