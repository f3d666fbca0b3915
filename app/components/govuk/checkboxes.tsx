import { Fragment, type ReactNode } from "react";
import { ErrorMessage, type ErrorMessageProps } from "./error-message";
import { Fieldset, type FieldsetProps } from "./fieldset";
import { Hint, type HintProps } from "./hint";
import type { TextOrHtml } from "./input";
import { Label } from "./label";

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

function hasNode(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

/** GOV.UK Frontend `govukCheckboxes`, including conditional reveals, dividers and the exclusive "None" option. */
export function Checkboxes(props: CheckboxesProps) {
  const { name, items, values, fieldset, hint, errorMessage, formGroup } = props;
  const idPrefix = props.idPrefix || name;
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  // Same order as the template: given ids (the fieldset's replace the group's), then hint, then error.
  const describedBy = [
    fieldset?.describedBy || props.describedBy,
    hint ? hintId : undefined,
    errorMessage ? errorId : undefined,
  ]
    .filter(Boolean)
    .join(" ");

  const inner = (
    <>
      {hint && <Hint {...hint} id={hintId} />}
      {errorMessage && <ErrorMessage {...errorMessage} id={errorId} />}
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
          const hasHint = Boolean(item.hint && (item.hint.text || hasNode(item.hint.html)));
          const itemHintId = `${itemId}-item-hint`;
          // Without a fieldset to carry them, the group's hint and error describe each checkbox.
          const itemDescribedBy = [fieldset ? undefined : describedBy, hasHint ? itemHintId : undefined]
            .filter(Boolean)
            .join(" ");
          const conditionalId = `conditional-${itemId}`;
          const hasConditional = hasNode(item.conditional?.html);
          return (
            <Fragment key={index}>
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={item.name || name}
                  type="checkbox"
                  value={item.value}
                  defaultChecked={checked || undefined}
                  disabled={item.disabled || undefined}
                  data-aria-controls={hasConditional ? conditionalId : undefined}
                  data-behaviour={item.behaviour || undefined}
                  aria-describedby={itemDescribedBy || undefined}
                  {...item.attributes}
                />
                <Label
                  html={item.html}
                  text={item.text}
                  classes={`govuk-checkboxes__label${item.label?.classes ? ` ${item.label.classes}` : ""}`}
                  attributes={item.label?.attributes}
                  htmlFor={itemId}
                />
                {hasHint && item.hint && (
                  <Hint
                    {...item.hint}
                    id={itemHintId}
                    classes={`govuk-checkboxes__hint${item.hint.classes ? ` ${item.hint.classes}` : ""}`}
                  />
                )}
              </div>
              {hasConditional && (
                <div
                  className={`govuk-checkboxes__conditional${checked ? "" : " govuk-checkboxes__conditional--hidden"}`}
                  id={conditionalId}
                >
                  {item.conditional?.html}
                </div>
              )}
            </Fragment>
          );
        })}
        {formGroup?.afterInputs && (formGroup.afterInputs.html ?? formGroup.afterInputs.text)}
      </div>
    </>
  );

  return (
    <div
      className={`govuk-form-group${errorMessage ? " govuk-form-group--error" : ""}${
        formGroup?.classes ? ` ${formGroup.classes}` : ""
      }`}
      {...formGroup?.attributes}
    >
      {fieldset ? (
        <Fieldset
          describedBy={describedBy}
          classes={fieldset.classes}
          attributes={fieldset.attributes}
          legend={fieldset.legend}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
