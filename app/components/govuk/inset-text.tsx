import type { ReactNode } from "react";

export interface InsetTextProps {
  id?: string;
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** The macro's `caller` block; takes precedence over `html` and `text`. */
  children?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukInsetText`. */
export function InsetText({ id, text, html, children, classes, attributes }: InsetTextProps) {
  return (
    <div {...attributes} id={id || undefined} className={`govuk-inset-text${classes ? ` ${classes}` : ""}`}>
      {children ?? html ?? text}
    </div>
  );
}
