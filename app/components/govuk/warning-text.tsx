import type { ReactNode } from "react";

export interface WarningTextProps {
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** Visually hidden text read out in place of the "!" icon. Defaults to "Warning"; pass the translated text. */
  iconFallbackText?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukWarningText`. */
export function WarningText({ text, html, iconFallbackText, classes, attributes }: WarningTextProps) {
  return (
    <div {...attributes} className={`govuk-warning-text${classes ? ` ${classes}` : ""}`}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText || "Warning"}</span> {html ?? text}
      </strong>
    </div>
  );
}
