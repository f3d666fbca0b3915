import { describe, expect, it } from "vitest";
import { Fieldset, type FieldsetProps } from "./fieldset";
import {
  adapt,
  fixture,
  legendOptions,
  loadFixtures,
  normaliseHtml,
  renderNormalised,
  type Options,
} from "./fixtures.test-support";

function toProps(o: Options): FieldsetProps {
  return {
    describedBy: o.str("describedBy"),
    legend: legendOptions(o.obj("legend")),
    classes: o.str("classes"),
    role: o.str("role"),
    attributes: o.attrs("attributes"),
    html: o.html("html"),
  };
}

const covered = [
  "default",
  "styled as xl text",
  "styled as large text",
  "styled as medium text",
  "styled as small text",
  "as page heading xl",
  "as page heading l",
  "as page heading m",
  "as page heading s",
  "as page heading without class",
  "html fieldset content",
  "with describedBy",
  "html as text",
  "html",
  "legend classes",
  "classes",
  "role",
  "attributes",
];
const skipped: Record<string, string> = {};

describe("Fieldset", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("fieldset", name);
    expect(renderNormalised(<Fieldset {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("fieldset")
        .map((f) => f.name)
        .sort()
    );
  });
});
