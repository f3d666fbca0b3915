import type { ReactNode } from "react";

export interface GenericHeaderProps {
  /** Where the logo links to. Defaults to "/", as in the macro. */
  url?: string;
  /** The council's name shown as the logo. */
  logoText?: string;
  /** Takes precedence over `logoText`, for example the council's own logo image plus its name. */
  logoHtml?: ReactNode;
  /** Defaults to "govuk-width-container"; "govuk-generic-header__container--full-width" makes it full width. */
  containerClasses?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

/**
 * govuk-frontend 6.6.0 `govukGenericHeader` (components/generic-header). The portal is a council service, so it
 * must not use `govukHeader`, which always renders the GOV.UK crown logo and has no option to turn it off.
 */
export function GenericHeader({ url, logoText, logoHtml, containerClasses, classes, attributes }: GenericHeaderProps) {
  return (
    <div {...attributes} className={`govuk-generic-header${classes ? ` ${classes}` : ""}`}>
      <div className={`govuk-generic-header__container ${containerClasses || "govuk-width-container"}`}>
        <div className="govuk-generic-header__logo">
          <a href={url || "/"} className="govuk-generic-header__homepage-link">
            {logoHtml ?? logoText}
          </a>
        </div>
      </div>
    </div>
  );
}

/** The portal's header is always the Generic header. */
export { GenericHeader as Header };
export type { GenericHeaderProps as HeaderProps };
