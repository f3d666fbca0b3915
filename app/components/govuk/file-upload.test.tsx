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
import { FileUpload, type FileUploadProps } from "./file-upload";

function toProps(o: Options): FileUploadProps {
  const formGroup = o.obj("formGroup");
  // A file input cannot be given a value; the macro ignores it and so do we.
  o.str("value");
  return {
    id: o.str("id"),
    name: o.str("name") ?? "",
    disabled: o.bool("disabled"),
    multiple: o.bool("multiple"),
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
    attributes: o.attrs("attributes"),
    javascript: o.bool("javascript"),
    wrapperClasses: o.str("wrapperClasses"),
    wrapperAttributes: o.attrs("wrapperAttributes"),
    chooseFilesButtonText: o.str("chooseFilesButtonText"),
    dropInstructionText: o.str("dropInstructionText"),
    noFileChosenText: o.str("noFileChosenText"),
    multipleFilesChosenText: o.record("multipleFilesChosenText"),
    enteredDropZoneText: o.str("enteredDropZoneText"),
    leftDropZoneText: o.str("leftDropZoneText"),
  };
}

// Every fixture, the enhanced ones with their translations included: the evidence page uses the enhanced,
// translated upload with a hint, an error and several files.
const covered = loadFixtures("file-upload").map((f) => f.name);

describe("FileUpload", () => {
  it.each(covered)("matches the govuk-frontend fixture %j", (name) => {
    const f = fixture("file-upload", name);
    expect(renderNormalised(<FileUpload {...adapt(f, toProps)} />)).toBe(normaliseHtml(f.html));
  });

  it("covers the enhanced, translated and error fixtures the portal relies on", () => {
    expect(covered).toEqual(expect.arrayContaining(["enhanced", "translated", "enhanced, with error message and hint", "enhanced, multiple files", "with label as page heading"]));
  });
});
