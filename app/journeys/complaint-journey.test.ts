import { describe, expect, it } from "vitest";
import { complaintJourney } from "./complaint-journey";
import { answersOnRoute, reachesPage, readPageValues, validatePage, walkJourney } from "./journey-engine";
import type { JourneyAnswers } from "./session-data";
import { answerJourney } from "../../tests/support/answer-journey";
import { personas } from "../../tests/support/personas";

const today = "2026-11-26";
const walk = (answers: JourneyAnswers) => walkJourney(complaintJourney, answers, { today });

/** Each test changes what one persona says, then answers the journey as they would (optional pages left empty). */
const people = personas({ today });
const route = (answers: JourneyAnswers) => answerJourney(complaintJourney, { name: "test", journey: "complaint", answers }, today).route;
const youngPerson = people.youngPerson.answers;

describe("the complaint route", () => {
  it("starts at the service question", () => {
    expect(walk({})).toEqual({ route: ["service"], firstUnanswered: "service" });
  });

  it("reaches the page for files only once every page before it is answered (where uploads are taken)", () => {
    const answered = answerJourney(complaintJourney, people.youngPerson, today).answers;
    expect(reachesPage(complaintJourney, answered, "evidence", { today })).toBe(true);
    expect(reachesPage(complaintJourney, { service: { service: "childrens-social-care" } }, "evidence", { today })).toBe(false);
    const { evidence: _files, ...beforeFiles } = answered;
    const upTo = answersOnRoute(complaintJourney, beforeFiles, walk(answered).route.slice(0, walk(answered).route.indexOf("evidence")));
    expect(reachesPage(complaintJourney, upTo, "evidence", { today })).toBe(true);
    const { [Object.keys(upTo)[1]!]: _skipped, ...oneMissing } = upTo;
    expect(reachesPage(complaintJourney, oneMissing, "evidence", { today })).toBe(false);
  });

  it("asks a young person their age, and skips the questions about someone else's child", () => {
    // What this person is asked, not the whole order: a new question elsewhere leaves this test alone.
    const asked = route(youngPerson);
    expect(asked.indexOf("your-age")).toBe(asked.indexOf("who-are-you") + 1);
    for (const page of ["child-details", "child-agrees", "parental-responsibility"]) expect(asked).not.toContain(page);
    expect(asked).toEqual(expect.arrayContaining(["service", "about-who", "what-happened", "when", "contact", "safe-contact"]));
  });

  it("asks an adult about the child, and about parental responsibility", () => {
    const answers: JourneyAnswers = {
      ...youngPerson,
      "who-are-you": { role: "grandparent-or-relative" },
      "about-who": { about: "a-child" },
      "child-details": { "child-name": "Sam", "child-age": "9" },
      "child-agrees": { agrees: "yes" },
      "parental-responsibility": { "parental-responsibility": "no" },
    };
    const walked = route(answers);
    expect(walked.slice(0, 7)).toEqual(["service", "who-are-you", "about-who", "child-details", "child-agrees", "parental-responsibility", "what-happened"]);
    expect(walked).not.toContain("your-age");
  });

  it("does not ask a young person complaining about another child about parental responsibility", () => {
    const answers: JourneyAnswers = { ...youngPerson, "about-who": { about: "a-child" }, "child-details": { "child-name": "Jo", "child-age": "6" }, "child-agrees": { agrees: "too-young" } };
    expect(route(answers)).not.toContain("parental-responsibility");
  });

  it("asks why now when it happened more than 12 months ago and has stopped", () => {
    const late: JourneyAnswers = { ...youngPerson, when: { "when-month": "9", "when-year": "2025" }, "why-now": { "why-now": "I was scared." } };
    expect(route(late)).toContain("why-now");
    expect(route({ ...late, when: { ...late.when!, "still-happening": ["yes"] } })).not.toContain("why-now");
    expect(route({ ...youngPerson, when: { "when-day": "30", "when-month": "11", "when-year": "2025" } })).not.toContain("why-now");
    expect(() => route({ ...late, "why-now": {} })).toThrow(/why-now/);
  });

  it("skips the safe-contact questions when the person does not want to be contacted", () => {
    expect(route({ ...youngPerson, contact: { method: "none" } })).not.toContain("safe-contact");
  });

  it("asks someone written to by post only whether the envelope may say it is from the council", () => {
    const byPost: JourneyAnswers = { ...youngPerson, contact: { method: "post", "address-line-1": "1 High St", "address-town": "Exampleton", "address-postcode": "EX1 1AA" }, "safe-post": { "say-council": "no" } };
    expect(route(byPost).slice(-2)).toEqual(["contact", "safe-post"]);
    expect(route(youngPerson)).not.toContain("safe-post");
  });

  it("leaves answers off the new route out when a change takes another branch", () => {
    const adult = answerJourney(complaintJourney, { name: "adult", journey: "complaint", answers: {
      ...youngPerson,
      "who-are-you": { role: "parent" },
      "about-who": { about: "a-child" },
      "child-details": { "child-name": "Sam", "child-age": "9" },
      "child-agrees": { agrees: "yes" },
      "parental-responsibility": { "parental-responsibility": "yes" },
    } }, today).answers;
    const changed = { ...adult, "about-who": { about: "me" } };
    const walked = walk(changed);
    const kept = answersOnRoute(complaintJourney, changed, walked.route);
    expect(Object.keys(kept)).not.toContain("child-details");
    expect(Object.keys(kept)).not.toContain("your-age");
  });

  it("sends a person to the first unanswered page when an earlier answer is missing", () => {
    const { "about-who": _skipped, ...answers } = answerJourney(complaintJourney, people.youngPerson, today).answers;
    expect(walk(answers).firstUnanswered).toBe("about-who");
  });
});

