import type { ReactNode } from "react";

export interface HintProps {
  id?: string;
  /** Plain text content; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** GOV.UK Frontend `govukHint`. */
export function Hint({ id, text, html, classes, attributes }: HintProps) {
  return (
    <div id={id} className={classes ? `govuk-hint ${classes}` : "govuk-hint"} {...attributes}>
      {html ?? text}
    </div>
  );
}
