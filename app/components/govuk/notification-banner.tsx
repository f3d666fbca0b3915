import type { ReactNode } from "react";

export type NotificationBannerHeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface NotificationBannerProps {
  /** "success" gives the green variant with role="alert"; any other value is ignored, as in the macro. */
  type?: string;
  /** Overrides the role worked out from `type`. */
  role?: string;
  /** Defaults to "Important", or "Success" for the success type; pass the translated text. */
  titleText?: string;
  /** Takes precedence over `titleText`. */
  titleHtml?: ReactNode;
  /** Defaults to 2. */
  titleHeadingLevel?: NotificationBannerHeadingLevel;
  /** Defaults to "govuk-notification-banner-title"; must be unique on the page. */
  titleId?: string;
  /** Single-line content, rendered as the banner heading. */
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** The macro's `caller` block; takes precedence over `html` and `text`. */
  children?: ReactNode;
  /** Only written out when given, so the JavaScript's own default applies otherwise. */
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukNotificationBanner`. */
export function NotificationBanner({
  type,
  role,
  titleText,
  titleHtml,
  titleHeadingLevel,
  titleId,
  text,
  html,
  children,
  disableAutoFocus,
  classes,
  attributes,
}: NotificationBannerProps) {
  const isSuccess = type === "success";
  const id = titleId || "govuk-notification-banner-title";
  const Heading = `h${titleHeadingLevel || 2}` as const;
  const content = children ?? html;
  return (
    <div
      {...attributes}
      className={`govuk-notification-banner${isSuccess ? " govuk-notification-banner--success" : ""}${classes ? ` ${classes}` : ""}`}
      role={role || (isSuccess ? "alert" : "region")}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={id}>
          {titleHtml ?? (titleText || (isSuccess ? "Success" : "Important"))}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">
        {content != null && content !== false && content !== "" ? (
          content
        ) : text ? (
          <p className="govuk-notification-banner__heading">{text}</p>
        ) : null}
      </div>
    </div>
  );
}
