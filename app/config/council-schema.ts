import { z } from "zod";

const phone = z.string().regex(/^[0-9 +()]{3,20}$/, "must be a phone number made of digits and spaces");
const email = z.email();
const isoDate = z.iso.date();

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
