import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fixture, loadFixtures, normaliseHtml, renderNormalised } from "./fixtures.test-support";
import { optAttributes, optHtml, optString, inlineTexts } from "./fixtures-extra.test-support";
import { ExitThisPage, type ExitThisPageProps } from "./exit-this-page";

function toProps(o: Record<string, unknown>): ExitThisPageProps {
  return {
    id: optString(o.id),
    text: optString(o.text),
    html: optHtml(o.html),
    redirectUrl: optString(o.redirectUrl),
    activatedText: optString(o.activatedText),
    timedOutText: optString(o.timedOutText),
    pressTwoMoreTimesText: optString(o.pressTwoMoreTimesText),
    pressOneMoreTimeText: optString(o.pressOneMoreTimeText),
    classes: optString(o.classes),
    attributes: optAttributes(o.attributes),
  };
}

const covered = ["default", "testing", "testing-html", "translated"];

describe("ExitThisPage", () => {
  it("accounts for every govuk-frontend fixture", () => {
    expect(loadFixtures("exit-this-page").map((f) => f.name).sort()).toEqual([...covered].sort());
  });

  it.each(covered)("matches the %s fixture", (name) => {
    const f = fixture("exit-this-page", name);
    const element = <ExitThisPage {...toProps(f.options)} />;
    expect(renderNormalised(element)).toBe(normaliseHtml(f.html));
    expect(inlineTexts(renderToStaticMarkup(element))).toEqual(inlineTexts(f.html));
  });
});
