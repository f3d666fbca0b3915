import { describe, expect, it } from "vitest";
import { adapt, fixture, loadFixtures, normaliseHtml, renderNormalised, type Options } from "./fixtures.test-support";
import { Hint, type HintProps } from "./hint";

function toProps(o: Options): HintProps {
  return {
    id: o.str("id"),
    text: o.str("text"),
    html: o.html("html"),
    classes: o.str("classes"),
    attributes: o.attrs("attributes"),
  };
}

const covered = ["default", "with html", "classes", "id", "html as text", "attributes"];
const skipped: Record<string, string> = {};

describe("Hint", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("hint", name);
    expect(renderNormalised(<Hint {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("hint")
        .map((f) => f.name)
        .sort()
    );
  });
});
