// The flags a submission can carry, declared once: routing rules name them, the staff email's subject and its
// flag list show them (words in locales/<lng>/emails.json `flags` and `flagMeanings`), the webhook sends them.
// Journeys decide their own from their answers; `safe-contact` is decided for every journey from how the person
// can be reached (app/delivery/contact-permission.ts).
export const routingFlags = ["urgent", "safe-contact", "advocate", "another-format", "late", "under-18", "escalation", "not-checked"] as const;
export type RoutingFlag = (typeof routingFlags)[number];

/** Flags that lead the staff email's subject, before the kind of submission, so triage cannot miss them. */
export const leadingFlags: readonly RoutingFlag[] = ["urgent", "safe-contact"];

/** The flags in the one order everything shows them. */
export function orderFlags(flags: Iterable<RoutingFlag>): RoutingFlag[] {
  const set = new Set(flags);
  return routingFlags.filter((flag) => set.has(flag));
}
