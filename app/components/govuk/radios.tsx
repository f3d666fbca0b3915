import { Fragment, type ReactNode } from "react";
import { ErrorMessage, type ErrorMessageProps } from "./error-message";
import { Fieldset, type FieldsetProps } from "./fieldset";
import { Hint, type HintProps } from "./hint";
import type { TextOrHtml } from "./input";
import { Label } from "./label";

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

function hasNode(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

/** GOV.UK Frontend `govukRadios`, including conditional reveals and dividers. */
export function Radios(props: RadiosProps) {
  const { name, items, fieldset, hint, errorMessage, formGroup } = props;
  const idPrefix = props.idPrefix || name;
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  // Same order as the template: fieldset's own ids, then hint, then error.
  const describedBy = [fieldset?.describedBy, hint ? hintId : undefined, errorMessage ? errorId : undefined]
    .filter(Boolean)
    .join(" ");

  const inner = (
    <>
      {hint && <Hint {...hint} id={hintId} />}
      {errorMessage && <ErrorMessage {...errorMessage} id={errorId} />}
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
          const hasHint = Boolean(item.hint && (item.hint.text || hasNode(item.hint.html)));
          const itemHintId = `${itemId}-item-hint`;
          const conditionalId = `conditional-${itemId}`;
          const hasConditional = hasNode(item.conditional?.html);
          return (
            <Fragment key={index}>
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={itemId}
                  name={name}
                  type="radio"
                  value={item.value}
                  defaultChecked={checked || undefined}
                  disabled={item.disabled || undefined}
                  data-aria-controls={hasConditional ? conditionalId : undefined}
                  aria-describedby={hasHint ? itemHintId : undefined}
                  {...item.attributes}
                />
                <Label
                  html={item.html}
                  text={item.text}
                  classes={`govuk-radios__label${item.label?.classes ? ` ${item.label.classes}` : ""}`}
                  attributes={item.label?.attributes}
                  htmlFor={itemId}
                />
                {hasHint && item.hint && (
                  <Hint
                    {...item.hint}
                    id={itemHintId}
                    classes={`govuk-radios__hint${item.hint.classes ? ` ${item.hint.classes}` : ""}`}
                  />
                )}
              </div>
              {hasConditional && (
                <div
                  className={`govuk-radios__conditional${checked ? "" : " govuk-radios__conditional--hidden"}`}
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
