import type { ReactNode } from "react";

export type PanelHeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface PanelActionItem {
  text: string;
  /** Without `href` (or with `type: "button"`) the action is a GOV.UK button, otherwise an inverse link. */
  href?: string;
  type?: "button" | "submit" | "reset";
  classes?: string;
  attributes?: Record<string, string>;
}

export interface PanelActions {
  items?: PanelActionItem[];
  classes?: string;
  attributes?: Record<string, string>;
}

export interface PanelProps {
  titleText?: string;
  /** Takes precedence over `titleText`. */
  titleHtml?: ReactNode;
  /** Defaults to 1. */
  headingLevel?: PanelHeadingLevel;
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** The macro's `caller` block; takes precedence over `html` and `text`. */
  children?: ReactNode;
  /** Only rendered for the interruption variant (`classes` containing "govuk-panel--interruption"). */
  actions?: PanelActions;
  classes?: string;
  attributes?: Record<string, string>;
}

// Inlined rather than importing Button, which is owned elsewhere; this mirrors govukButton's output for
// exactly the options the panel template passes to it.
function PanelAction({ action }: { action: PanelActionItem }) {
  const buttonClasses = `govuk-button govuk-button--inverse${action.classes ? ` ${action.classes}` : ""}`;
  if (!action.href || action.type === "button") {
    if (action.href) {
      return (
        <a {...action.attributes} href={action.href} role="button" draggable="false" className={buttonClasses} data-module="govuk-button">
          {action.text}
        </a>
      );
    }
    return (
      <button {...action.attributes} type={action.type || "button"} className={buttonClasses} data-module="govuk-button">
        {action.text}
      </button>
    );
  }
  return (
    <a
      {...action.attributes}
      className={`govuk-link govuk-link--inverse${action.classes ? ` ${action.classes}` : ""}`}
      href={action.href}
    >
      {action.text}
    </a>
  );
}

/** govuk-frontend 6.6.0 `govukPanel` (confirmation by default, interruption via `classes`). */
export function Panel({ titleText, titleHtml, headingLevel, text, html, children, actions, classes, attributes }: PanelProps) {
  const isInterruption = classes?.includes("govuk-panel--interruption") ?? false;
  const Heading = `h${headingLevel || 1}` as const;
  const body = children ?? html ?? text;
  return (
    <div
      {...attributes}
      className={`govuk-panel${isInterruption ? "" : " govuk-panel--confirmation"}${classes ? ` ${classes}` : ""}`}
    >
      <Heading className="govuk-panel__title">{titleHtml ?? titleText}</Heading>
      {body != null && body !== "" && body !== false ? <div className="govuk-panel__body">{body}</div> : null}
      {isInterruption && actions ? (
        <div {...actions.attributes} className={`govuk-panel__actions${actions.classes ? ` ${actions.classes}` : ""}`}>
          {actions.items?.length ? (
            <div className="govuk-button-group">
              {actions.items.map((action, index) => (
                <PanelAction key={index} action={action} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
