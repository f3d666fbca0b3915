import type { ReactNode } from "react";
import { ChoiceGroup } from "./choice-item";
import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps } from "./fieldset";
import type { HintProps } from "./hint";
import type { TextOrHtml } from "./input";

export interface RadiosOption {
  /** Plain text label; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  value: string;
  /**
   * Defaults to `idPrefix`, then `idPrefix-2`, `idPrefix-3`… by position; the first has no suffix so that error
   * summaries can link to it.
   */
  id?: string;
  label?: { classes?: string; attributes?: Record<string, string> };
  hint?: Omit<HintProps, "id">;
  /** Overrides the group's `value`; `false` unchecks even if `value` matches. */
  checked?: boolean;
  disabled?: boolean;
  /** Content revealed while this option is selected. */
  conditional?: { html: ReactNode };
  attributes?: Record<string, string>;
}

/** A divider between options, e.g. `{ divider: "or" }`. */
export interface RadiosDivider {
  divider: string;
}

export type RadiosItem = RadiosOption | RadiosDivider;

export interface RadiosProps {
  name: string;
  /** Prefix for item, hint and error ids; defaults to `name`. */
  idPrefix?: string;
  /** The selected value. */
  value?: string;
  /** Falsy entries are skipped but still count towards generated ids, as in the macro. */
  items: ReadonlyArray<RadiosItem | null | undefined | false>;
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role">;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  classes?: string;
  formGroup?: {
    classes?: string;
    attributes?: Record<string, string>;
    beforeInputs?: TextOrHtml;
    afterInputs?: TextOrHtml;
  };
  attributes?: Record<string, string>;
}


/** GOV.UK Frontend `govukRadios`, including conditional reveals and dividers. */
export function Radios({ value: chosenValue, ...props }: RadiosProps) {
  return <ChoiceGroup kind="radios" {...props} chosen={(value) => Boolean(chosenValue) && value === chosenValue} />;
}
