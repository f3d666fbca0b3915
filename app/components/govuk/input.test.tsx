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
import { Input, type InputAffix, type InputProps } from "./input";

const inputModes = ["none", "text", "decimal", "numeric", "tel", "search", "email", "url"] as const;

function affix(o: Options | undefined): InputAffix | undefined {
  if (!o) return undefined;
  return { ...textOrHtmlOptions(o), classes: o.str("classes"), attributes: o.attrs("attributes") };
}

function toProps(o: Options): InputProps {
  const formGroup = o.obj("formGroup");
  const inputWrapper = o.obj("inputWrapper");
  return {
    id: o.str("id"),
    name: o.str("name") ?? "",
    type: o.str("type"),
    value: o.str("value"),
    disabled: o.bool("disabled"),
    describedBy: o.str("describedBy"),
    label: labelOptions(o.obj("label")),
    hint: hintOptions(o.obj("hint")),
    errorMessage: errorMessageOptions(o.obj("errorMessage")),
    prefix: affix(o.obj("prefix")),
    suffix: affix(o.obj("suffix")),
    classes: o.str("classes"),
    formGroup: formGroup && {
      classes: formGroup.str("classes"),
      attributes: formGroup.attrs("attributes"),
      beforeInput: textOrHtmlOptions(formGroup.obj("beforeInput")),
      afterInput: textOrHtmlOptions(formGroup.obj("afterInput")),
    },
    inputWrapper: inputWrapper && {
      classes: inputWrapper.str("classes"),
      attributes: inputWrapper.attrs("attributes"),
    },
    autocomplete: o.str("autocomplete"),
    autocapitalize: o.str("autocapitalize"),
    pattern: o.str("pattern"),
    spellcheck: o.bool("spellcheck"),
    inputmode: o.oneOf("inputmode", inputModes),
    attributes: o.attrs("attributes"),
  };
}

const covered = [
  "default",
  "with hint text",
  "with error message",
  "with error and hint",
  "with width-2 class",
  "with width-3 class",
  "with width-4 class",
  "with width-5 class",
  "with width-10 class",
  "with width-20 class",
  "with width-30 class",
  "with label as page heading",
  "with prefix",
  "with suffix",
  "with prefix and suffix",
  "with prefix and suffix and error",
  "with prefix and suffix and width modifier",
  "with extra letter spacing",
  "classes",
  "id",
  "custom type",
  "value",
  "zero value",
  "with describedBy",
  "attributes",
  "hint with describedBy",
  "error with describedBy",
  "with error, hint and describedBy",
  "inputmode",
  "with prefix with html as text",
  "with prefix with html",
  "with prefix with classes",
  "with prefix with attributes",
  "with suffix with html as text",
  "with suffix with html",
  "with suffix with classes",
  "with suffix with attributes",
  "with customised input wrapper",
  "with optional form-group classes",
  "with autocomplete attribute",
  "with pattern attribute",
  "with spellcheck enabled",
  "with spellcheck disabled",
  "with autocapitalize turned off",
  "disabled",
];
const skipped: Record<string, string> = {};

describe("Input", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("input", name);
    expect(renderNormalised(<Input {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("input")
        .map((f) => f.name)
        .sort()
    );
  });
});
