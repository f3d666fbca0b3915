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
 * Whether we may email this person this message, and where to. Every kind of message gets the same answer
 * today; the kind is asked so that a future message with different rules has one place to say so.
 */
export function mayWriteTo(contact: PersonContact, _message: PersonMessage): WriteDecision {
  if (contactIsRestricted(contact)) return { allowed: false, reason: "not-safe" };
  if (contact.method !== "email" || !contact.email) return { allowed: false, reason: "no-email" };
  return { allowed: true, email: contact.email };
}

/** The flags every journey's submission carries from how the person may be contacted. */
export function contactFlags(contact: PersonContact): RoutingFlag[] {
  return contactIsRestricted(contact) ? ["safe-contact"] : [];
}
