import { describe, expect, it } from "vitest";
import { computeCheckSymbol, formatReference } from "~/reference";
import { answerJourney } from "../../tests/support/answer-journey";
import { personas } from "../../tests/support/personas";
import { advocateJourney } from "./advocate-journey";
import { complimentJourney } from "./compliment-journey";
import { escalateJourney } from "./escalate-journey";
import { fieldViews, neededByCheck, pageById, readPageValues, validatePage, walkJourney } from "./journey-engine";
import type { Journey } from "./journey-types";
import { otherFormatJourney } from "./other-format-journey";
import type { JourneyAnswers } from "./session-data";

const today = "2026-11-26";
const people = personas({ today });
const walk = (journey: Journey, answers: JourneyAnswers) => walkJourney(journey, answers, { today });
const validate = (journey: Journey, id: string, entries: [string, string][]) => {
  const page = journey.pages.find((p) => p.id === id)!;
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return validatePage(page, readPageValues(page, form), { today });
};

describe("the compliment journey", () => {
  it("may be anonymous: no name, no contact, and no safe-contact questions", () => {
    const { answers, route } = answerJourney(complimentJourney, people.thanks, today);
    expect(route).not.toContain("safe-contact");
    expect(answers["who-are-you"]).toEqual({ role: "" });
    expect(complimentJourney.flagsOf(answers, today)).toEqual([]);
    expect(validate(complimentJourney, "pass-on", [])).toMatchObject({ ok: false });
  });
  it("offers its words for the annual report only when the person agreed", () => {
    expect(complimentJourney.quotationOf?.(answerJourney(complimentJourney, people.thanks, today).answers)).toBe("The health visitor was kind and patient with us.");
    expect(complimentJourney.quotationOf?.(answerJourney(complimentJourney, people.thanksWithEmail, today).answers)).toBeNull();
  });
});

describe("the advocate journey", () => {
  it("asks a carer whether the child agrees and their own name; asks a young person neither", () => {
    expect(answerJourney(advocateJourney, people.advocateForChild, today).route).toEqual(["for-whom", "young-person", "agrees", "help-with", "social-worker", "your-name", "contact", "safe-contact"]);
    const forMe = answerJourney(advocateJourney, people.advocateForMe, today);
    expect(forMe.route).not.toContain("your-name");
    expect(forMe.route).not.toContain("agrees");
    expect(advocateJourney.flagsOf(forMe.answers, today)).toEqual(["advocate", "under-18"]);
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
  it("asks the same safety questions as every other journey before anything is sent to the person", () => {
    expect(answerJourney(otherFormatJourney, people.formatByEmail, today).route.slice(-2)).toEqual(["your-name", "safe-contact"]);
    expect(answerJourney(otherFormatJourney, people.formatToCollect, today).route.at(-1)).toBe("your-name");
  });
});

describe("the escalation journey", () => {
  const data = "7K4M2Q9P";
  const right = formatReference("C", data);
  const wrongCheck = `C-7K4M-2Q9P-${computeCheckSymbol(`C${data}`) === "0" ? "1" : "0"}`;
  it("checks the reference's check character and says what is wrong", () => {
    expect(validate(escalateJourney, "reference", [["reference", ""]])).toMatchObject({ ok: false, errors: [{ messageKey: "pages.reference.fields.reference.errors.required" }] });
    expect(validate(escalateJourney, "reference", [["reference", "C-7K4M-2Q9P"]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("wrong-length") }] });
    expect(validate(escalateJourney, "reference", [["reference", wrongCheck]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("check-failed") }] });
    expect(validate(escalateJourney, "reference", [["reference", right.toLowerCase().replaceAll("-", " ")]])).toEqual({ ok: true, answer: { reference: right, "no-reference": [] } });
    // Copied with characters that show nothing (the Arabic pages put isolates round a reference): read as it shows.
    expect(validate(escalateJourney, "reference", [["reference", `\u2066${right}\u2069\u200b`]])).toEqual({ ok: true, answer: { reference: right, "no-reference": [] } });
  });
  it("accepts only complaint references: a compliment's is not a complaint", () => {
    expect(validate(escalateJourney, "reference", [["reference", formatReference("T", data)]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("unknown-prefix") }] });
  });
  it("asks for a name and date instead when there is no reference", () => {
    expect(validate(escalateJourney, "reference", [["no-reference", "yes"]])).toEqual({ ok: true, answer: { reference: "", "no-reference": ["yes"] } });
    // Nothing visible typed in the box is nothing typed.
    expect(validate(escalateJourney, "reference", [["reference", " \u200b "], ["no-reference", "yes"]])).toEqual({ ok: true, answer: { reference: "", "no-reference": ["yes"] } });
    expect(walk(escalateJourney, { reference: { reference: "", "no-reference": ["yes"] } }).firstUnanswered).toBe("original-complaint");
    expect(answerJourney(escalateJourney, people.escalateWithoutReference, today).route).toContain("original-complaint");
  });
  it("promises a reply date for each stage: stage 2's investigation, and stage 3's panel and response", () => {
    expect(escalateJourney.replyPromise({ stage: { stage: "stage-2" } })).toBe("next-stage");
    expect(escalateJourney.replyPromise({ stage: { stage: "stage-3" } })).toBe("review-panel");
  });
});

describe("the advocate request's name field", () => {
  const page = pageById(advocateJourney, "young-person")!;
  const autocompleteFor = (forWhom: string) => {
    const views = fieldViews(page.fields, page.variant?.({ "for-whom": { "for-whom": forWhom } }));
    const name = views.find((field) => field.name === "child-name");
    return name?.kind === "text" ? name.autocomplete : undefined;
  };

  it("lets the browser fill in the person's own first name, but never offers theirs for a child's", () => {
    expect(autocompleteFor("me")).toBe("given-name");
    expect(autocompleteFor("a-child")).toBe("off");
  });
});

describe("what a page's labels say is optional", () => {
  it("does not call a field optional that the page's own check says is missing when empty (the day something will happen)", () => {
    for (const journey of [escalateJourney]) {
      const page = pageById(journey, "about-to-happen")!;
      const [question] = fieldViews(page.fields, undefined, neededByCheck(page));
      const conditional = question!.kind === "radios" ? question!.options.find((option) => option.value === "yes")!.conditional! : [];
      expect(conditional.find((field) => field.name === "happens-on")?.optional).toBeUndefined();
      // Ticking "I don't know" stays optional.
      expect(conditional.find((field) => field.name === "happens-unknown")?.optional).toBe(true);
      // Without the page's check, the field's own schema lets it be empty.
      expect(page.fields[0]!.kind === "radios" && page.fields[0]!.options[0]!.conditional!.find((field) => field.name === "happens-on")?.optional).toBe(true);
    }
  });
});
