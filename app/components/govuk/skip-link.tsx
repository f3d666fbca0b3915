import type { ReactNode } from "react";

export interface SkipLinkProps {
  /** Defaults to "#content", as in the macro. */
  href?: string;
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukSkipLink`. */
export function SkipLink({ href, text, html, classes, attributes }: SkipLinkProps) {
  return (
    <a
      {...attributes}
      href={href || "#content"}
      className={`govuk-skip-link${classes ? ` ${classes}` : ""}`}
      data-module="govuk-skip-link"
    >
      {html ?? text}
    </a>
  );
}
