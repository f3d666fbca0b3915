import { z } from "zod";
import { supportedLanguages, textDirection, type Language } from "~/i18n";
import { routingFlags } from "~/journeys/flags";

/**
 * Words people read, in every language the portal speaks: one string (the same in every language), or one per
 * language, English required ({ "en": "…", "pl": "…", "ar": "…" }). A language without its own falls back to
 * English, with a warning when the portal starts (config.server.ts).
 */
export type LocalText = { en: string } & Partial<Record<Language, string>>;

const localText = (text: z.ZodString) =>
  z
    .union([text, z.strictObject({ en: text }).extend(Object.fromEntries(supportedLanguages.filter((l) => l !== "en").map((l) => [l, text.optional()])))])
    .transform((value): LocalText => (typeof value === "string" ? Object.fromEntries(supportedLanguages.map((l) => [l, value])) as LocalText : (value as LocalText)));

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

const workingDays = z.number({ error: "must be a number of working days" }).int("must be a whole number of working days").positive("must be more than 0");

/**
 * The statutory timetable: every time limit the portal counts is here, once (children's social care: the Children
 * Act 1989 Representations Procedure (England) Regulations 2006 and "Getting the Best from Complaints"; public
 * health: the 2012 regulations; acknowledgement: the Complaint Handling Code). Code never writes a number of days.
 */
const timetableSchema = z
  .strictObject({
    /** Every complaint is acknowledged within this many working days (the Complaint Handling Code), unless shorter below. */
    acknowledgeWithin: workingDays,
    childrensSocialCare: z.strictObject({
      stage1: z.strictObject({ replyWithin: workingDays, extendableTo: workingDays }),
      stage2: z.strictObject({ replyWithin: workingDays, extendableTo: workingDays, requestWithin: workingDays }),
      /** The panel meets within `panelWithin` of the request, reports within `reportWithin` of meeting, and the director replies within `responseWithin` of the report. */
      stage3: z.strictObject({ panelWithin: workingDays, reportWithin: workingDays, responseWithin: workingDays, requestWithin: workingDays }),
    }),
    publicHealth: z.strictObject({
      acknowledgeWithin: workingDays,
      /** The reply the council aims for, in working days; it may be extended, with an explanation, up to `replyWithinMonths`. */
      replyWithin: workingDays,
      replyWithinMonths: z.number({ error: "must be a number of months" }).int().positive("must be more than 0"),
    }),
    /** An advocate gets in touch within this many working days of a request. */
    advocateContactWithin: workingDays,
    /** Information in another format is sent within this many working days. */
    otherFormatWithin: workingDays,
    /** The staff digest lists cases due within this many working days. */
    remindBefore: workingDays,
    /** Someone contacts a person whose complaint is urgent (something is about to happen) within this many working days. */
    urgentContactWithin: workingDays,
  })
  .superRefine((timetable, ctx) => {
    const { stage1, stage2 } = timetable.childrensSocialCare;
    if (stage1.extendableTo < stage1.replyWithin) ctx.addIssue({ code: "custom", path: ["childrensSocialCare", "stage1", "extendableTo"], message: "must be at least replyWithin" });
    if (stage2.extendableTo < stage2.replyWithin) ctx.addIssue({ code: "custom", path: ["childrensSocialCare", "stage2", "extendableTo"], message: "must be at least replyWithin" });
  });
export type Timetable = z.output<typeof timetableSchema>;

