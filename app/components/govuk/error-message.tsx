import type { ReactNode } from "react";

export interface ErrorMessageProps {
  id?: string;
  /** Plain text content; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
  /**
   * Hidden prefix read out before the message, "Error" by default; pass the translated word (the colon is
   * added), or "" to leave the prefix out (e.g. when `html` already carries a translated prefix).
   */
  visuallyHiddenText?: string;
}

/** GOV.UK Frontend `govukErrorMessage`. */
export function ErrorMessage({ id, text, html, classes, attributes, visuallyHiddenText = "Error" }: ErrorMessageProps) {
  return (
    <p id={id} className={classes ? `govuk-error-message ${classes}` : "govuk-error-message"} {...attributes}>
      {visuallyHiddenText ? (
        <>
          <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> {html ?? text}
        </>
      ) : (
        html ?? text
      )}
    </p>
  );
}
