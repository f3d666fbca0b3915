// How answers read back on check answers and in the staff email: dates in each language's own forms.
import { describe, expect, it } from "vitest";
import { createTranslations } from "~/services/translations.server";
import { complaintJourney } from "./complaint-journey";
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
