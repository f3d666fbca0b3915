import type { ReactNode } from "react";

export interface ButtonProps {
  /** Plain text; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  /** Renders a link styled as a button instead of a `<button>`. */
  href?: string;
  /** Button type; defaults to "submit". */
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Rendered only when set, as "true" or "false", for the script to ignore quick second clicks. */
  preventDoubleClick?: boolean;
  /** Adds the arrow icon for a service's start page. */
  isStartButton?: boolean;
  id?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

function StartIcon() {
  // focusable="false" stops old Internet Explorer treating the icon as a tab stop.
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/** GOV.UK Frontend `govukButton` (a `<button>`, or an `<a role="button">` when `href` is given). */
export function Button(props: ButtonProps) {
  const { html, text, isStartButton } = props;
  const hasHtml = html !== undefined && html !== null && html !== false && html !== "";
  let className = "govuk-button";
  if (props.classes) className += ` ${props.classes}`;
  if (isStartButton) className += " govuk-button--start";

  // Start buttons are flex containers, which drop white space between elements, so rich content gets a span.
  const content = (
    <>
      {hasHtml && isStartButton ? <span>{html}</span> : hasHtml ? html : text}
      {isStartButton && (
        <>
          {" "}
          <StartIcon />
        </>
      )}
    </>
  );
  // The template writes `attributes` before the id and browsers keep the first duplicate, so an id in `attributes` wins.
  const common = {
    className,
    "data-module": "govuk-button",
    ...(props.id ? { id: props.id } : {}),
    ...props.attributes,
  };

  if (props.href) {
    return (
      <a href={props.href} role="button" draggable={false} {...common}>
        {content}
      </a>
    );
  }
  return (
    <button
      type={props.type || "submit"}
      value={props.value || undefined}
      name={props.name || undefined}
      disabled={props.disabled || undefined}
      aria-disabled={props.disabled ? "true" : undefined}
      data-prevent-double-click={props.preventDoubleClick === undefined ? undefined : String(props.preventDoubleClick)}
      {...common}
    >
      {content}
    </button>
  );
}
