// People who use the portal, each as the answers they would give, page by page (as DWP CASA's tests do). A test
// walks a journey by answering whatever page it is on from a persona, so a new question means one new answer per
// persona, and a new optional question nothing at all: a page a persona has no answer for is sent empty. Dates are
// worked out from today, so no persona's complaint becomes late as the calendar moves on.
import { formatReference } from "../../app/reference";
import type { JourneyAnswers, PageAnswer } from "../../app/journeys/session-data";

export interface Persona {
  /** Who they are, for test names. */
  name: string;
  journey: string;
  /** Answers by page id; pages not listed are sent with nothing filled in (optional questions). */
  answers: JourneyAnswers;
}

/** Today in London, as YYYY-MM-DD. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The month and year `months` before today, as the "When did it happen?" page takes them. */
export function monthsAgo(today: string, months: number): { month: string; year: string } {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return { month: String((index % 12) + 1), year: String(Math.floor(index / 12)) };
}

function when(today: string, months: number, stillHappening = false): PageAnswer {
  const { month, year } = monthsAgo(today, months);
  return { "when-day": "", "when-month": month, "when-year": year, "still-happening": stillHappening ? ["yes"] : [] };
}

/** A day `days` after today, as date parts named `<name>-day`, `-month`, `-year`. */
export function daysAhead(today: string, days: number, name: string): Record<string, string> {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return { [`${name}-day`]: String(date.getUTCDate()), [`${name}-month`]: String(date.getUTCMonth() + 1), [`${name}-year`]: String(date.getUTCFullYear()) };
}

/** A complaint reference as the escalation journey would be given one (a real check character). */
export const earlierComplaintReference = formatReference("C", "7K4M2Q9P");

export interface PersonaOptions {
  today?: string;
  /** Distinguishes people in load tests: added to names, stories and email addresses. */
  tag?: string;
}

