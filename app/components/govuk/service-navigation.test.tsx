import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optArray, optAttributes, optBoolean, optHtml, optRecord, optString, inlineTexts } from "./fixtures-extra.test-support";
import { LanguageNavigation } from "./language-navigation";
import { ServiceNavigation, type ServiceNavigationProps, type ServiceNavigationSlots } from "./service-navigation";

function toEndSlot(value: unknown): ServiceNavigationSlots["end"] {
  const record = optRecord(value);
  if (!record) return optHtml(value);
  return { html: optHtml(record.html), align: record.align === "inline" ? "inline" : undefined };
}

function toProps(o: Record<string, unknown>): ServiceNavigationProps {
  const slots = optRecord(o.slots);
  return {
    serviceName: optString(o.serviceName),
    serviceUrl: optString(o.serviceUrl),
    ariaLabel: optString(o.ariaLabel),
    menuButtonText: optString(o.menuButtonText),
    menuButtonLabel: optString(o.menuButtonLabel),
    navigationLabel: optString(o.navigationLabel),
    navigationId: optString(o.navigationId),
    navigationClasses: optString(o.navigationClasses),
    collapseNavigationOnMobile: optBoolean(o.collapseNavigationOnMobile),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
    navigation: optArray(o.navigation)?.map((raw) => {
      const item = optRecord(raw);
      if (!item) return null;
      return {
        text: optString(item.text),
        html: optHtml(item.html),
        href: optString(item.href),
        current: optBoolean(item.current),
        active: optBoolean(item.active),
        attributes: optAttributes(item.attributes),
      };
    }),
    slots: slots && {
      start: optHtml(slots.start),
      end: toEndSlot(slots.end),
      navigationStart: optHtml(slots.navigationStart),
      navigationEnd: optHtml(slots.navigationEnd),
    },
  };
}

const covered = [
  "default",
  "with navigation with a current item",
  "with large navigation",
  "with HTML navigation items",
  "with non-link navigation items",
  "with service name",
  "with service link",
  "with long service name",
  "with service name and navigation",
  "inverse",
  "with collapseNavigationOnMobile set to false",
  "with a single navigation item",
  "with a single navigation item and collapseNavigationOnMobile set to true",
  "with no options set",
  "attributes",
  "classes",
  "with custom aria-label",
  "with custom navigation toggle text",
  "with custom navigation toggle label",
  "with identical navigation toggle text and label",
  "with custom navigation label",
  "with custom navigation toggle text and navigation label",
  "with custom navigation classes",
  "with custom navigation ID",
  "with navigation having empty values",
  "with navigation having only empty values",
  "with navigation being an empty array",
  "with navigation with an active item",
  "with language navigation",
  "with right-aligned language navigation",
  "inverse with language navigation",
  "with slotted content",
  "with `inline` end slot",
];

function welshSwitcher(classes?: string): ReactNode {
  return (
    <LanguageNavigation
      ariaLabel="Language navigation"
      classes={classes}
      items={[
        { text: "English", lang: "en", current: true },
        { text: "Cymraeg", lang: "cy", href: "#/cy" },
      ]}
    />
  );
}

describe("ServiceNavigation", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("service-navigation").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("service-navigation", name);
    const element = <ServiceNavigation {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });

  // The portal hosts its language switcher with our own LanguageNavigation rather than raw HTML.
  it.each([
    ["with language navigation", undefined, undefined],
    ["with right-aligned language navigation", "inline", undefined],
    ["inverse with language navigation", undefined, "govuk-language-navigation--inverse"],
  ] as const)("matches the %s fixture with LanguageNavigation in the end slot", (name, align, classes) => {
    const f = fixture("service-navigation", name);
    const props = toProps(f.options);
    const end = align ? { html: welshSwitcher(classes), align } : welshSwitcher(classes);
    expect(renderNormalised(<ServiceNavigation {...props} slots={{ end }} />)).toBe(normaliseHtml(f.html));
  });
});
