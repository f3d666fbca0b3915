import { describe, expect, it } from "vitest";
import { adapt, fixture, loadFixtures, normaliseHtml, renderNormalised, type Options } from "./fixtures.test-support";
import { Label, type LabelProps } from "./label";

function toProps(o: Options): LabelProps {
  return {
    text: o.str("text"),
    html: o.html("html"),
    htmlFor: o.str("for"),
    classes: o.str("classes"),
    isPageHeading: o.bool("isPageHeading"),
    attributes: o.attrs("attributes"),
  };
}

const covered = [
  "default",
  "with bold text",
  "styled as xl text",
  "styled as large text",
  "styled as medium text",
  "styled as small text",
  "as page heading xl",
  "as page heading l",
  "as page heading m",
  "as page heading s",
  "as page heading without class",
  "empty",
  "classes",
  "html as text",
  "html",
  "for",
  "attributes",
];
const skipped: Record<string, string> = {};

describe("Label", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("label", name);
    expect(renderNormalised(<Label {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("label")
        .map((f) => f.name)
        .sort()
    );
  });
});
