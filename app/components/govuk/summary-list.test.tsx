import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml } from "./fixtures.test-support";
import {
  canonicalStyles,
  inlineTexts,
  optArray,
  optAttributes,
  optHeadingLevel,
  optHtml,
  optRecord,
  optString,
} from "./fixtures-extra.test-support";
import {
  SummaryList,
  type SummaryListActions,
  type SummaryListCell,
  type SummaryListProps,
  type SummaryListRow,
} from "./summary-list";

function toCell(value: unknown): SummaryListCell {
  const o = optRecord(value) ?? {};
  return { text: optString(o.text), html: optHtml(o.html), classes: optString(o.classes) };
}

function toActions(value: unknown): SummaryListActions | undefined {
  const o = optRecord(value);
  if (!o) return undefined;
  return {
    classes: optString(o.classes),
    items: optArray(o.items)?.map((raw) => {
      const item = optRecord(raw) ?? {};
      return {
        href: optString(item.href) ?? "",
        text: optString(item.text),
        html: optHtml(item.html),
        visuallyHiddenText: optString(item.visuallyHiddenText),
        classes: optString(item.classes),
        attributes: optAttributes(item.attributes),
      };
    }),
  };
}

function toRow(value: unknown): SummaryListRow | null {
  const o = optRecord(value);
  if (!o) return null;
  return { key: toCell(o.key), value: toCell(o.value), actions: toActions(o.actions), classes: optString(o.classes) };
}

function toProps(o: Record<string, unknown>): SummaryListProps {
  const card = optRecord(o.card);
  const title = card && optRecord(card.title);
  return {
    rows: (optArray(o.rows) ?? []).map(toRow),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
    card: card && {
      title: title && {
        text: optString(title.text),
        html: optHtml(title.html),
        headingLevel: optHeadingLevel(title.headingLevel),
        classes: optString(title.classes),
      },
      actions: toActions(card.actions),
      classes: optString(card.classes),
      attributes: optAttributes(card.attributes),
    },
  };
}

// One fixture has an inline style, which React and Nunjucks spell differently.
function render(element: ReactElement): string {
  return normaliseHtml(canonicalStyles(renderToStaticMarkup(element)));
}

const covered = [
  "default",
  "with actions",
  "no-border",
  "no-border on last row",
  "extreme",
  "as a summary card with a text header",
  "as a summary card with a html header",
  "as a summary card with actions",
  "as a summary card with actions plus summary list actions",
  "as a summary card extreme",
  "attributes",
  "with falsy values",
  "key with html",
  "key with classes",
  "value with html",
  "actions href",
  "actions with html",
  "actions with classes",
  "actions with attributes",
  "single action with anchor",
  "classes on items",
  "empty items array",
  "rows with classes",
  "summary card with custom classes",
  "summary card with custom attributes",
  "summary card with only 1 action",
  "translated",
  "with some actions",
  "overridden-widths",
  "as a summary card with a custom header level",
];

describe("SummaryList", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("summary-list").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("summary-list", name);
    const element = <SummaryList {...toProps(f.options)} />;
    expect(render(element)).toBe(normaliseHtml(canonicalStyles(f.html)));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
