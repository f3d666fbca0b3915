import type { ReactNode } from "react";

export type SummaryListHeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface SummaryListActionItem {
  href: string;
  /** The action's visible text, for example the translated "Change". */
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** Completes the action for screen readers, for example "date of birth" after "Change". */
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

export interface SummaryListActions {
  items?: SummaryListActionItem[];
  classes?: string;
}

export interface SummaryListCell {
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  classes?: string;
}

export interface SummaryListRow {
  key: SummaryListCell;
  value: SummaryListCell;
  actions?: SummaryListActions;
  classes?: string;
}

export interface SummaryListCardTitle {
  text?: string;
  /** Takes precedence over `text`. */
  html?: ReactNode;
  /** Defaults to 2. */
  headingLevel?: SummaryListHeadingLevel;
  classes?: string;
}

export interface SummaryListCard {
  /** Also appended, in brackets, to every action's visually hidden text. */
  title?: SummaryListCardTitle;
  actions?: SummaryListActions;
  classes?: string;
  attributes?: Record<string, string>;
}

export interface SummaryListProps {
  /** Falsy entries are skipped, so rows can be added conditionally. */
  rows: ReadonlyArray<SummaryListRow | false | null | undefined>;
  /** Wraps the list in a summary card. */
  card?: SummaryListCard;
  classes?: string;
  attributes?: Record<string, string>;
}

function ActionLink({ action, cardTitle }: { action: SummaryListActionItem; cardTitle: SummaryListCardTitle | undefined }) {
  return (
    <a {...action.attributes} className={`govuk-link${action.classes ? ` ${action.classes}` : ""}`} href={action.href}>
      {action.html ?? action.text}
      {action.visuallyHiddenText || cardTitle ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {cardTitle ? <> ({cardTitle.html ?? cardTitle.text})</> : null}
        </span>
      ) : null}
    </a>
  );
}

/** govuk-frontend 6.6.0 `govukSummaryList`, optionally as a summary card. */
export function SummaryList({ rows, card, classes, attributes }: SummaryListProps) {
  const presentRows = rows.filter((row): row is SummaryListRow => Boolean(row));
  // Rows without actions need a modifier so their borders line up with rows that have them.
  const anyRowHasActions = presentRows.some((row) => Boolean(row.actions?.items?.length));
  const cardTitle = card?.title;

  const list = (
    <dl {...attributes} className={`govuk-summary-list${classes ? ` ${classes}` : ""}`}>
      {presentRows.map((row, index) => {
        const items = row.actions?.items;
        const rowClasses = `govuk-summary-list__row${anyRowHasActions && !items ? " govuk-summary-list__row--no-actions" : ""}${row.classes ? ` ${row.classes}` : ""}`;
        return (
          <div key={index} className={rowClasses}>
            <dt className={`govuk-summary-list__key${row.key.classes ? ` ${row.key.classes}` : ""}`}>
              {row.key.html ?? row.key.text}
            </dt>
            <dd className={`govuk-summary-list__value${row.value.classes ? ` ${row.value.classes}` : ""}`}>
              {row.value.html ?? row.value.text}
            </dd>
            {items?.length ? (
              <dd className={`govuk-summary-list__actions${row.actions?.classes ? ` ${row.actions.classes}` : ""}`}>
                {items.length === 1 && items[0] ? (
                  <ActionLink action={items[0]} cardTitle={cardTitle} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {items.map((action, actionIndex) => (
                      <li key={actionIndex} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );

  if (!card) return list;

  const Heading = `h${cardTitle?.headingLevel || 2}` as const;
  const cardItems = card.actions?.items;
  const cardActionsClasses = card.actions?.classes ? ` ${card.actions.classes}` : "";
  return (
    <div {...card.attributes} className={`govuk-summary-card${card.classes ? ` ${card.classes}` : ""}`}>
      <div className="govuk-summary-card__title-wrapper">
        {cardTitle ? (
          <Heading className={`govuk-summary-card__title${cardTitle.classes ? ` ${cardTitle.classes}` : ""}`}>
            {cardTitle.html ?? cardTitle.text}
          </Heading>
        ) : null}
        {cardItems?.length ? (
          cardItems.length === 1 && cardItems[0] ? (
            <div className={`govuk-summary-card__actions${cardActionsClasses}`}>
              <ActionLink action={cardItems[0]} cardTitle={cardTitle} />
            </div>
          ) : (
            <ul className={`govuk-summary-card__actions${cardActionsClasses}`}>
              {cardItems.map((action, index) => (
                <li key={index} className="govuk-summary-card__action">
                  <ActionLink action={action} cardTitle={cardTitle} />
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{list}</div>
    </div>
  );
}
