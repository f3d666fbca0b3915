// The one rule for writing to the person who sent something. Every message the portal sends to a person (the
// acknowledgement, a progress code, anything added later) asks `mayWriteTo` first. Every message we send says it is
// from the council, and an email waits in an inbox that someone else may read: so a person who said we may not say
// we are from the council, or may not leave a message, gets nothing from us at all, only what they see on screen.
import type { RoutingFlag } from "~/journeys/flags";
import type { PersonContact } from "~/journeys/journey-types";

/** Kinds of message the portal sends to people (never to staff). */
export const personMessages = ["acknowledgement", "progress-code"] as const;
export type PersonMessage = (typeof personMessages)[number];

export type WriteDecision = { allowed: true; email: string } | { allowed: false; reason: "no-email" | "not-safe" };

/** Whether they told us contact must be careful: we may not say who we are, or may not leave a message. */
export function contactIsRestricted(contact: PersonContact): boolean {
  return contact.safety.sayCouncil === "no" || contact.safety.leaveMessage === "no";
}

/**
 * How we could reply to them, if at all: not when they asked not to be contacted ("none"), nor when all they gave is
 * an email address and they told us messages are not safe ("unsafe": what the message rule below forbids is all they
 * left us). With a number (to call or to text) staff can still make a call they answer at a safe time, and with an
 * address send a letter, or they collect in person; so those stay possible with the same answers.
 */
export function noReplyReason(contact: PersonContact): "none" | "unsafe" | null {
  if (contact.method === "none") return "none";
  if (contact.method === "email" && contactIsRestricted(contact)) return "unsafe";
  return null;
}

/**
 * Someone who asked to be texted and told us a message is not safe, or that we may not say who we are: a text is a
 * message, and says who sent it, so none is sent; staff call them instead (the team's email says so). They are told
 * before they send, so they can choose another way.
 */
export function textsNotSent(contact: PersonContact): boolean {
  return contact.method === "text" && contactIsRestricted(contact);
}

/**
 * Whether we may email this person this message, and where to. The acknowledgement goes when they send, as they
 * wait for it. A progress code goes whenever anyone who knows the reference asks for one: to someone who told us only
 * some times are safe to contact them, it could arrive at any other, so they are sent none (they can call to hear
 * where their complaint is; the pages never say why no code came).
 */
export function mayWriteTo(contact: PersonContact, message: PersonMessage): WriteDecision {
  if (contactIsRestricted(contact)) return { allowed: false, reason: "not-safe" };
  if (message === "progress-code" && contact.safety.safeTimes) return { allowed: false, reason: "not-safe" };
  if (contact.method !== "email" || !contact.email) return { allowed: false, reason: "no-email" };
  return { allowed: true, email: contact.email };
}

/** The flags every journey's submission carries from how the person may be contacted. */
export function contactFlags(contact: PersonContact): RoutingFlag[] {
  return contactIsRestricted(contact) ? ["safe-contact"] : [];
}
