import type { ReactNode } from "react";
import { Tag } from "./tag";

export interface PhaseBannerTag {
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  classes?: string;
}

export interface PhaseBannerProps {
  /** The phase, for example "Beta". */
  tag?: PhaseBannerTag;
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukPhaseBanner`. */
export function PhaseBanner({ tag, text, html, classes, attributes }: PhaseBannerProps) {
  return (
    <div {...attributes} className={`govuk-phase-banner govuk-width-container${classes ? ` ${classes}` : ""}`}>
      <p className="govuk-phase-banner__content">
        <Tag
          text={tag?.text}
          html={tag?.html}
          classes={`govuk-phase-banner__content__tag${tag?.classes ? ` ${tag.classes}` : ""}`}
        />{" "}
        <span className="govuk-phase-banner__text">{html ?? text}</span>
      </p>
    </div>
  );
}
