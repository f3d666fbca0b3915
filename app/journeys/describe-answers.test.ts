// How answers read back on check answers and in the staff email: dates in each language's own forms.
import { describe, expect, it } from "vitest";
import { createTranslations } from "~/services/translations.server";
import { complaintJourney } from "./complaint-journey";
import { escalateJourney } from "./escalate-journey";
import { describeAnswers } from "./describe-answers";

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