export const councilSettingsSchema = z.strictObject({
  councilName: localText(z.string().min(2).max(120)),
  serviceName: localText(z.string().min(2).max(120)),
  homepageUrl: z.url(),
  contact: z.strictObject({
    phone,
    textPhone: z.string().min(3).max(40),
    openingHours: localText(z.string().min(3).max(200)),
    email,
    postalAddress: z.array(z.string().min(1).max(120)).min(2).max(8),
    inPerson: localText(z.string().min(3).max(300)),
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
  /** The duty manager: also receives every urgent submission (something about to happen), whatever the routing rules say. */
  urgentMailbox: z.string(),
  /** The advocacy service's referrals: also receives every submission whose person asked for an advocate, whatever the
   * routing rules say, as the pages and emails tell that person the service has been told. */
  advocacyMailbox: z.string(),
  /** The complaints manager: receives the daily digest of cases not acknowledged in time, due soon or overdue. */
  complaintsManagerMailbox: z.string(),
  timetable: timetableSchema,
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
  for (const field of ["fallbackMailbox", "administratorMailbox", "complaintsManagerMailbox", "urgentMailbox", "advocacyMailbox"] as const) {
    if (!known.has(council[field])) ctx.addIssue({ code: "custom", path: [field], message: `unknown mailbox "${council[field]}"` });
  }
});

export type CouncilSettingsInput = z.input<typeof councilSettingsSchema>;
export type CouncilSettings = z.output<typeof councilSettingsSchema>;

/** The council's settings as people reading `language` see them: every text setting in that language. */
export type LocalCouncil = Omit<CouncilSettings, "councilName" | "serviceName" | "contact"> & {
  councilName: string;
  serviceName: string;
  contact: Omit<CouncilSettings["contact"], "openingHours" | "inPerson"> & { openingHours: string; inPerson: string };
};

const localCouncils = new WeakMap<CouncilSettings, Map<string, LocalCouncil>>();

/** A number to call, kept on one line (no-break spaces): split at the end of a line, on a phone, it reads as two. */
const oneLine = (number: string) => number.replaceAll(" ", "\u00a0");

/**
 * A number as written in right-to-left text: isolated left to right (U+2066 … U+2069), so "01632 960000" reads in
 * its own order. Without it the bidirectional algorithm lays a number's groups out right to left ("960000 01632").
 */
const leftToRight = (number: string) => `\u2066${oneLine(number)}\u2069`;

/**
 * The council's settings in one language (English where that language has none); worked out once per language.
 * Every phone number is kept on one line, and in a right-to-left language isolated left to right, wherever it is shown.
 */
export function councilIn(council: CouncilSettings, language: string): LocalCouncil {
  let byLanguage = localCouncils.get(council);
  if (!byLanguage) localCouncils.set(council, (byLanguage = new Map()));
  let local = byLanguage.get(language);
  if (!local) {
    const word = (text: LocalText) => text[language as Language] ?? text.en;
    const number = textDirection(language) === "rtl" ? leftToRight : oneLine;
    const { contact, safeguarding, advocacy } = council;
    local = {
      ...council,
      councilName: word(council.councilName),
      serviceName: word(council.serviceName),
      contact: {
        ...contact,
        phone: number(contact.phone),
        textPhone: number(contact.textPhone),
        generalComplaintsPhone: number(contact.generalComplaintsPhone),
        openingHours: word(contact.openingHours),
        inPerson: word(contact.inPerson),
      },
      safeguarding: { childrenPhone: number(safeguarding.childrenPhone), childrenOutOfHoursPhone: number(safeguarding.childrenOutOfHoursPhone), emergencyNumber: number(safeguarding.emergencyNumber) },
      childline: number(council.childline),
      advocacy: { ...advocacy, phone: number(advocacy.phone), textMessage: number(advocacy.textMessage) },
    };
    byLanguage.set(language, local);
  }
  return local;
}

/** The text settings with no words of their own in a language, by path ("contact.openingHours (pl)"). */
export function untranslatedCouncilSettings(council: CouncilSettings): string[] {
  const texts: Record<string, LocalText> = {
    councilName: council.councilName,
    serviceName: council.serviceName,
    "contact.openingHours": council.contact.openingHours,
    "contact.inPerson": council.contact.inPerson,
  };
  return Object.entries(texts).flatMap(([path, text]) => supportedLanguages.filter((language) => text[language] === undefined).map((language) => `${path} (${language})`));
}

/** The part of the council's settings that pages may show, in the page's language: the only settings that reach the browser. */
export function publicCouncilSettings(source: CouncilSettings, language: string) {
  const council = councilIn(source, language);
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
    // The time limits the words give (decision 052). All of them, as the words name them by their place in it:
    // a few are only ever in staff emails (remindBefore, urgentContactWithin), numbers of days and nothing more.
    timetable: source.timetable,
  };
}
export type PublicCouncilSettings = ReturnType<typeof publicCouncilSettings>;
