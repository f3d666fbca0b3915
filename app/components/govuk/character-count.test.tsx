import { describe, expect, it } from "vitest";
import { CharacterCount, type CharacterCountProps, type PluralisedText } from "./character-count";
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

const pluralRules = ["zero", "one", "two", "few", "many", "other"] as const;

function plural(o: Options | undefined): PluralisedText | undefined {
  if (!o) return undefined;
  const out: PluralisedText = {};
  for (const rule of pluralRules) {
    const message = o.str(rule);
    if (message !== undefined) out[rule] = message;
  }
  return out;
}

function toProps(o: Options): CharacterCountProps {
  const formGroup = o.obj("formGroup");
  const countMessage = o.obj("countMessage");
  return {
    id: o.str("id"),
    name: o.str("name") ?? "",
    rows: o.num("rows"),
    value: o.str("value"),
    maxlength: o.num("maxlength"),
    maxwords: o.num("maxwords"),
    threshold: o.num("threshold"),
    countType: o.oneOf("countType", ["characters", "length", "words"] as const),
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
    spellcheck: o.bool("spellcheck"),
    attributes: o.attrs("attributes"),
    countMessage: countMessage && { classes: countMessage.str("classes") },
    textareaDescriptionText: o.str("textareaDescriptionText"),
    charactersUnderLimitText: plural(o.obj("charactersUnderLimitText")),
    charactersAtLimitText: o.str("charactersAtLimitText"),
    charactersOverLimitText: plural(o.obj("charactersOverLimitText")),
    wordsUnderLimitText: plural(o.obj("wordsUnderLimitText")),
    wordsAtLimitText: o.str("wordsAtLimitText"),
    wordsOverLimitText: plural(o.obj("wordsOverLimitText")),
  };
}

const covered = [
  "default",
  "with hint",
  "with hint and error",
  "with default value",
  "with default value exceeding limit",
  "with custom rows",
  "with label as page heading",
  "with maxwords",
  "with count type 'length'",
  "with count type 'characters'",
  "with count type 'characters' and value",
  "with count type 'characters' and error message",
  "with count type 'characters' and threshold",
  "with count type 'words'",
  "with count type 'words' and value",
  "with count type 'words' and error message",
  "with count type 'words' and threshold",
  "with threshold",
  "with custom textarea description",
  "classes",
  "id",
  "attributes",
  "formGroup with classes",
  "custom classes on countMessage",
  "spellcheck enabled",
  "spellcheck disabled",
  "custom classes with error message",
  "with id starting with number",
  "with id with special characters",
  "with textarea maxlength attribute",
  "to configure in JavaScript",
  "with neither maxlength nor maxwords set",
  "with neither maxlength, maxwords nor textarea description set",
  "with translations",
];
const skipped: Record<string, string> = {};

describe("CharacterCount", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("character-count", name);
    expect(renderNormalised(<CharacterCount {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("accounts for every fixture", () => {
    expect([...covered, ...Object.keys(skipped)].sort()).toEqual(
      loadFixtures("character-count")
        .map((f) => f.name)
        .sort()
    );
  });
});
