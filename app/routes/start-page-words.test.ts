// A journey listed on the start page keeps its start-page words in locales/<lng>/<journey>-start.json, the only
// file of that journey the start page fetches: every language has them, and nothing else fetches them.
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "~/i18n";
import { registeredJourneys, startPageJourneys } from "~/journeys/journeys";
import { resources } from "../../locales/resources";

describe("start-page words", () => {
  it.each(supportedLanguages)("every journey on the start page has its heading, summary and button in %s", (language) => {
    for (const journey of startPageJourneys) {
      const words = resources[language]?.[`${journey.id}-start`] as Record<string, unknown> | undefined;
      expect(words, `${language}/${journey.id}-start.json`).toBeDefined();
      for (const key of ["summary", "heading", "button"]) expect(typeof words?.[key], `${language}/${journey.id}-start.json ${key}`).toBe("string");
      expect(resources[language]?.[journey.id]?.startPage, `${journey.id}.json keeps no start-page words`).toBeUndefined();
    }
  });

  it("has no start-page words for a journey that is not on the start page", () => {
    const listed = new Set(startPageJourneys.map((journey) => `${journey.id}-start`));
    const unlisted = registeredJourneys.filter((journey) => !listed.has(`${journey.id}-start`)).map((journey) => `${journey.id}-start`);
    for (const language of supportedLanguages) for (const namespace of unlisted) expect(resources[language]?.[namespace], `${language}/${namespace}.json`).toBeUndefined();
  });
});
