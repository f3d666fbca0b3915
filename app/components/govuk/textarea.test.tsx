import { describe, expect, it } from "vitest";
import {
  adapt,
  errorMessageOptions,
  fixture,
  hintOptions,
  labelOptions,
  loadFixtures,
  normaliseHtml,
  renderNormalised,
  textOrHtmlOptions,
  type Options,
} from "./fixtures.test-support";
import { Textarea, type TextareaProps } from "./textarea";

function toProps(o: Options): TextareaProps {
  const formGroup = o.obj("formGroup");
  return {
    id: o.str("id"),
    name: o.str("name") ?? "",
    rows: o.num("rows"),
    value: o.str("value"),
    disabled: o.bool("disabled"),
    describedBy: o.str("describedBy"),
    label: labelOptions(o.obj("label")),
    hint: hintOptions(o.obj("hint")),
    errorMessage: errorMessageOptions(o.obj("errorMessage")),
    classes: o.str("classes"),
    formGroup: formGroup && {
      classes: formGroup.str("classes"),
      attributes: formGroup.attrs("attributes"),
      beforeInput: textOrHtmlOptions(formGroup.obj("beforeInput")),
      afterInput: textOrHtmlOptions(formGroup.obj("afterInput")),
    },
    autocomplete: o.str("autocomplete"),
    spellcheck: o.bool("spellcheck"),
    attributes: o.attrs("attributes"),
  };
}

const covered = [
  "default",
  "with hint",
  "with error message",
  "with default value",
  "with custom rows",
  "with label as page heading",
  "id",
  "classes",
  "attributes",
  "with describedBy",
  "with hint and described by",
  "with error message and described by",
  "with hint and error message",
  "with hint, error message and described by",
  "with optional form-group classes",
  "with autocomplete attribute",
  "with spellcheck enabled",
  "with spellcheck disabled",
];
const skipped: Record<string, string> = {};

describe("Textarea", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("textarea", name);
    expect(renderNormalised(<Textarea {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("textarea")
        .map((f) => f.name)
        .sort()
    );
  });

  it("keeps the value's line breaks", () => {
    // White space is content inside a textarea, so the comparison must not fold it.
    expect(renderNormalised(<Textarea name="a" label={{ text: "A" }} value={"1\n  2"} />)).not.toBe(
      renderNormalised(<Textarea name="a" label={{ text: "A" }} value="1 2" />)
    );
  });
});
