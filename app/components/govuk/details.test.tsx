import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optBoolean, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { Details, type DetailsProps } from "./details";

function toProps(o: Record<string, unknown>): DetailsProps {
  return {
    id: optString(o.id),
    open: optBoolean(o.open),
    summaryText: optString(o.summaryText),
    summaryHtml: optHtml(o.summaryHtml),
    text: optString(o.text),
    html: optHtml(o.html),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = [
  "default",
  "expanded",
  "id",
  "html as text",
  "html",
  "summary html as text",
  "summary html",
  "classes",
  "attributes",
  "with html",
];

describe("Details", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("details").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("details", name);
    const element = <Details {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
