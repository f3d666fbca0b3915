// One option of a radios or checkboxes group, as both templates render it: the input, its label, its own hint,
// and the content it reveals when chosen. The group decides the ids, whether it is chosen, and what describes it.
import { Fragment, type ReactNode } from "react";
import { Hint, type HintProps } from "./hint";
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