describe("complaint page validation", () => {
  const page = (id: string) => complaintJourney.pages.find((p) => p.id === id)!;
  const validate = (id: string, entries: [string, string][]) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return validatePage(page(id), readPageValues(page(id), form), { today });
  };

  it("keeps emoji and any script exactly as typed", () => {
    const text = "Zażółć gęślą jaźń 😀 مرحبا\nline two";
    expect(validate("what-happened", [["what-happened", text]])).toEqual({ ok: true, answer: { "what-happened": text } });
  });

  it("needs an answer about the envelope", () => {
    expect(validate("safe-post", [])).toMatchObject({ ok: false, errors: [{ messageKey: "pages.safe-post.fields.say-council.errors.required" }] });
    expect(validate("safe-post", [["say-council", "no"]])).toEqual({ ok: true, answer: { "say-council": "no" } });
  });

  it("refuses text over the limit with a specific message", () => {
    const result = validate("what-happened", [["what-happened", "a".repeat(6001)]]);
    expect(result).toMatchObject({ ok: false, errors: [{ field: "what-happened", messageKey: "pages.what-happened.fields.what-happened.errors.too-long" }] });
  });

  it("checks dates: month and year needed, no future, real days", () => {
    expect(validate("when", [["when-month", ""], ["when-year", ""]])).toMatchObject({ ok: false, errors: [{ href: "when-month" }] });
    expect(validate("when", [["when-month", "3"], ["when-year", ""]])).toMatchObject({ ok: false, errors: [{ href: "when-year", messageKey: expect.stringContaining("year-required") }] });
    expect(validate("when", [["when-day", "31"], ["when-month", "2"], ["when-year", "2025"]])).toMatchObject({ ok: false, errors: [{ href: "when-day", messageKey: expect.stringContaining("real-day") }] });
    expect(validate("when", [["when-month", "12"], ["when-year", "2026"]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("future") }] });
    expect(validate("when", [["still-happening", "yes"]])).toEqual({ ok: true, answer: { "when-day": "", "when-month": "", "when-year": "", "still-happening": ["yes"] } });
    expect(validate("when", [["when-month", "march"], ["when-year", "2026"]])).toMatchObject({ ok: true, answer: { "when-month": "3" } });
  });

  it("reads only the first of repeated fields and ignores fields the page does not ask", () => {
    expect(validate("service", [["service", "public-health"], ["service", "not-sure"], ["role", "parent"]])).toEqual({ ok: true, answer: { service: "public-health" } });
  });

  it("keeps only the contact details of the chosen method, on one line", () => {
    const result = validate("contact", [["method", "email"], ["email", " sam@example.org\r\nBcc: x@example.org "], ["phone", "01632 960000"]]);
    expect(result).toMatchObject({ ok: false, errors: [{ field: "email", messageKey: expect.stringContaining("format") }] });
    expect(validate("contact", [["method", "email"], ["email", "sam@example.org"], ["phone", "01632 960000"]])).toEqual({ ok: true, answer: { method: "email", email: "sam@example.org" } });
    expect(validate("contact", [["method", "post"], ["address-line-1", "1 High St"], ["address-town", "Exampleton"], ["address-postcode", "ex11aa"]])).toEqual({
      ok: true,
      answer: { method: "post", "address-line-1": "1 High St", "address-line-2": "", "address-town": "Exampleton", "address-postcode": "EX1 1AA" },
    });
  });

  it("asks what is about to happen and when, a day that is coming, or that they do not know", () => {
    const yes = (entries: [string, string][]) => validate("about-to-happen", [["about-to-happen", "yes"], ["what-happens", "A move to a new foster home"], ...entries]);
    expect(validate("about-to-happen", [])).toMatchObject({ ok: false, errors: [{ messageKey: "pages.about-to-happen.fields.about-to-happen.errors.required" }] });
    expect(validate("about-to-happen", [["about-to-happen", "no"], ["what-happens", "ignored"]])).toEqual({ ok: true, answer: { "about-to-happen": "no" } });
    expect(yes([])).toMatchObject({ ok: false, errors: [{ href: "happens-on-day", messageKey: "pages.about-to-happen.fields.happens-on.errors.required" }] });
    expect(yes([["happens-unknown", "yes"]])).toMatchObject({ ok: true, answer: { "about-to-happen": "yes", "happens-unknown": ["yes"] } });
    // A day and "I don't know" together say two things: asked which.
    expect(yes([["happens-on-day", "3"], ["happens-on-month", "12"], ["happens-on-year", "2026"], ["happens-unknown", "yes"]])).toMatchObject({
      ok: false,
      errors: [{ href: "happens-on-day", messageKey: "pages.about-to-happen.fields.happens-on.errors.both" }],
    });
    expect(yes([["happens-on-day", "3"], ["happens-on-month", "12"], ["happens-on-year", "2026"]])).toMatchObject({ ok: true, answer: { "happens-on-day": "3", "happens-on-month": "12", "happens-on-year": "2026" } });
    expect(yes([["happens-on-day", "25"], ["happens-on-month", "11"], ["happens-on-year", "2026"]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("past") }] });
    expect(yes([["happens-on-day", "1"], ["happens-on-month", "1"], ["happens-on-year", "2028"]])).toMatchObject({ ok: false, errors: [{ messageKey: expect.stringContaining("too-far") }] });
    expect(yes([["happens-on-month", "1"], ["happens-on-year", "2027"]])).toMatchObject({ ok: false, errors: [{ href: "happens-on-day", messageKey: expect.stringContaining("day-required") }] });
    expect(validate("about-to-happen", [["about-to-happen", "yes"], ["happens-unknown", "yes"]])).toMatchObject({ ok: false, errors: [{ field: "what-happens" }] });
  });

  it("makes a complaint urgent when something is about to happen, with its day when known", () => {
    const { answers } = answerJourney(complaintJourney, people.urgentMove, today);
    expect(complaintJourney.urgencyOf?.(answers)).toEqual({ by: "2026-12-03" });
    expect(complaintJourney.urgencyOf?.(answerJourney(complaintJourney, people.parent, today).answers)).toBeNull();
  });

  it("gives a specific message for each missing choice", () => {
    expect(validate("advocate", [])).toMatchObject({ ok: false, errors: [{ href: "advocate", messageKey: "pages.advocate.fields.advocate.errors.required" }] });
    expect(validate("who-are-you", [["role", "someone-else"]])).toMatchObject({ ok: false, errors: [{ href: "role-other", messageKey: "pages.who-are-you.fields.role-other.errors.required" }] });
  });
});
