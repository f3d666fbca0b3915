import type { ErrorMessageProps } from "./error-message";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
import type { HintProps } from "./hint";
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
  const ids = fieldDescriptions(id, props.describedBy, hint, errorMessage);

  return (
    <FormGroup hasError={Boolean(errorMessage)} formGroup={formGroup}>
      <Label {...label} htmlFor={id} />
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
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
        aria-describedby={ids.describedBy || undefined}
        autoComplete={props.autocomplete || undefined}
        defaultValue={props.value}
        {...props.attributes}
      />
      {render(formGroup?.afterInput)}
    </FormGroup>
  );
}
