import type { ReactNode } from "react";

export interface LegendOptions {
  /** Plain text content; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  classes?: string;
  /** Puts the legend text in an `h1`, for one-question pages. */
  isPageHeading?: boolean;
}

export interface FieldsetProps {
  describedBy?: string;
  legend?: LegendOptions;
  classes?: string;
  role?: string;
  attributes?: Record<string, string>;
  /** The fieldset's content (the macro's `html` option or `caller()` body); `children` wins if both are given. */
  html?: ReactNode;
  children?: ReactNode;
}

/** GOV.UK Frontend `govukFieldset`. */
export function Fieldset({ describedBy, legend, classes, role, attributes, html, children }: FieldsetProps) {
  const legendContent = legend?.html ?? legend?.text;
  const hasLegend = legendContent !== undefined && legendContent !== null && legendContent !== "";
  return (
    <fieldset
      className={classes ? `govuk-fieldset ${classes}` : "govuk-fieldset"}
      role={role || undefined}
      aria-describedby={describedBy || undefined}
      {...attributes}
    >
      {hasLegend && (
        <legend className={legend?.classes ? `govuk-fieldset__legend ${legend.classes}` : "govuk-fieldset__legend"}>
          {legend?.isPageHeading ? <h1 className="govuk-fieldset__heading">{legendContent}</h1> : legendContent}
        </legend>
      )}
      {children ?? html}
    </fieldset>
  );
}
