import type { ReactNode } from "react";

export interface LabelProps {
  /** Plain text content; ignored when `html` is given. */
  text?: string;
  /** Rich content (the macro's `html` option). */
  html?: ReactNode;
  /** The id of the field the label is for (the macro's `for` option). */
  htmlFor?: string;
  classes?: string;
  /** Wraps the label in an `h1`, for one-question pages. */
  isPageHeading?: boolean;
  attributes?: Record<string, string>;
}

/** GOV.UK Frontend `govukLabel`. Renders nothing without content, as the macro does. */
export function Label({ text, html, htmlFor, classes, isPageHeading, attributes }: LabelProps) {
  const content = html ?? text;
  if (content === undefined || content === null || content === "") return null;
  const label = (
    <label className={classes ? `govuk-label ${classes}` : "govuk-label"} {...attributes} htmlFor={htmlFor}>
      {content}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
