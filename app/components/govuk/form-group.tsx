// What every GOV.UK form field shares, written once: the ids its hint and error message take, the
// aria-describedby the templates build from them, the hint-then-error pair, and the govuk-form-group wrapper
// (with its error modifier), around a fieldset when the field has one.
import type { ReactNode } from "react";
import { ErrorMessage, type ErrorMessageProps } from "./error-message";
import { Fieldset, type FieldsetProps } from "./fieldset";
import { Hint, type HintProps } from "./hint";

export type FieldHint = Omit<HintProps, "id"> | null | false | undefined;
export type FieldError = Omit<ErrorMessageProps, "id"> | null | false | undefined;

export interface FieldDescriptions {
  hintId: string;
  errorId: string;
  /** Same order as the templates: the given ids, then the hint's, then the error's; "" when there are none. */
  describedBy: string;
}

export function fieldDescriptions(idBase: string, given: string | undefined, hint: FieldHint, errorMessage: FieldError): FieldDescriptions {
  const hintId = `${idBase}-hint`;
  const errorId = `${idBase}-error`;
  return { hintId, errorId, describedBy: [given, hint ? hintId : undefined, errorMessage ? errorId : undefined].filter(Boolean).join(" ") };
}

/** The hint, then the error message, as every field template places them. */
export function HintAndError({ hint, errorMessage, ids }: { hint: FieldHint; errorMessage: FieldError; ids: FieldDescriptions }) {
  return (
    <>
      {hint && <Hint {...hint} id={ids.hintId} />}
      {errorMessage && <ErrorMessage {...errorMessage} id={ids.errorId} />}
    </>
  );
}

export interface FormGroupProps {
  hasError: boolean;
  formGroup?: { classes?: string; attributes?: Record<string, string> };
  /** A fieldset around the field's contents (radios, checkboxes, a date), described by `describedBy`. */
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role">;
  /** The fieldset's role: "group" for a date, so JAWS reads its description. */
  fieldsetRole?: FieldsetProps["role"];
  describedBy?: string;
  children: ReactNode;
}

export function FormGroup({ hasError, formGroup, fieldset, fieldsetRole, describedBy, children }: FormGroupProps) {
  return (
    <div className={`govuk-form-group${hasError ? " govuk-form-group--error" : ""}${formGroup?.classes ? ` ${formGroup.classes}` : ""}`} {...formGroup?.attributes}>
      {fieldset ? (
        <Fieldset describedBy={describedBy} classes={fieldset.classes} role={fieldsetRole} attributes={fieldset.attributes} legend={fieldset.legend}>
          {children}
        </Fieldset>
      ) : (
        children
      )}
    </div>
  );
}
