import type { ReactNode } from "react";

export interface BackLinkProps {
  /** Defaults to "#", as in the macro. */
  href?: string;
  /** Defaults to "Back"; pass the translated text. */
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukBackLink`. */
export function BackLink({ href, text, html, classes, attributes }: BackLinkProps) {
  return (
    <a {...attributes} href={href || "#"} className={`govuk-back-link${classes ? ` ${classes}` : ""}`}>
      {html ?? (text || "Back")}
    </a>
  );
}
