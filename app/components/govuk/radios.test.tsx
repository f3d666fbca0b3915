import { describe, expect, it } from "vitest";
import {
  adapt,
  errorMessageOptions,
  fieldsetOptions,
  fixture,
  hintOptions,
  loadFixtures,
  normaliseHtml,
  renderNormalised,
  textOrHtmlOptions,
  type Options,
} from "./fixtures.test-support";
import { Radios, type RadiosItem, type RadiosProps } from "./radios";

function item(o: Options | null): RadiosItem | null {
  if (!o) return null;
  const divider = o.str("divider");
  if (divider) return { divider };
  const label = o.obj("label");
  const conditional = o.obj("conditional");
  const conditionalHtml = conditional?.html("html");
  return {
    text: o.str("text"),
    html: o.html("html"),
    value: o.str("value") ?? "",
    id: o.str("id"),
    label: label && { classes: label.str("classes"), attributes: label.attrs("attributes") },
    hint: hintOptions(o.obj("hint")),
    checked: o.bool("checked"),
    disabled: o.bool("disabled"),
    conditional: conditionalHtml === undefined ? undefined : { html: conditionalHtml },
    attributes: o.attrs("attributes"),
  };
}

function toProps(o: Options): RadiosProps {
  const formGroup = o.obj("formGroup");
  return {
    name: o.str("name") ?? "",
    idPrefix: o.str("idPrefix"),
    value: o.str("value"),
    items: (o.list("items") ?? []).map(item),
    fieldset: fieldsetOptions(o.obj("fieldset")),
    hint: hintOptions(o.obj("hint")),
    errorMessage: errorMessageOptions(o.obj("errorMessage")),
    classes: o.str("classes"),
    formGroup: formGroup && {
      classes: formGroup.str("classes"),
      attributes: formGroup.attrs("attributes"),
      beforeInputs: textOrHtmlOptions(formGroup.obj("beforeInputs")),
      afterInputs: textOrHtmlOptions(formGroup.obj("afterInputs")),
    },
    attributes: o.attrs("attributes"),
  };
}

const covered = [
  "default",
  "with hint",
  "inline",
  "with legend as page heading",
  "with a divider",
  "with hints on items",
  "without fieldset",
  "with fieldset and error message",
  "with very long option text",
  "with conditional items",
  "with conditional item checked",
  "with optional form-group classes showing group error",
  "small",
  "small with long text",
  "small with error",
  "small with hint",
  "small with conditional reveal",
  "small inline",
  "small with a divider",
  "with idPrefix",
  "minimal items and name",
  "with falsy items",
  "fieldset with describedBy",
  "attributes",
  "items with attributes",
  "with empty conditional",
  "label with classes",
  "with hints on parent and items",
  "with describedBy and hint",
  "with error message",
  "with error message and idPrefix",
  "with hint and error message",
  "with hint, error message and describedBy",
  "label with attributes",
  "fieldset params",
  "fieldset with html",
  "with fieldset, error message and describedBy",
  "item checked overrides value",
  "textarea in conditional",
  "with disabled",
  "prechecked using value",
  "with conditional items with special characters",
  "with conditional items and pre-checked value",
];
const skipped: Record<string, string> = {};

describe("Radios", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("radios", name);
    expect(renderNormalised(<Radios {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("radios")
        .map((f) => f.name)
        .sort()
    );
  });
});
