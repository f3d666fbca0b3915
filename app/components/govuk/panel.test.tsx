import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import {
  optArray,
  optAttributes,
  optHeadingLevel,
  optHtml,
  optRecord,
  optString,
  inlineTexts,
} from "./fixtures-extra.test-support";
import { Panel, type PanelActionItem, type PanelProps } from "./panel";

function toActionType(value: unknown): PanelActionItem["type"] {
  return value === "button" || value === "submit" || value === "reset" ? value : undefined;
}

function toProps(o: Record<string, unknown>): PanelProps {
  const actions = optRecord(o.actions);
  return {
    titleText: optString(o.titleText),
    titleHtml: optHtml(o.titleHtml),
    headingLevel: optHeadingLevel(o.headingLevel),
    text: optString(o.text),
    html: optHtml(o.html),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
    actions: actions && {
      classes: optString(actions.classes),
      attributes: optAttributes(actions.attributes),
      items: optArray(actions.items)?.map((raw) => {
        const item = optRecord(raw) ?? {};
        return {
          text: optString(item.text) ?? "",
          href: optString(item.href),
          type: toActionType(item.type),
          classes: optString(item.classes),
          attributes: optAttributes(item.attributes),
        };
      }),
    },
  };
}

const covered = [
  "default",
  "interruption",
  "interruption-with-content-with-long-line-length",
  "interruption-with-headings-content-and-lists",
  "title html as text",
  "title html",
  "body html as text",
  "body html",
  "classes",
  "attributes",
  "title with no body text",
  "custom heading level",
  "interruption with custom classes",
  "confirmation, with actions",
  "interruption, with actions classes and attributes",
  "interruption, submit action",
  "interruption, button link",
  "interruption, no actions",
  "interruption, no actions items",
];

describe("Panel", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("panel").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("panel", name);
    const element = <Panel {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
