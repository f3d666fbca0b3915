import { describe, expect, it } from "vitest";
import { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "./error-summary";
import { adapt, fixture, loadFixtures, normaliseHtml, renderNormalised, type Options } from "./fixtures.test-support";

function item(o: Options | null): ErrorSummaryItem {
  if (!o) throw new Error("error summary fixtures have no empty items");
  return { text: o.str("text"), html: o.html("html"), href: o.str("href"), attributes: o.attrs("attributes") };
}

function toProps(o: Options): ErrorSummaryProps {
  return {
    titleText: o.str("titleText"),
    titleHtml: o.html("titleHtml"),
    descriptionText: o.str("descriptionText"),
    descriptionHtml: o.html("descriptionHtml"),
    errorList: o.list("errorList")?.map(item),
    disableAutoFocus: o.bool("disableAutoFocus"),
    classes: o.str("classes"),
    attributes: o.attrs("attributes"),
  };
}

const covered = [
  "default",
  "without links",
  "mixed with and without links",
  "with description only",
  "with everything",
  "html as titleText",
  "title html",
  "description",
  "html as descriptionText",
  "description html",
  "classes",
  "attributes",
  "error list with attributes",
  "error list with html as text",
  "error list with html",
  "error list with html link",
  "error list with html as text link",
  "autofocus disabled",
  "autofocus explicitly enabled",
];
const skipped: Record<string, string> = {};

describe("ErrorSummary", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("error-summary", name);
    expect(renderNormalised(<ErrorSummary {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("error-summary")
        .map((f) => f.name)
        .sort()
    );
  });
});
