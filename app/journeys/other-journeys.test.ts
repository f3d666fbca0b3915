import { describe, expect, it } from "vitest";
import { advocateJourney } from "./advocate-journey";
import { complimentJourney } from "./compliment-journey";
import { escalationJourney } from "./escalation-journey";
import { readPageValues, validatePage, walkJourney } from "./journey-engine";
import type { Journey } from "./journey-types";
import { otherFormatJourney } from "./other-format-journey";
import type { JourneyAnswers } from "./session-data";

const today = "2026-11-26";
const walk = (journey: Journey, answers: JourneyAnswers) => walkJourney(journey, answers, { today });
const validate = (journey: Journey, id: string, entries: [string, string][]) => {
  const page = journey.pages.find((p) => p.id === id)!;
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return validatePage(page, readPageValues(page, form), { today });
};

describe("the compliment journey", () => {
  it("may be anonymous: no name, no contact, and no safe-contact questions", () => {
    const answers: JourneyAnswers = {
      service: { service: "public-health" },
      "about-whom": { "about-whom": "" },
      message: { message: "Thank you" },
      "who-are-you": { role: "" },
      "pass-on": { "pass-on": "yes" },
      "annual-report": { "annual-report": "no" },
      "your-name": { "full-name": "" },
      contact: { method: "none" },
    };
    expect(walk(complimentJourney, answers).firstUnanswered).toBeNull();
    expect(complimentJourney.flagsOf(answers, today)).toEqual([]);
    expect(validate(complimentJourney, "who-are-you", [])).toEqual({ ok: true, answer: { role: "" } });
    expect(validate(complimentJourney, "pass-on", [])).toMatchObject({ ok: false });
  });
});

describe("the advocate journey", () => {
  it("asks a carer whether the child agrees and their own name; asks a young person neither", () => {
    const forChild = walk(advocateJourney, { "for-whom": { "for-whom": "a-child" }, "young-person": { "child-name": "Kai", "child-age": "11" } });
    expect(forChild.firstUnanswered).toBe("agrees");
    const forMe: JourneyAnswers = {
      "for-whom": { "for-whom": "me" },
      "young-person": { "child-name": "Jo", "child-age": "16" },
      "help-with": { "help-with": "" },
      "social-worker": { "social-worker": "" },
    };
    expect(walk(advocateJourney, forMe).firstUnanswered).toBe("contact");
    expect(walk(advocateJourney, forMe).route).not.toContain("your-name");
    expect(advocateJourney.flagsOf(forMe, today)).toEqual(["advocate", "under-18"]);
  });
  it("does not offer 'Do not contact me'", () => {
    expect(validate(advocateJourney, "contact", [["method", "none"]])).toMatchObject({ ok: false });
  });
});

describe("the other-format journey", () => {
  it("keeps only the details of the chosen way to deliver", () => {
    expect(validate(otherFormatJourney, "delivery", [["delivery", "collect"], ["email", "a@example.org"]])).toEqual({ ok: true, answer: { delivery: "collect" } });
    expect(validate(otherFormatJourney, "format", [["format", "another-language"]])).toMatchObject({ ok: false, errors: [{ field: "language" }] });
  });
});

describe("the escalation journey", () => {
  it("checks the reference's check character and says what is wrong", () => {
    expect(validate(escalationJourney, "reference", [["reference", ""]])).toMatchObject({ ok: false, errors: [{ messageKey: "pages.reference.fields.reference.errors.required" }] });
    expect(validate(escalationJourney, "reference", [["reference", "C-7K4M-2Q9P"]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("wrong-length") }] });
    const result = validate(escalationJourney, "reference", [["reference", "C-7K4M-2Q9P-0"]]);
    if (result.ok) expect(result.answer.reference).toMatch(/^C-7K4M-2Q9P-.$/);
    else expect(result.errors[0]!.messageKey).toContain("check-failed");
  });
  it("asks for a name and date instead when there is no reference", () => {
    expect(validate(escalationJourney, "reference", [["no-reference", "yes"]])).toEqual({ ok: true, answer: { reference: "", "no-reference": ["yes"] } });
    expect(walk(escalationJourney, { reference: { reference: "", "no-reference": ["yes"] } }).firstUnanswered).toBe("original-complaint");
  });
  it("promises a reply date for stage 2 only", () => {
    expect(escalationJourney.replyWithinWorkingDays({ stage: { stage: "stage-2" } })).toBe(65);
    expect(escalationJourney.replyWithinWorkingDays({ stage: { stage: "stage-3" } })).toBeNull();
  });
});
