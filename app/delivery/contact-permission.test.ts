// The one rule for writing to people, for every journey and every kind of message: someone who said we may not
// say we are from the council, or may not leave a message, is never written to.
import { describe, expect, it } from "vitest";
import { answerJourney } from "../../tests/support/answer-journey";
import { personas, type Persona } from "../../tests/support/personas";
import { registeredJourneys } from "~/journeys/journeys";
import { contactFlags, mayWriteTo, noReplyReason, personMessages, textsNotSent } from "./contact-permission";

const today = "2026-11-26";
const people: Persona[] = Object.values(personas({ today }));

/** The same person, with one safety answer changed (on whichever safety page their journey asked). */
function saying(persona: Persona, field: "say-council" | "leave-message" | "safe-times", value: string): Persona {
  const answers = structuredClone(persona.answers);
  for (const page of ["safe-contact", "safe-post"]) if (answers[page] && (field in answers[page]! || (field === "safe-times" && page === "safe-contact"))) answers[page]![field] = value;
  return { ...persona, answers };
}

describe.each(registeredJourneys.map((journey) => [journey.id, journey] as const))("writing to someone who used the %s journey", (_id, journey) => {
  const own = people.filter((persona) => persona.journey === journey.id);
  const byEmail = own.filter((persona) => journey.contactOf(answerJourney(journey, persona, today).answers).method === "email");

  it("has a persona who gave an email address", () => {
    expect(byEmail.length).toBeGreaterThan(0);
  });

  for (const message of personMessages) {
    it(`${message}: allowed by email when they said it is safe`, () => {
      for (const persona of byEmail) {
        const safe = saying(saying(saying(persona, "say-council", "yes"), "leave-message", "yes"), "safe-times", "");
        const contact = journey.contactOf(answerJourney(journey, safe, today).answers);
        expect(mayWriteTo(contact, message)).toEqual({ allowed: true, email: contact.email });
        expect(contactFlags(contact)).toEqual([]);
      }
    });
    it(`${message}: never sent when they said we may not say we are from the council`, () => {
      for (const persona of byEmail) {
        const contact = journey.contactOf(answerJourney(journey, saying(persona, "say-council", "no"), today).answers);
        expect(mayWriteTo(contact, message)).toEqual({ allowed: false, reason: "not-safe" });
        expect(contactFlags(contact)).toEqual(["safe-contact"]);
      }
    });
    it(`${message}: never sent when they said we may not leave a message`, () => {
      for (const persona of byEmail) {
        const contact = journey.contactOf(answerJourney(journey, saying(persona, "leave-message", "no"), today).answers);
        expect(mayWriteTo(contact, message)).toEqual({ allowed: false, reason: "not-safe" });
        expect(contactFlags(contact)).toEqual(["safe-contact"]);
      }
    });
    it(`${message}: ${message === "progress-code" ? "never sent" : "sent"} when they told us only some times are safe`, () => {
      // A code is sent whenever anyone who knows the reference asks: it could come at any other time.
      for (const persona of byEmail) {
        const safe = saying(saying(persona, "say-council", "yes"), "leave-message", "yes");
        const contact = journey.contactOf(answerJourney(journey, saying(safe, "safe-times", "Only after 6pm on weekdays"), today).answers);
        if (contact.safety.safeTimes === null) continue;
        expect(mayWriteTo(contact, message)).toEqual(message === "progress-code" ? { allowed: false, reason: "not-safe" } : { allowed: true, email: contact.email });
      }
    });
    it(`${message}: not sent without an email address`, () => {
      for (const persona of own.filter((p) => !byEmail.includes(p))) {
        const contact = journey.contactOf(answerJourney(journey, persona, today).answers);
        expect(mayWriteTo(contact, message).allowed).toBe(false);
      }
    });
  }
});

describe.each(registeredJourneys.map((journey) => [journey.id, journey] as const))("replying to someone who used the %s journey", (_id, journey) => {
  const own = people.filter((persona) => persona.journey === journey.id);
  const contactOf = (persona: Persona) => journey.contactOf(answerJourney(journey, persona, today).answers);

  it("is impossible when all they gave is an email address and they said messages are not safe, and possible otherwise", () => {
    for (const persona of own.filter((p) => contactOf(p).method === "email")) {
      expect(noReplyReason(contactOf(saying(saying(persona, "say-council", "yes"), "leave-message", "yes"))), persona.name).toBeNull();
      expect(noReplyReason(contactOf(saying(persona, "say-council", "no"))), persona.name).toBe("unsafe");
      expect(noReplyReason(contactOf(saying(persona, "leave-message", "no"))), persona.name).toBe("unsafe");
    }
  });

  it("stays possible with a number to call, an address or collecting in person, whatever they said about messages", () => {
    for (const persona of own.filter((p) => ["phone", "text", "post", "collect"].includes(contactOf(p).method))) {
      const careful = saying(saying(persona, "say-council", "no"), "leave-message", "no");
      expect(noReplyReason(contactOf(careful)), persona.name).toBeNull();
    }
  });

  it("by text is not sent when they said a message is not safe or we may not say who we are: we call instead", () => {
    for (const persona of own.filter((p) => contactOf(p).method === "text")) {
      expect(textsNotSent(contactOf(saying(saying(persona, "say-council", "yes"), "leave-message", "yes"))), persona.name).toBe(false);
      expect(textsNotSent(contactOf(saying(persona, "say-council", "no"))), persona.name).toBe(true);
      expect(textsNotSent(contactOf(saying(persona, "leave-message", "no"))), persona.name).toBe(true);
    }
    for (const persona of own.filter((p) => contactOf(p).method !== "text")) expect(textsNotSent(contactOf(saying(persona, "leave-message", "no"))), persona.name).toBe(false);
  });

  it("is impossible when they asked us not to contact them", () => {
    for (const persona of own.filter((p) => contactOf(p).method === "none")) expect(noReplyReason(contactOf(persona)), persona.name).toBe("none");
  });
});

describe("the safety answers a letter gives", () => {
  it("flags a plain envelope, and writes nothing", () => {
    const { fosterCarer } = personas({ today });
    const journey = registeredJourneys.find((j) => j.id === fosterCarer.journey)!;
    const contact = journey.contactOf(answerJourney(journey, fosterCarer, today).answers);
    expect(contact.method).toBe("post");
    expect(contact.safety.sayCouncil).toBe("no");
    expect(contactFlags(contact)).toEqual(["safe-contact"]);
    expect(mayWriteTo(contact, "acknowledgement").allowed).toBe(false);
  });
});
