import { describe, expect, it } from "vitest";
import { Button, type ButtonProps } from "./button";
import { adapt, fixture, loadFixtures, normaliseHtml, renderNormalised, type Options } from "./fixtures.test-support";

function toProps(o: Options): ButtonProps {
  return {
    text: o.str("text"),
    html: o.html("html"),
    href: o.str("href"),
    type: o.oneOf("type", ["submit", "button", "reset"] as const),
    name: o.str("name"),
    value: o.str("value"),
    disabled: o.bool("disabled"),
    preventDoubleClick: o.bool("preventDoubleClick"),
    isStartButton: o.bool("isStartButton"),
    id: o.str("id"),
    classes: o.str("classes"),
    attributes: o.attrs("attributes"),
  };
}

const covered = [
  "default",
  "default hover state",
  "default active state",
  "default focus state",
  "disabled",
  "link",
  "start",
  "secondary",
  "secondary hover state",
  "secondary active state",
  "secondary focus state",
  "secondary disabled",
  "warning",
  "warning hover state",
  "warning active state",
  "warning focus state",
  "warning disabled",
  "inverse",
  "inverse hover state",
  "inverse active state",
  "inverse focus state",
  "inverse disabled",
  "attributes",
  "link attributes",
  "classes",
  "link classes",
  "name",
  "type",
  "explicit link",
  "value",
  "html",
  "no type",
  "no data-prevent-double-click",
  "don't prevent double click",
  "id",
  "start link",
  "start link with html",
  "prevent double click",
];
const skipped: Record<string, string> = {};

describe("Button", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("button", name);
    expect(renderNormalised(<Button {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("button")
        .map((f) => f.name)
        .sort()
    );
  });
});
