import type { ReactNode } from "react";

export interface LanguageNavigationItem {
  /** The language's name written in that language, for example "Cymraeg". */
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** Language tag of the item's text, for example "cy". */
  lang: string;
  /** Language tag of the linked page; defaults to `lang`. */
  hrefLang?: string;
  dir?: "ltr" | "rtl";
  /** The current page in this language. Without it the item is the current language. */
  href?: string;
  /** Defaults to true when there is no `href`. */
  current?: boolean;
  /** Visually hidden text after the link, written in the link's language. */
  languageDescriptionText?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

export interface LanguageNavigationProps {
  items: LanguageNavigationItem[];
  /** Label of the navigation landmark, in the page's language. Defaults to "Language". */
  ariaLabel?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

/**
 * govuk-frontend 6.6.0 `govukLanguageNavigation` (components/language-navigation). Put it in ServiceNavigation's
 * `slots.end` (optionally with `align: "inline"`), as govuk-frontend's service navigation fixtures do.
 */
export function LanguageNavigation({ items, ariaLabel, classes, attributes }: LanguageNavigationProps) {
  return (
    <nav
      {...attributes}
      className={`govuk-language-navigation${classes ? ` ${classes}` : ""}`}
      aria-label={ariaLabel ?? "Language"}
    >
      <ul className="govuk-language-navigation__list">
        {items.map((item, index) => {
          const itemClasses = item.classes ? ` ${item.classes}` : "";
          const content = item.html ?? item.text;
          return (
            <li key={index} className="govuk-language-navigation__list-item">
              {item.current || !item.href ? (
                <span
                  {...item.attributes}
                  className={`govuk-language-navigation__text${itemClasses}`}
                  aria-current="true"
                  lang={item.lang || undefined}
                  dir={item.dir || undefined}
                >
                  {content}
                </span>
              ) : (
                <a
                  {...item.attributes}
                  className={`govuk-language-navigation__link${itemClasses}`}
                  href={item.href}
                  rel="alternate"
                  lang={item.lang || undefined}
                  hrefLang={item.hrefLang || item.lang || undefined}
                  dir={item.dir || undefined}
                >
                  {content}
                  {item.languageDescriptionText ? (
                    <span className="govuk-visually-hidden"> {item.languageDescriptionText}</span>
                  ) : null}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
