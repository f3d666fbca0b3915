import { isValidElement, type ReactNode } from "react";

export interface ServiceNavigationItem {
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** Without `href` the item is plain text. */
  href?: string;
  /** The user is on this page (aria-current="page"); takes precedence over `active`. */
  current?: boolean;
  /** The user is within this section (aria-current="true"). */
  active?: boolean;
  /** Added to the item's link. */
  attributes?: Record<string, string>;
}

export interface ServiceNavigationEndSlot {
  html: ReactNode;
  /** "inline" puts the slot on the same line as the navigation when there is room. */
  align?: "inline";
}

export interface ServiceNavigationSlots {
  /** At the start of the container, before the service name. */
  start?: ReactNode;
  /** At the end of the container, for example a LanguageNavigation. */
  end?: ReactNode | ServiceNavigationEndSlot;
  /** `<li>` content before the first navigation item. */
  navigationStart?: ReactNode;
  /** `<li>` content after the last navigation item. */
  navigationEnd?: ReactNode;
}

export interface ServiceNavigationProps {
  serviceName?: string;
  serviceUrl?: string;
  /** Falsy entries are skipped, so items can be added conditionally. */
  navigation?: ReadonlyArray<ServiceNavigationItem | false | null | undefined>;
  /** Label of the section landmark used when there is a service name or start/end slot. Defaults to "Service information". */
  ariaLabel?: string;
  /** Text of the mobile menu toggle. Defaults to "Menu". */
  menuButtonText?: string;
  /** Screen reader label of the mobile menu toggle, when it should differ from `menuButtonText`. */
  menuButtonLabel?: string;
  /** Label of the navigation landmark. Defaults to `menuButtonText`. */
  navigationLabel?: string;
  /** Defaults to "navigation". */
  navigationId?: string;
  navigationClasses?: string;
  /** Defaults to true when there is more than one navigation item. */
  collapseNavigationOnMobile?: boolean;
  slots?: ServiceNavigationSlots;
  classes?: string;
  attributes?: Record<string, string>;
}

function isEndSlotObject(end: ServiceNavigationSlots["end"]): end is ServiceNavigationEndSlot {
  return typeof end === "object" && end !== null && !isValidElement(end) && "html" in end;
}

// Nunjucks treats these as "no content"; React would render 0 but nothing else here.
function hasContent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

function NavigationItem({ item }: { item: ServiceNavigationItem }) {
  const isActive = Boolean(item.active || item.current);
  const ariaCurrent = isActive ? (item.current ? "page" : "true") : undefined;
  const content = item.html ?? item.text;
  // Wrapped in <strong> so people who override colours still see which item is current.
  const inner = isActive ? <strong className="govuk-service-navigation__active-fallback">{content}</strong> : content;
  return (
    <li className={`govuk-service-navigation__item${isActive ? " govuk-service-navigation__item--active" : ""}`}>
      {item.href ? (
        <a {...item.attributes} className="govuk-service-navigation__link" href={item.href} aria-current={ariaCurrent}>
          {inner}
        </a>
      ) : hasContent(content) ? (
        <span className="govuk-service-navigation__text" aria-current={ariaCurrent}>
          {inner}
        </span>
      ) : null}
    </li>
  );
}

/** govuk-frontend 6.6.0 `govukServiceNavigation`. */
export function ServiceNavigation({
  serviceName,
  serviceUrl,
  navigation,
  ariaLabel,
  menuButtonText,
  menuButtonLabel,
  navigationLabel,
  navigationId,
  navigationClasses,
  collapseNavigationOnMobile,
  slots,
  classes,
  attributes,
}: ServiceNavigationProps) {
  const buttonText = menuButtonText || "Menu";
  const listId = navigationId || "navigation";
  const endSlot = isEndSlotObject(slots?.end) ? slots.end.html : slots?.end;
  const endSlotInline = isEndSlotObject(slots?.end) && slots.end.align === "inline";
  const items = (navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item));
  const collapse = collapseNavigationOnMobile ?? items.length > 1;
  const hasNavigation = items.length > 0 || hasContent(slots?.navigationStart) || hasContent(slots?.navigationEnd);

  const inner = (
    <div className={`govuk-width-container${endSlotInline ? " govuk-service-navigation__inlining-container" : ""}`}>
      {slots?.start}
      <div className="govuk-service-navigation__container">
        {serviceName ? (
          <span className="govuk-service-navigation__service-name">
            {serviceUrl ? (
              <a href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </a>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
        ) : null}
        {hasNavigation ? (
          <nav
            aria-label={navigationLabel || buttonText}
            className={`govuk-service-navigation__wrapper${navigationClasses ? ` ${navigationClasses}` : ""}`}
          >
            {collapse ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={listId}
                aria-label={menuButtonLabel && menuButtonLabel !== buttonText ? menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {buttonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={listId}>
              {slots?.navigationStart}
              {items.map((item, index) => (
                <NavigationItem key={index} item={item} />
              ))}
              {slots?.navigationEnd}
            </ul>
          </nav>
        ) : null}
      </div>
      {endSlot}
    </div>
  );

  const className = `govuk-service-navigation${classes ? ` ${classes}` : ""}`;
  // With a service name or slot content the whole block is a labelled landmark; otherwise the <nav> is enough.
  if (serviceName || hasContent(slots?.start) || hasContent(endSlot)) {
    return (
      <section
        {...attributes}
        aria-label={ariaLabel ?? "Service information"}
        className={className}
        data-module="govuk-service-navigation"
      >
        {inner}
      </section>
    );
  }
  return (
    <div {...attributes} className={className} data-module="govuk-service-navigation">
      {inner}
    </div>
  );
}
