import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optBoolean, optHeadingLevel, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { NotificationBanner, type NotificationBannerProps } from "./notification-banner";

function toProps(o: Record<string, unknown>): NotificationBannerProps {
  return {
    type: optString(o.type),
    role: optString(o.role),
    titleText: optString(o.titleText),
    titleHtml: optHtml(o.titleHtml),
    titleHeadingLevel: optHeadingLevel(o.titleHeadingLevel),
    titleId: optString(o.titleId),
    text: optString(o.text),
    html: optHtml(o.html),
    disableAutoFocus: optBoolean(o.disableAutoFocus),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = [
  "default",
  "with text as html",
  "with type as success",
  "with long heading",
  "with lots of content",
  "custom title",
  "title as html",
  "title html as text",
  "custom title heading level",
  "custom title id",
  "custom title id with type as success",
  "custom text",
  "html as text",
  "custom role",
  "classes",
  "attributes",
  "with invalid type",
  "auto-focus disabled, with type as success",
  "auto-focus explicitly enabled, with type as success",
  "role=alert overridden to role=region, with type as success",
  "custom tabindex",
];

describe("NotificationBanner", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("notification-banner").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("notification-banner", name);
    const element = <NotificationBanner {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
