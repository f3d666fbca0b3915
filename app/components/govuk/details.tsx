import type { ReactNode } from "react";

export interface DetailsProps {
  id?: string;
  /** Whether the details start expanded. */
  open?: boolean;
  summaryText?: string;
  /** Takes precedence over `summaryText`. */
  summaryHtml?: ReactNode;
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** The macro's `caller` block; takes precedence over `html` and `text`. */
  children?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukDetails`. */
export function Details({ id, open, summaryText, summaryHtml, text, html, children, classes, attributes }: DetailsProps) {
  return (
    <details
      {...attributes}
      id={id || undefined}
      className={`govuk-details${classes ? ` ${classes}` : ""}`}
      open={open || undefined}
    >
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summaryHtml ?? summaryText}</span>
      </summary>
      <div className="govuk-details__text">{children ?? html ?? text}</div>
    </details>
  );
}
