import type { ErrorMessageProps } from "./error-message";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
import type { HintProps } from "./hint";
import { i18nAttributes, type PluralisedText } from "./i18n-attributes";
import type { TextOrHtml } from "./input";
import { Label, type LabelProps } from "./label";

export interface FileUploadProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  disabled?: boolean;
  /** Lets the person choose several files at once. */
  multiple?: boolean;
  /** Extra ids for `aria-describedby`, placed before the hint and error ids. */
  describedBy?: string;
  label: Omit<LabelProps, "htmlFor">;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  classes?: string;
  formGroup?: {
    classes?: string;
    attributes?: Record<string, string>;
    beforeInput?: TextOrHtml;
    afterInput?: TextOrHtml;
  };
  attributes?: Record<string, string>;
  /** The enhanced upload (drop zone, "Choose file" button), which govuk-frontend's JavaScript builds on this. */
  javascript?: boolean;
  wrapperClasses?: string;
  wrapperAttributes?: Record<string, string>;
  /** The enhancement's words, in the page's language. */
  chooseFilesButtonText?: string;
  dropInstructionText?: string;
  noFileChosenText?: string;
  /** `%{count}` is replaced by the number of files. */
  multipleFilesChosenText?: PluralisedText;
  enteredDropZoneText?: string;
  leftDropZoneText?: string;
}

/** GOV.UK Frontend `govukFileUpload`, plain or enhanced. A file input never carries a value. */
export function FileUpload(props: FileUploadProps) {
  const { name, label, hint, errorMessage, formGroup } = props;
  const id = props.id || name;
  const ids = fieldDescriptions(id, props.describedBy, hint, errorMessage);

  let className = "govuk-file-upload";
  if (props.classes) className += ` ${props.classes}`;
  if (errorMessage) className += " govuk-file-upload--error";

  const input = (
    <input
      className={className}
      id={id}
      name={name}
      type="file"
      disabled={props.disabled || undefined}
      multiple={props.multiple || undefined}
      aria-describedby={ids.describedBy || undefined}
      {...props.attributes}
    />
  );
  const before = formGroup?.beforeInput;
  const after = formGroup?.afterInput;

  return (
    <FormGroup hasError={Boolean(errorMessage)} formGroup={formGroup}>
      <Label {...label} htmlFor={id} />
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
      {before && (before.html ?? before.text)}
      {props.javascript ? (
        <div
          className={`govuk-file-upload-wrapper${props.wrapperClasses ? ` ${props.wrapperClasses}` : ""}`}
          data-module="govuk-file-upload"
          {...i18nAttributes("choose-files-button", props.chooseFilesButtonText)}
          {...i18nAttributes("no-file-chosen", props.noFileChosenText)}
          {...i18nAttributes("multiple-files-chosen", props.multipleFilesChosenText)}
          {...i18nAttributes("drop-instruction", props.dropInstructionText)}
          {...i18nAttributes("entered-drop-zone", props.enteredDropZoneText)}
          {...i18nAttributes("left-drop-zone", props.leftDropZoneText)}
          {...props.wrapperAttributes}
        >
          {input}
        </div>
      ) : (
        input
      )}
      {after && (after.html ?? after.text)}
    </FormGroup>
  );
}
