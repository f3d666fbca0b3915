import { describe, expect, it } from "vitest";
import { ErrorMessage, type ErrorMessageProps } from "./error-message";
import { adapt, fixture, loadFixtures, normaliseHtml, renderNormalised, type Options } from "./fixtures.test-support";

function toProps(o: Options): ErrorMessageProps {
  return {
    id: o.str("id"),
    text: o.str("text"),
    html: o.html("html"),
    classes: o.str("classes"),
    attributes: o.attrs("attributes"),
    visuallyHiddenText: o.str("visuallyHiddenText"),
  };
}

const covered = [
  "default",
  "translated",
  "id",
  "classes",
  "html as text",
  "html",
  "attributes",
  "with visually hidden text",
  "visually hidden text removed",
];
const skipped: Record<string, string> = {};

describe("ErrorMessage", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("error-message", name);
    expect(renderNormalised(<ErrorMessage {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("error-message")
        .map((f) => f.name)
        .sort()
    );
  });

  it("keeps the space between the hidden prefix and the message", () => {
    // A screen reader would otherwise read "Error:Enter your name" as one word.
    expect(renderNormalised(<ErrorMessage text="Enter your name" visuallyHiddenText="Gwall" />)).toBe(
      '<p class="govuk-error-message"><span class="govuk-visually-hidden">Gwall:</span> Enter your name</p>'
    );
  });
});
