// A radios or checkboxes group, as both templates render it: the group (its hint, error and options, in a fieldset
// or not), and each option (the input, its label, its own hint, and the content it reveals when chosen). The group
// decides the ids, whether each is chosen, and what describes it.
import { Fragment, type ReactNode } from "react";
import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps } from "./fieldset";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
import { Hint, type HintProps } from "./hint";
import type { TextOrHtml } from "./input";
import { Label } from "./label";

export interface ChoiceItemProps {
  kind: "radios" | "checkboxes";
  id: string;
  name: string;
  value: string;
  checked: boolean;
  text?: string;
  html?: ReactNode;
  label?: { classes?: string; attributes?: Record<string, string> };
  hint?: Omit<HintProps, "id">;
  disabled?: boolean;
  conditional?: { html: ReactNode };
  /** Ids that describe this input besides its own hint (a checkbox outside a fieldset takes the group's). */
  describedBy?: string;
  behaviour?: "exclusive";
  attributes?: Record<string, string>;
}

export function hasNode(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

export function ChoiceItem(item: ChoiceItemProps) {
  const { kind, id } = item;
  const hasHint = Boolean(item.hint && (item.hint.text || hasNode(item.hint.html)));
  const hintId = `${id}-item-hint`;
  const conditionalId = `conditional-${id}`;
  const hasConditional = hasNode(item.conditional?.html);
  const describedBy = [item.describedBy, hasHint ? hintId : undefined].filter(Boolean).join(" ");
  return (
    <Fragment>
      <div className={`govuk-${kind}__item`}>
        <input
          className={`govuk-${kind}__input`}
          id={id}
          name={item.name}
          type={kind === "radios" ? "radio" : "checkbox"}
          value={item.value}
          defaultChecked={item.checked || undefined}
          disabled={item.disabled || undefined}
          data-aria-controls={hasConditional ? conditionalId : undefined}
          data-behaviour={item.behaviour || undefined}
          aria-describedby={describedBy || undefined}
          {...item.attributes}
        />
        <Label html={item.html} text={item.text} classes={`govuk-${kind}__label${item.label?.classes ? ` ${item.label.classes}` : ""}`} attributes={item.label?.attributes} htmlFor={id} />
        {hasHint && item.hint && <Hint {...item.hint} id={hintId} classes={`govuk-${kind}__hint${item.hint.classes ? ` ${item.hint.classes}` : ""}`} />}
      </div>
      {hasConditional && (
        <div className={`govuk-${kind}__conditional${item.checked ? "" : ` govuk-${kind}__conditional--hidden`}`} id={conditionalId}>
          {item.conditional?.html}
        </div>
      )}
    </Fragment>
  );
}

/** An option as a group is given it: the group's name, and whether it is chosen, are worked out by the group. */
export type GroupOption = Omit<ChoiceItemProps, "kind" | "id" | "name" | "checked" | "describedBy"> & { id?: string; name?: string; checked?: boolean };

/** What radios and checkboxes share: everything but how a value is chosen, and what describes each input. */
export interface ChoiceGroupProps {
  kind: ChoiceItemProps["kind"];
  name: string;
  idPrefix?: string;
  /** Falsy entries are skipped but still count towards generated ids, as in the macro. */
  items: ReadonlyArray<GroupOption | { divider: string } | null | undefined | false>;
  /** Whether an option is chosen by the group's value(s) (an option's own `checked` comes first). */
  chosen: (value: string) => boolean;
  /** Extra ids for `aria-describedby`: on the fieldset, or on each checkbox when there is no fieldset. */
  describedBy?: string;
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role">;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  classes?: string;
  formGroup?: { classes?: string; attributes?: Record<string, string>; beforeInputs?: TextOrHtml; afterInputs?: TextOrHtml };
  attributes?: Record<string, string>;
}

export function ChoiceGroup(props: ChoiceGroupProps) {
  const { kind, name, items, fieldset, hint, errorMessage, formGroup } = props;
  const idPrefix = props.idPrefix || name;
  // Given ids (the fieldset's replace the group's), then hint, then error.
  const ids = fieldDescriptions(idPrefix, fieldset?.describedBy || props.describedBy, hint, errorMessage);
  return (
    <FormGroup hasError={Boolean(errorMessage)} formGroup={formGroup} fieldset={fieldset} describedBy={ids.describedBy}>
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
      <div className={`govuk-${kind}${props.classes ? ` ${props.classes}` : ""}`} {...props.attributes} data-module={`govuk-${kind}`}>
        {formGroup?.beforeInputs && (formGroup.beforeInputs.html ?? formGroup.beforeInputs.text)}
        {items.map((item, index) => {
          if (!item) return null;
          if ("divider" in item) {
            return (
              <div key={index} className={`govuk-${kind}__divider`}>
                {item.divider}
              </div>
            );
          }
          const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
          const checked = item.checked || (item.checked !== false && props.chosen(item.value));
          // A radio is always its group's; without a fieldset to carry them, the group's hint and error describe
          // each checkbox.
          const ownName = kind === "checkboxes" ? item.name || name : name;
          const describedBy = kind === "checkboxes" && !fieldset ? ids.describedBy : undefined;
          return <ChoiceItem key={index} {...item} kind={kind} id={itemId} name={ownName} checked={Boolean(checked)} describedBy={describedBy} />;
        })}
        {formGroup?.afterInputs && (formGroup.afterInputs.html ?? formGroup.afterInputs.text)}
      </div>
    </FormGroup>
  );
}
