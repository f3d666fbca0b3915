import type { ReactNode } from "react";

export interface ErrorSummaryItem {
  /** Plain text; ignored when `html` is given. */
  text?: string;
  html?: ReactNode;
  /** Usually `#<id of the field in error>`; without it the item is not a link. */
  href?: string;
  attributes?: Record<string, string>;
}

export interface ErrorSummaryProps {
  /** e.g. "There is a problem"; ignored when `titleHtml` is given. */
  titleText?: string;
  titleHtml?: ReactNode;
  descriptionText?: string;
  descriptionHtml?: ReactNode;
  errorList?: readonly ErrorSummaryItem[];
  /** Stops the script focusing the summary on page load; rendered only when set, as "true" or "false". */
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Record<string, string>;
  /** Description content (the macro's `caller()` body); wins over `descriptionHtml`/`descriptionText`. */
  children?: ReactNode;
}

function hasNode(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

/** GOV.UK Frontend `govukErrorSummary`. */
export function ErrorSummary(props: ErrorSummaryProps) {
  const { errorList, disableAutoFocus } = props;
  const description = hasNode(props.children)
    ? props.children
    : hasNode(props.descriptionHtml)
    ? props.descriptionHtml
    : props.descriptionText;
  return (
    <div
      className={`govuk-error-summary${props.classes ? ` ${props.classes}` : ""}`}
      data-disable-auto-focus={disableAutoFocus === undefined ? undefined : String(disableAutoFocus)}
      {...props.attributes}
      data-module="govuk-error-summary"
    >
      {/* role="alert" sits on a child so the focus script and the announcement do not race. */}
      <div role="alert">
        <h2 className="govuk-error-summary__title">{hasNode(props.titleHtml) ? props.titleHtml : props.titleText}</h2>
        <div className="govuk-error-summary__body">
          {hasNode(description) && <p>{description}</p>}
          {errorList && errorList.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {errorList.map((item, index) => (
                <li key={index}>
                  {item.href ? (
                    <a href={item.href} {...item.attributes}>
                      {hasNode(item.html) ? item.html : item.text}
                    </a>
                  ) : hasNode(item.html) ? (
                    item.html
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
