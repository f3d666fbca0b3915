import { describe, expect, it } from "vitest";
import { DateInput, type DateInputItem, type DateInputProps } from "./date-input";
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

const inputModes = ["none", "text", "decimal", "numeric", "tel", "search", "email", "url"] as const;

function item(o: Options | null): DateInputItem | null {
  if (!o) return null;
  return {
    name: o.str("name"),
    id: o.str("id"),
    label: o.str("label"),
    value: o.str("value"),
    error: o.bool("error"),
    classes: o.str("classes"),
    autocomplete: o.str("autocomplete"),
    pattern: o.str("pattern"),
    inputmode: o.oneOf("inputmode", inputModes),
    attributes: o.attrs("attributes"),
  };
}

function field(o: Options | false | undefined): DateInputItem | false | undefined {
  return o === false ? false : item(o ?? null) ?? undefined;
}

function toProps(o: Options): DateInputProps {
  const formGroup = o.obj("formGroup");
  return {
    id: o.str("id") ?? "",
    namePrefix: o.str("namePrefix"),
    items: o.list("items")?.map(item),
    day: field(o.objOrFalse("day")),
    month: field(o.objOrFalse("month")),
    year: field(o.objOrFalse("year")),
    values: o.record("values"),
    hint: hintOptions(o.obj("hint")),
    errorMessage: errorMessageOptions(o.obj("errorMessage")),
    fieldset: fieldsetOptions(o.obj("fieldset")),
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
  "with translations",
  "with values",
  "with values and name prefix",
  "with values, name prefix and custom names",
  "day and month",
  "day and month (using items)",
  "month and year",
  "month and year (using items)",
  "with errors only",
  "with errors only (using classes)",
  "with errors only (using items)",
  "with errors only (using items and classes)",
  "with error message and hint",
  "with error message and hint (using items)",
  "with error on day input",
  "with error on day input (using items)",
  "with error on month input",
  "with error on month input (using items)",
  "with error on year input",
  "with error on year input (using items)",
  "classes",
  "attributes",
  "with items",
  "with empty items",
  "custom pattern",
  "custom inputmode",
  "with nested name",
  "with id on items",
  "suffixed id",
  "with item value",
  "with field value",
  "with field value and items",
  "with field value and item value",
  "with field value, item value and values",
  "with field value overriding values",
  "with hint and described by",
  "with error message and described by",
  "with error on single field",
  "with error on single field by omission",
  "with error on single field using classes",
  "with error on single item",
  "with error on single item by omission",
  "with error on single item using classes",
  "fieldset html",
  "items with classes",
  "items without classes",
  "with optional form-group classes",
  "with autocomplete values",
  "with input attributes",
];
const skipped: Record<string, string> = {};

describe("DateInput", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("date-input", name);
    expect(renderNormalised(<DateInput {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("date-input")
        .map((f) => f.name)
        .sort()
    );
  });
});
