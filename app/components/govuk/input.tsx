import type { ReactNode } from "react";
import type { ErrorMessageProps } from "./error-message";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
import type { HintProps } from "./hint";
import { Label, type LabelProps } from "./label";

/** Text or rich content, as the macros' `{ text, html }` pairs; `html` wins when both are given. */
export interface TextOrHtml {
  text?: string;
  html?: ReactNode;
}

export interface InputAffix extends TextOrHtml {
  classes?: string;
  attributes?: Record<string, string>;
}

export interface InputFormGroup {
  classes?: string;
  attributes?: Record<string, string>;
  /** Content inside the input wrapper, before the input. */
  beforeInput?: TextOrHtml;
  /** Content inside the input wrapper, after the input. */
  afterInput?: TextOrHtml;
}

export interface InputProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  /** Defaults to "text". */
  type?: string;
  /** Initial value (rendered as the `value` attribute; the field stays uncontrolled). */
  value?: string;
  disabled?: boolean;
  /** Extra ids for `aria-describedby`, placed before the hint and error ids. */
  describedBy?: string;
  label: Omit<LabelProps, "htmlFor">;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  prefix?: InputAffix;
  suffix?: InputAffix;
  classes?: string;
  formGroup?: InputFormGroup;
  inputWrapper?: { classes?: string; attributes?: Record<string, string> };
  autocomplete?: string;
  autocapitalize?: string;
  pattern?: string;
  spellcheck?: boolean;
  inputmode?: "none" | "text" | "decimal" | "numeric" | "tel" | "search" | "email" | "url";
  attributes?: Record<string, string>;
}

function hasContent(part: TextOrHtml | undefined): part is TextOrHtml {
  return Boolean(
    part && (part.text || (part.html !== undefined && part.html !== null && part.html !== false && part.html !== ""))
  );
}

function Affix({ affix, type }: { affix: InputAffix; type: "prefix" | "suffix" }) {
  return (
    <div
      className={`govuk-input__${type}${affix.classes ? ` ${affix.classes}` : ""}`}
      aria-hidden="true"
      {...affix.attributes}
    >
      {affix.html ?? affix.text}
    </div>
  );
}

/** GOV.UK Frontend `govukInput`. */
export function Input(props: InputProps) {
  const { name, label, hint, errorMessage, prefix, suffix, formGroup, inputWrapper } = props;
  const id = props.id || name;
  const ids = fieldDescriptions(id, props.describedBy, hint, errorMessage);

  let className = "govuk-input";
  if (props.classes) className += ` ${props.classes}`;
  if (errorMessage) className += " govuk-input--error";

  const input = (
    <input
      className={className}
      id={id}
      name={name}
      type={props.type || "text"}
      spellCheck={props.spellcheck}
      defaultValue={props.value}
      disabled={props.disabled || undefined}
      aria-describedby={ids.describedBy || undefined}
      autoComplete={props.autocomplete || undefined}
      autoCapitalize={props.autocapitalize || undefined}
      pattern={props.pattern || undefined}
      inputMode={props.inputmode || undefined}
      {...props.attributes}
    />
  );

  const before = formGroup?.beforeInput;
  const after = formGroup?.afterInput;
  const wrapped = hasContent(prefix) || hasContent(suffix) || hasContent(before) || hasContent(after);

  return (
    <FormGroup hasError={Boolean(errorMessage)} formGroup={formGroup}>
      <Label {...label} htmlFor={id} />
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
      {wrapped ? (
        <div
          className={`govuk-input__wrapper${inputWrapper?.classes ? ` ${inputWrapper.classes}` : ""}`}
          {...inputWrapper?.attributes}
        >
          {hasContent(before) && (before.html ?? before.text)}
          {hasContent(prefix) && <Affix affix={prefix} type="prefix" />}
          {input}
          {hasContent(suffix) && <Affix affix={suffix} type="suffix" />}
          {hasContent(after) && (after.html ?? after.text)}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