/** Every persona, for the day given. */
export function personas({ today = londonToday(), tag = "" }: PersonaOptions = {}) {
  const t = tag ? ` ${tag}` : "";
  const mail = (local: string) => `${local}${tag ? `+${tag.replace(/[^a-z0-9]/gi, "")}` : ""}@example.org`;
  const safe: PageAnswer = { "safe-times": "", "leave-message": "yes", "say-council": "yes" };
  return {
    /** A parent complaining about children's social care for themselves, wanting an email reply. */
    parent: {
      name: "a parent who wants an email reply",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "parent" },
        "about-who": { about: "me" },
        "what-happened": { "what-happened": `The social worker did not come to the meeting.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 1),
        "complained-before": { before: "no" },
        advocate: { advocate: "no" },
        "reply-format": { format: "standard" },
        "your-name": { "full-name": `Pat Parent${t}` },
        contact: { method: "email", email: mail("parent") },
        "safe-contact": safe,
      },
    },
    /** A 14-year-old complaining for themselves, wanting an advocate, texted only when safe: they said no message. */
    youngPerson: {
      name: "a 14-year-old who wants an advocate and must not be sent messages",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "child-or-young-person" },
        "your-age": { age: "14" },
        "about-who": { about: "me" },
        "what-happened": { "what-happened": `My social worker cancelled our meetings 3 times.\nNobody told me why.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 2),
        "complained-before": { before: "no" },
        advocate: { advocate: "yes" },
        "reply-format": { format: "standard" },
        contact: { method: "text", mobile: "07700 900982" },
        "safe-contact": { "safe-times": "After 4pm on weekdays", "leave-message": "no", "say-council": "no" },
      },
    },
    /** A young person in foster care about to be moved, who wants it stopped while their complaint is looked at. */
    urgentMove: {
      name: "a young person about to be moved to a new foster home",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "child-or-young-person" },
        "your-age": { age: "13" },
        "about-who": { about: "me" },
        "what-happened": { "what-happened": `Nobody asked me before deciding to move me.${t}` },
        "about-to-happen": { "about-to-happen": "yes", "what-happens": "They are moving me to a new foster home.", ...daysAhead(today, 7, "happens-on") },
        when: when(today, 0, true),
        "complained-before": { before: "no" },
        advocate: { advocate: "yes" },
        "reply-format": { format: "standard" },
        contact: { method: "email", email: mail("moving") },
        "safe-contact": safe,
      },
    },
    /** A child who gives an email address but says we may not say we are from the council. */
    unsafeEmail: {
      name: "a young person whose email someone else reads",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "child-or-young-person" },
        "your-age": { age: "15" },
        "about-who": { about: "me" },
        "what-happened": { "what-happened": `My foster carer reads my emails.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 1, true),
        "complained-before": { before: "no" },
        advocate: { advocate: "not-sure" },
        "reply-format": { format: "standard" },
        contact: { method: "email", email: mail("young") },
        "safe-contact": { "safe-times": "", "leave-message": "yes", "say-council": "no" },
      },
    },
    /** A grandparent complaining for a grandchild about something 14 months ago, by email, in large print. */
    grandparent: {
      name: "a grandparent complaining for a grandchild about something 14 months ago",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "grandparent-or-relative" },
        "about-who": { about: "a-child" },
        "child-details": { "child-name": "Sam", "child-age": "9" },
        "child-agrees": { agrees: "yes" },
        "parental-responsibility": { "parental-responsibility": "no" },
        "what-happened": { "what-happened": `Nobody helped me when I started looking after my grandson.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 14),
        "why-now": { "why-now": "I was in hospital for a long time." },
        "put-right": { "put-right": "Back pay as a connected carer." },
        "complained-before": { before: "no" },
        advocate: { advocate: "not-sure" },
        "reply-format": { format: "large-print" },
        "your-name": { "full-name": `Margaret O’Brien${t}` },
        contact: { method: "email", email: mail("margaret") },
        "safe-contact": safe,
      },
    },
    /** A teacher complaining late about a young child, in another language, by post: reaches every complaint question. */
    teacherForChild: {
      name: "a teacher complaining late about a child, answered in Urdu by post",
      journey: "complaint",
      answers: {
        service: { service: "not-sure" },
        "who-are-you": { role: "someone-else", "role-other": "Sam’s teacher" },
        "about-who": { about: "a-child" },
        "child-details": { "child-name": "Sam", "child-age": "8" },
        "child-agrees": { agrees: "too-young" },
        "parental-responsibility": { "parental-responsibility": "not-sure" },
        "what-happened": { "what-happened": `Sam was moved to a new school without anyone asking.${t}` },
        "about-to-happen": { "about-to-happen": "yes", "what-happens": "Sam is to move again next term.", "happens-unknown": ["yes"] },
        when: when(today, 14),
        "why-now": { "why-now": "I only found out last week." },
        "complained-before": { before: "no" },
        advocate: { advocate: "yes" },
        "reply-format": { format: "another-language", language: "Urdu" },
        "your-name": { "full-name": `Alex Teacher${t}` },
        contact: { method: "post", "address-line-1": "1 School Lane", "address-town": "Exampleton", "address-postcode": "ex1 1aa" },
        "safe-post": { "say-council": "no" },
      },
    },
    /** A care leaver writing in Polish, wanting an easy read reply by email and an advocate. */
    polishCareLeaver: {
      name: "a care leaver writing in Polish",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "care-leaver" },
        "about-who": { about: "me" },
        "what-happened": { "what-happened": `Nikt nie oddzwonił. Zażółć gęślą jaźń.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 1),
        "complained-before": { before: "no" },
        advocate: { advocate: "yes" },
        "reply-format": { format: "easy-read" },
        "your-name": { "full-name": `Ola Nowak${t}` },
        contact: { method: "email", email: mail("ola") },
        "safe-contact": safe,
      },
    },
    /** A foster carer for a child, written to by post in a plain envelope. */
    fosterCarer: {
      name: "a foster carer written to in a plain envelope",
      journey: "complaint",
      answers: {
        service: { service: "childrens-social-care" },
        "who-are-you": { role: "foster-or-kinship-carer" },
        "about-who": { about: "a-child" },
        "child-details": { "child-name": "Kai", "child-age": "7" },
        "child-agrees": { agrees: "too-young" },
        "parental-responsibility": { "parental-responsibility": "not-sure" },
        "what-happened": { "what-happened": `The placement plan was never shared with us.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 3),
        "complained-before": { before: "yes", "before-reference": "C-1234" },
        advocate: { advocate: "no" },
        "reply-format": { format: "another-language", language: "Polish" },
        "your-name": { "full-name": `Alex Carer${t}` },
        contact: { method: "post", "address-line-1": "1 High Street", "address-town": "Exampleton", "address-postcode": "ex1 1aa" },
        "safe-post": { "say-council": "no" },
      },
    },
    /** A parent complaining about public health, who does not want to be contacted. */
    anonymousPublicHealth: {
      name: "a parent complaining about public health who gives no contact details",
      journey: "complaint",
      answers: {
        service: { service: "public-health" },
        "who-are-you": { role: "parent" },
        "about-who": { about: "me" },
        "what-happened": { "what-happened": `The clinic was closed when the website said it was open.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        when: when(today, 0, true),
        "complained-before": { before: "no" },
        advocate: { advocate: "no" },
        "reply-format": { format: "standard" },
        contact: { method: "none" },
      },
    },
    /** An anonymous thank-you that may be quoted in the annual report. */
    thanks: {
      name: "someone saying thank you anonymously",
      journey: "compliment",
      answers: {
        service: { service: "public-health" },
        message: { message: `The health visitor was kind and patient with us.${t}` },
        "pass-on": { "pass-on": "yes" },
        "annual-report": { "annual-report": "yes" },
        contact: { method: "none" },
      },
    },
    /** A young person thanking their social worker by name, with an email address. */
    thanksWithEmail: {
      name: "a care leaver thanking their social worker",
      journey: "compliment",
      answers: {
        service: { service: "childrens-social-care" },
        "about-whom": { "about-whom": "Jo Smith, my social worker" },
        message: { message: `Jo Smith always listened to me.${t}` },
        "who-are-you": { role: "care-leaver" },
        "pass-on": { "pass-on": "yes" },
        "annual-report": { "annual-report": "no" },
        "your-name": { "full-name": `Riley${t}` },
        contact: { method: "email", email: mail("riley") },
        "safe-contact": safe,
      },
    },
    /** A carer asking for an advocate for a child. */
    advocateForChild: {
      name: "a carer asking for an advocate for a child",
      journey: "advocate",
      answers: {
        "for-whom": { "for-whom": "a-child" },
        "young-person": { "child-name": "Kai", "child-age": "11" },
        agrees: { agrees: "yes" },
        "help-with": { "help-with": `A meeting about where Kai lives.${t}` },
        "social-worker": { "social-worker": "yes" },
        "your-name": { "full-name": `Sam Carer${t}` },
        contact: { method: "phone", phone: "020 7946 0999" },
        "safe-contact": safe,
      },
    },
    /** A 16-year-old asking for an advocate for themselves, by email. */
    advocateForMe: {
      name: "a 16-year-old asking for an advocate for themselves",
      journey: "advocate",
      answers: {
        "for-whom": { "for-whom": "me" },
        "young-person": { "child-name": "Jo", "child-age": "16" },
        contact: { method: "email", email: mail("jo") },
        "safe-contact": safe,
      },
    },
    /** Someone asking for the complaints leaflet in large print by email. */
    formatByEmail: {
      name: "someone asking for a leaflet in large print by email",
      journey: "other-format",
      answers: {
        "what-you-need": { what: "leaflet" },
        format: { format: "large-print" },
        delivery: { delivery: "email", email: mail("reader") },
        "your-name": { "full-name": `Robin Reader${t}` },
        "safe-contact": safe,
      },
    },
    /** Someone asking for a letter in Arabic, to collect. */
    formatToCollect: {
      name: "someone collecting a letter in another language",
      journey: "other-format",
      answers: {
        "what-you-need": { what: "letter", "letter-reference": "C-7K4M-2Q9P" },
        format: { format: "another-language", language: "Arabic" },
        delivery: { delivery: "collect" },
        "your-name": { "full-name": `Nour${t}` },
      },
    },
    /** A parent asking for stage 2 with the reference they were given. */
    escalateWithReference: {
      name: "a parent asking for stage 2 with their reference",
      journey: "escalate",
      answers: {
        reference: { reference: earlierComplaintReference },
        service: { service: "childrens-social-care" },
        stage: { stage: "stage-2" },
        why: { why: `The reply did not answer what I asked.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        advocate: { advocate: "yes" },
        "your-name": { "full-name": `Pat Parent${t}` },
        contact: { method: "email", email: mail("parent") },
        "safe-contact": safe,
      },
    },
    /** Someone asking for stage 3 of a complaint made by phone, without a reference. */
    escalateWithoutReference: {
      name: "someone asking for stage 3 of a complaint made by phone",
      journey: "escalate",
      answers: {
        reference: { "no-reference": ["yes"] },
        "original-complaint": { "complainant-name": `Lee${t}`, "complained-when-day": "", ...(() => { const m = monthsAgo(today, 4); return { "complained-when-month": m.month, "complained-when-year": m.year }; })() },
        service: { service: "childrens-social-care" },
        stage: { stage: "stage-3" },
        why: { why: `The investigation missed what happened at school.${t}` },
        "about-to-happen": { "about-to-happen": "no" },
        advocate: { advocate: "no" },
        contact: { method: "phone", phone: "020 7946 0123" },
        "safe-contact": { "safe-times": "Mornings", "leave-message": "no", "say-council": "yes" },
      },
    },
  } satisfies Record<string, Persona>;
}

/** The same person giving some answers differently. */
export function withAnswers(persona: Persona, answers: JourneyAnswers): Persona {
  return { ...persona, answers: { ...persona.answers, ...answers } };
}

export type PersonaName = keyof ReturnType<typeof personas>;

/** The persona a load test sends: a parent, with their own words and contact details. */
export function parentComplaint(tag: string, today?: string): Persona {
  return personas({ tag, today }).parent;
}
