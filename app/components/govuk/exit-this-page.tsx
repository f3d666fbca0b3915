import type { ReactNode } from "react";

export interface ExitThisPageProps {
  id?: string;
  /** Button text. Without `text` or `html` the macro's English default ("Emergency" hidden, "Exit this page") is used. */
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** Where the button goes. Defaults to the BBC weather page, as in the macro. */
  redirectUrl?: string;
  /** Announced when the page is exited by pressing Shift three times. */
  activatedText?: string;
  /** Announced when the Shift presses time out. */
  timedOutText?: string;
  /** Announced after the first Shift press. */
  pressTwoMoreTimesText?: string;
  /** Announced after the second Shift press. */
  pressOneMoreTimeText?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

/** govuk-frontend 6.6.0 `govukExitThisPage`. */
export function ExitThisPage({
  id,
  text,
  html,
  redirectUrl,
  activatedText,
  timedOutText,
  pressTwoMoreTimesText,
  pressOneMoreTimeText,
  classes,
  attributes,
}: ExitThisPageProps) {
  // The JavaScript reads its translations from these; JSX cannot spell attribute names with dots.
  const i18nAttributes: Record<string, string | undefined> = {
    "data-i18n.activated": activatedText || undefined,
    "data-i18n.timed-out": timedOutText || undefined,
    "data-i18n.press-two-more-times": pressTwoMoreTimesText || undefined,
    "data-i18n.press-one-more-time": pressOneMoreTimeText || undefined,
  };
  return (
    <div
      {...attributes}
      {...i18nAttributes}
      id={id || undefined}
      className={`govuk-exit-this-page${classes ? ` ${classes}` : ""}`}
      data-module="govuk-exit-this-page"
    >
      {/* govukButton's link markup, inlined because Button is owned elsewhere. */}
      <a
        href={redirectUrl || "https://www.bbc.co.uk/weather"}
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
        data-module="govuk-button"
        rel="nofollow noreferrer"
      >
        {html ??
          (text || (
            <>
              <span className="govuk-visually-hidden">Emergency</span> Exit this page
            </>
          ))}
      </a>
    </div>
  );
}
