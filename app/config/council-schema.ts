import { z } from "zod";
import { routingFlags } from "~/journeys/flags";

const phone = z.string().regex(/^[0-9 +()]{3,20}$/, "must be a phone number made of digits and spaces");
const email = z.email();
const isoDate = z.iso.date();

const routingRuleSchema = z.strictObject({
  /** A name for the rule, shown in logs and tests. */
  name: z.string().min(1).max(80),
  /** Every condition given must hold; a missing condition matches anything. */
  when: z.strictObject({
    /** Journey ids (checked against the registry in config.server.ts, so this module stays free of journeys). */
    types: z.array(z.string().min(1)).min(1).optional(),
    services: z.array(z.string().min(1)).min(1).optional(),
    flags: z.array(z.enum(routingFlags)).min(1).optional(),
  }),
  /** Mailbox names from `mailboxes`. */
  to: z.array(z.string()).min(1),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const councilSettingsSchema = z.strictObject({
  councilName: z.string().min(2).max(120),
  serviceName: z.string().min(2).max(120),
  homepageUrl: z.url(),
  contact: z.strictObject({
    phone,
    textPhone: z.string().min(3).max(40),
    openingHours: z.string().min(3).max(200),
    email,
    postalAddress: z.array(z.string().min(1).max(120)).min(2).max(8),
    inPerson: z.string().min(3).max(300),
    generalComplaintsPhone: phone,
    generalComplaintsEmail: email,
  }),
  safeguarding: z.strictObject({
    childrenPhone: phone,
    childrenOutOfHoursPhone: phone,
    emergencyNumber: phone,
  }),
  childline: phone,
  advocacy: z.strictObject({
    providerName: z.string().min(2).max(120),
    phone,
    textMessage: phone,
    email,
  }),
  mailboxes: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), email),
  /** Who receives what. A submission goes to every mailbox of every rule it matches. */
  routing: z.array(routingRuleSchema).min(1),
  /** Receives submissions that match no rule, so nothing is ever sent nowhere. */
  fallbackMailbox: z.string(),
  /** Receives alerts about messages that could not be delivered. */
  administratorMailbox: z.string(),
  exitUrl: z.url(),
  dataProtection: z.strictObject({
    controller: z.string().min(2).max(120),
    officerEmail: email,
    icoRegistration: z.string().min(2).max(20),
  }),
  accessibility: z.strictObject({
    statementPreparedOn: isoDate,
    lastTestedOn: isoDate,
    lastReviewedOn: isoDate,
  }),
}).superRefine((council, ctx) => {
  const known = new Set(Object.keys(council.mailboxes));
  council.routing.forEach((rule, index) =>
    rule.to.forEach((name, position) => {
      if (!known.has(name)) ctx.addIssue({ code: "custom", path: ["routing", index, "to", position], message: `unknown mailbox "${name}"` });
    }),
  );
  for (const field of ["fallbackMailbox", "administratorMailbox"] as const) {
    if (!known.has(council[field])) ctx.addIssue({ code: "custom", path: [field], message: `unknown mailbox "${council[field]}"` });
  }
});

export type CouncilSettingsInput = z.input<typeof councilSettingsSchema>;
export type CouncilSettings = z.output<typeof councilSettingsSchema>;

/** The part of the council's settings that pages may show: the only settings that reach the browser. */
export function publicCouncilSettings(council: CouncilSettings) {
  return {
    councilName: council.councilName,
    serviceName: council.serviceName,
    homepageUrl: council.homepageUrl,
    contact: council.contact,
    safeguarding: council.safeguarding,
    childline: council.childline,
    advocacy: council.advocacy,
    dataProtection: council.dataProtection,
    accessibility: council.accessibility,
  };
}
export type PublicCouncilSettings = ReturnType<typeof publicCouncilSettings>;
