import type { ReactNode } from "react";
import { ChoiceItem } from "./choice-item";
import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps } from "./fieldset";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
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
export function Checkboxes(props: CheckboxesProps) {
  const { name, items, values, fieldset, hint, errorMessage, formGroup } = props;
  const idPrefix = props.idPrefix || name;
  // Given ids (the fieldset's replace the group's), then hint, then error.
  const ids = fieldDescriptions(idPrefix, fieldset?.describedBy || props.describedBy, hint, errorMessage);
  const describedBy = ids.describedBy;

  const inner = (
    <>
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
      <div
        className={`govuk-checkboxes${props.classes ? ` ${props.classes}` : ""}`}
        {...props.attributes}
        data-module="govuk-checkboxes"
      >
        {formGroup?.beforeInputs && (formGroup.beforeInputs.html ?? formGroup.beforeInputs.text)}
        {items.map((item, index) => {
          if (!item) return null;
          if ("divider" in item) {
            return (
              <div key={index} className="govuk-checkboxes__divider">
                {item.divider}
              </div>
            );
          }
          const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
          const checked = item.checked || (values ? values.includes(item.value) && item.checked !== false : false);
          // Without a fieldset to carry them, the group's hint and error describe each checkbox.
          return <ChoiceItem key={index} kind="checkboxes" {...item} id={itemId} name={item.name || name} checked={Boolean(checked)} describedBy={fieldset ? undefined : describedBy} />;
        })}
        {formGroup?.afterInputs && (formGroup.afterInputs.html ?? formGroup.afterInputs.text)}
      </div>
    </>
  );

  return (
    <FormGroup hasError={Boolean(errorMessage)} formGroup={formGroup} fieldset={fieldset} describedBy={ids.describedBy}>
      {inner}
    </FormGroup>
  );
}
