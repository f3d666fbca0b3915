import { describe, expect, it } from "vitest";
import { Checkboxes, type CheckboxesItem, type CheckboxesProps } from "./checkboxes";
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

function item(o: Options | null): CheckboxesItem | null {
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
    name: o.str("name"),
    label: label && { classes: label.str("classes"), attributes: label.attrs("attributes") },
    hint: hintOptions(o.obj("hint")),
    checked: o.bool("checked"),
    disabled: o.bool("disabled"),
    conditional: conditionalHtml === undefined ? undefined : { html: conditionalHtml },
    behaviour: o.oneOf("behaviour", ["exclusive"] as const),
    attributes: o.attrs("attributes"),
  };
}

function toProps(o: Options): CheckboxesProps {
  const formGroup = o.obj("formGroup");
  return {
    name: o.str("name") ?? "",
    idPrefix: o.str("idPrefix"),
    values: o.strList("values"),
    items: (o.list("items") ?? []).map(item),
    describedBy: o.str("describedBy"),
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
  "with pre-checked values",
  "with divider and None",
  "with divider, None and conditional items",
  "with hints on items",
  "with legend as a page heading",
  "with error message",
  "with very long option text",
  "with conditional items",
  "with optional form-group classes showing group error",
  "small",
  "small with long text",
  "small with error",
  "small with hint",
  "small with conditional reveal",
  "small with divider and None",
  "with id and name",
  "with disabled item",
  "with idPrefix",
  "with falsy values",
  "classes",
  "with fieldset describedBy",
  "attributes",
  "with checked item",
  "items with attributes",
  "empty conditional",
  "with label classes",
  "multiple hints",
  "with conditional items with special characters",
  "with error message and hint",
  "with error, hint and fieldset describedBy",
  "label with attributes",
  "fieldset params",
  "fieldset html params",
  "with single option set 'aria-describedby' on input, and describedBy",
  "with single option (and hint) set 'aria-describedby' on input, and describedBy",
  "with error and idPrefix",
  "with error message and fieldset describedBy",
  "with conditional item checked",
  "item checked overrides values",
  "textarea in conditional",
];
const skipped: Record<string, string> = {};

describe("Checkboxes", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("checkboxes", name);
    expect(renderNormalised(<Checkboxes {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("checkboxes")
        .map((f) => f.name)
        .sort()
    );
  });
});
