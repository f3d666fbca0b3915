import { ErrorMessage, type ErrorMessageProps } from "./error-message";
import { Hint, type HintProps } from "./hint";
import type { TextOrHtml } from "./input";
import { Label, type LabelProps } from "./label";

export interface TextareaFormGroup {
  classes?: string;
  attributes?: Record<string, string>;
  /** Content between the error message and the textarea. */
  beforeInput?: TextOrHtml;
  /** Content after the textarea. */
  afterInput?: TextOrHtml;
}

export interface TextareaProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  /** Defaults to 5. */
  rows?: number;
  /** Initial content (the field stays uncontrolled). */
  value?: string;
  disabled?: boolean;
  /** Extra ids for `aria-describedby`, placed before the hint and error ids. */
  describedBy?: string;
  label: Omit<LabelProps, "htmlFor">;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  classes?: string;
  formGroup?: TextareaFormGroup;
  autocomplete?: string;
  spellcheck?: boolean;
  attributes?: Record<string, string>;
}

function render(part: TextOrHtml | undefined) {
  return part ? part.html ?? part.text : undefined;
}

/** GOV.UK Frontend `govukTextarea`. */
export function Textarea(props: TextareaProps) {
  const { name, label, hint, errorMessage, formGroup } = props;
  const id = props.id || name;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // Same order as the template: caller's ids, then hint, then error.
  const describedBy =
    [props.describedBy, hint ? hintId : undefined, errorMessage ? errorId : undefined].filter(Boolean).join(" ") ||
    undefined;

  return (
    <div
      className={`govuk-form-group${errorMessage ? " govuk-form-group--error" : ""}${
        formGroup?.classes ? ` ${formGroup.classes}` : ""
      }`}
      {...formGroup?.attributes}
    >
      <Label {...label} htmlFor={id} />
      {hint && <Hint {...hint} id={hintId} />}
      {errorMessage && <ErrorMessage {...errorMessage} id={errorId} />}
      {render(formGroup?.beforeInput)}
      <textarea
        className={`govuk-textarea${errorMessage ? " govuk-textarea--error" : ""}${
          props.classes ? ` ${props.classes}` : ""
        }`}
        id={id}
        name={name}
        rows={props.rows || 5}
        spellCheck={props.spellcheck}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        autoComplete={props.autocomplete || undefined}
        defaultValue={props.value}
        {...props.attributes}
      />
      {render(formGroup?.afterInput)}
    </div>
  );
}
