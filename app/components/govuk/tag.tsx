import type { ReactNode } from "react";

export interface TagProps {
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukTag`. */
export function Tag({ text, html, classes, attributes }: TagProps) {
  return (
    <strong {...attributes} className={`govuk-tag${classes ? ` ${classes}` : ""}`}>
      {html ?? text}
    </strong>
  );
}
