import type { ReactNode } from "react";
import { ChoiceGroup } from "./choice-item";
import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps } from "./fieldset";
import type { HintProps } from "./hint";
import type { TextOrHtml } from "./input";

export interface CheckboxesOption {
  /** Plain text label; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  value: string;
  /**
   * Defaults to `idPrefix`, then `idPrefix-2`, `idPrefix-3`… by position; the first has no suffix so that error
   * summaries can link to it.
   */
  id?: string;
  /** Defaults to the group's `name`. */
  name?: string;
  label?: { classes?: string; attributes?: Record<string, string> };
  hint?: Omit<HintProps, "id">;
  /** Overrides the group's `values`; `false` unchecks even if `values` contains this value. */
  checked?: boolean;
  disabled?: boolean;
  /** Content revealed while this option is checked. */
  conditional?: { html: ReactNode };
  /** "exclusive" makes this the "None" option that unchecks all the others (and is unchecked by them). */
  behaviour?: "exclusive";
  attributes?: Record<string, string>;
}

/** A divider between options, e.g. `{ divider: "or" }` before a "None" option. */
export interface CheckboxesDivider {
  divider: string;
}

export type CheckboxesItem = CheckboxesOption | CheckboxesDivider;

export interface CheckboxesProps {
  name: string;
  /** Prefix for item, hint and error ids; defaults to `name`. */
  idPrefix?: string;
  /** The checked values. */
  values?: readonly string[];
  /** Falsy entries are skipped but still count towards generated ids, as in the macro. */
  items: ReadonlyArray<CheckboxesItem | null | undefined | false>;
  /** Extra ids for `aria-describedby` (on the fieldset, or on each checkbox when there is no fieldset). */
  describedBy?: string;
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


/** GOV.UK Frontend `govukCheckboxes`, including conditional reveals, dividers and the exclusive "None" option. */
export function Checkboxes({ values, ...props }: CheckboxesProps) {
  return <ChoiceGroup kind="checkboxes" {...props} chosen={(value) => (values ? values.includes(value) : false)} />;
}
