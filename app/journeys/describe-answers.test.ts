// How answers read back on check answers and in the staff email: dates in each language's own forms.
import { describe, expect, it } from "vitest";
import { createTranslations } from "~/services/translations.server";
import { complaintJourney } from "./complaint-journey";
import { escalateJourney } from "./escalate-journey";
import { describeAnswers } from "./describe-answers";
import type { Journey } from "./journey-types";
import { registeredJourneys } from "./journeys";

const rowFor = (language: "en" | "pl" | "ar", page: string, field: string, answer: Record<string, string | string[]>) => {
  const t = createTranslations()[language].getFixedT(language, ["complaint", "common"]);
  const sections = describeAnswers(complaintJourney, { [page]: answer }, [page], t);
  return sections.flatMap((section) => section.rows).find((row) => row.field === field)?.value;
};

describe("dates read back", () => {
  it("names a month alone in the form it takes alone, and with a day in the form it takes with one (Polish differs)", () => {
    expect(rowFor("pl", "when", "when", { "when-month": "8", "when-year": "2025", "still-happening": [] })).toBe("sierpień 2025");
    expect(rowFor("en", "when", "when", { "when-month": "8", "when-year": "2025", "still-happening": [] })).toBe("August 2025");
    const withDay = { "about-to-happen": "yes", "what-happens": "Moving", "happens-on-day": "5", "happens-on-month": "8", "happens-on-year": "2027", "happens-unknown": [] };
    expect(rowFor("pl", "about-to-happen", "happens-on", withDay)).toBe("5 sierpnia 2027");
  });
});

describe("a single box", () => {
  it("that says something is missing is read back only when ticked; one that says something is so, ticked or not", () => {
    const t = createTranslations().en.getFixedT("en", ["escalate", "common"]);
    const rows = (answer: Record<string, string | string[]>) => describeAnswers(escalateJourney, { reference: answer }, ["reference"], t).flatMap((section) => section.rows);
    expect(rows({ reference: "C-7K4M-2Q9P-W", "no-reference": [] }).map((row) => [row.key, row.value])).toEqual([["Complaint reference", "C-7K4M-2Q9P-W"]]);
    expect(rows({ reference: "", "no-reference": ["yes"] }).map((row) => [row.key, row.value])).toContainEqual(["Does not have the reference", "Yes"]);
    expect(rowFor("en", "when", "still-happening", { "when-month": "9", "when-year": "2026", "still-happening": [] })).toBe("No");
  });
});

describe("the team's copy", () => {
  const personWords = /\b(you|your|yours|I|I’m|me|my)\b/i;
  const everyChoice = (journey: Journey) =>
    journey.pages.flatMap((page) =>
      page.fields.flatMap((field) =>
        field.kind === "radios" || field.kind === "checkboxes"
          ? field.options.map((option) => ({ page, answer: { [field.name]: field.kind === "radios" ? option.value : [option.value] } }))
          : [{ page, answer: {} }],
      ),
    );

  it.each(registeredJourneys.map((journey) => [journey.id, journey] as const))("%s: every section, question and choice is read back about the person, not in their words", (_id, journey) => {
    const t = createTranslations().en.getFixedT("en", [journey.id, "common"]);
    for (const { page, answer } of everyChoice(journey)) {
      for (const section of describeAnswers(journey, { [page.id]: answer }, [page.id], t, { audience: "staff" })) {
        expect(section.title, `${journey.id} ${page.id}`).not.toMatch(personWords);
        for (const row of section.rows) expect(`${row.key}: ${row.value}`, `${journey.id} ${page.id}`).not.toMatch(personWords);
      }
    }
  });

  it("keeps the person's own words on their check answers page, in every language", () => {
    const rows = (language: "en" | "pl" | "ar", audience: "person" | "staff") => {
      const t = createTranslations()[language].getFixedT(language, ["complaint", "common"]);
      const sections = describeAnswers(complaintJourney, { "your-age": { age: "14" }, "about-who": { about: "me" } }, ["your-age", "about-who"], t, { audience });
      return sections.flatMap((section) => [section.title, ...section.rows.map((row) => `${row.key}: ${row.value}`)]);
    };
    expect(rows("en", "person")).toEqual(["About you and the complaint", "Your age: 14", "Who the complaint is about: Me"]);
    expect(rows("en", "staff")).toEqual(["About them and the complaint", "Their age: 14", "Who the complaint is about: Themselves"]);
    expect(rows("pl", "person")).toContain("Twój wiek: 14");
    expect(rows("pl", "staff")).toContain("Wiek: 14");
  });
});
