import type { ReactNode } from "react";
import { ChoiceItem } from "./choice-item";
import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps } from "./fieldset";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
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
export function Radios(props: RadiosProps) {
  const { name, items, fieldset, hint, errorMessage, formGroup } = props;
  const idPrefix = props.idPrefix || name;
  const ids = fieldDescriptions(idPrefix, fieldset?.describedBy, hint, errorMessage);

  const inner = (
    <>
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
      <div
        className={`govuk-radios${props.classes ? ` ${props.classes}` : ""}`}
        {...props.attributes}
        data-module="govuk-radios"
      >
        {formGroup?.beforeInputs && (formGroup.beforeInputs.html ?? formGroup.beforeInputs.text)}
        {items.map((item, index) => {
          if (!item) return null;
          if ("divider" in item) {
            return (
              <div key={index} className="govuk-radios__divider">
                {item.divider}
              </div>
            );
          }
          const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
          const checked = item.checked || (props.value ? item.value === props.value && item.checked !== false : false);
          return <ChoiceItem key={index} kind="radios" {...item} id={itemId} name={name} checked={Boolean(checked)} />;
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
