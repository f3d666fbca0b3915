// A fictional council so the portal runs at once. Phone numbers are Ofcom's drama numbers and
// addresses use reserved example domains, so nothing here can reach a real person.
import type { CouncilSettingsInput } from "./council-schema";

export const exampleCouncil: CouncilSettingsInput = {
  // Words people read are given in each language the portal speaks (a plain string is the same in all of them, and
  // the portal says at start which have none of their own). Letters and staff emails keep the English name.
  councilName: { en: "Example Borough Council", pl: "Rada Gminy Example", ar: "مجلس بلدية إكزامبل" },
  serviceName: {
    en: "Complaints and compliments: children's services and public health",
    pl: "Skargi i podziękowania: usługi dla dzieci i zdrowie publiczne",
    ar: "الشكاوى والإشادات: خدمات الأطفال والصحة العامة",
  },
  homepageUrl: "https://www.example.org/",
  contact: {
    phone: "01632 960000",
    textPhone: "18001 01632 960000",
    openingHours: {
      en: "Monday to Friday, 9am to 5pm, except bank holidays",
      pl: "od poniedziałku do piątku, 9:00–17:00, oprócz świąt państwowych",
      ar: "من الاثنين إلى الجمعة، من 9 صباحًا إلى 5 مساءً، ما عدا العطل الرسمية",
    },
    email: "complaints@example.org",
    postalAddress: ["Complaints Team", "Example Borough Council", "Civic Centre", "Example Street", "Exampleton", "EX1 1AA"],
    inPerson: {
      en: "Civic Centre, Example Street, Exampleton EX1 1AA. Monday to Friday, 9am to 4pm.",
      pl: "Civic Centre, Example Street, Exampleton EX1 1AA. Od poniedziałku do piątku, 9:00–16:00.",
      ar: "Civic Centre, Example Street, Exampleton EX1 1AA. من الاثنين إلى الجمعة، من 9 صباحًا إلى 4 مساءً.",
    },
    generalComplaintsPhone: "01632 960100",
    generalComplaintsEmail: "feedback@example.org",
  },
  safeguarding: {
    childrenPhone: "01632 960999",
    childrenOutOfHoursPhone: "01632 960998",
    emergencyNumber: "999",
  },
  childline: "0800 1111",
  advocacy: {
    providerName: "Example Advocacy Service",
    phone: "01632 960200",
    textMessage: "07700 900200",
    email: "advocacy@example.org",
  },
  mailboxes: {
    childrensComplaints: "childrens-complaints@example.org",
    publicHealthComplaints: "public-health-complaints@example.org",
    advocacy: "advocacy-referrals@example.org",
    accessibleCommunications: "accessible-communications@example.org",
    standardsTeam: "standards-team@example.org",
    administrator: "portal-admin@example.org",
    complaintsManager: "complaints-manager@example.org",
    dutyManager: "duty-manager@example.org",
  },
  routing: [
    { name: "children's social care complaints", when: { types: ["complaint", "escalate"], services: ["childrens-social-care"] }, to: ["childrensComplaints"] },
    { name: "public health complaints", when: { types: ["complaint", "escalate"], services: ["public-health"] }, to: ["publicHealthComplaints"] },
    { name: "complaints about an unknown service", when: { types: ["complaint"], services: ["not-sure"] }, to: ["standardsTeam"] },
    { name: "advocate requests reach the complaints team", when: { types: ["advocate"] }, to: ["childrensComplaints"] },
    { name: "other formats", when: { flags: ["another-format"] }, to: ["accessibleCommunications"] },
    { name: "compliments", when: { types: ["compliment"] }, to: ["standardsTeam"] },
  ],
  fallbackMailbox: "standardsTeam",
  administratorMailbox: "administrator",
  complaintsManagerMailbox: "complaintsManager",
  urgentMailbox: "dutyManager",
  advocacyMailbox: "advocacy",
  timetable: {
    acknowledgeWithin: 5,
    childrensSocialCare: {
      stage1: { replyWithin: 10, extendableTo: 20 },
      stage2: { replyWithin: 25, extendableTo: 65, requestWithin: 20 },
      stage3: { panelWithin: 30, reportWithin: 5, responseWithin: 15, requestWithin: 20 },
    },
    publicHealth: { acknowledgeWithin: 3, replyWithin: 10, replyWithinMonths: 6 },
    advocateContactWithin: 5,
    otherFormatWithin: 10,
    remindBefore: 2,
    urgentContactWithin: 1,
  },
  exitUrl: "https://www.bbc.co.uk/weather",
  dataProtection: {
    controller: "Example Borough Council",
    officerEmail: "dpo@example.org",
    icoRegistration: "Z0000000",
  },
  accessibility: {
    statementPreparedOn: "2026-11-26",
    lastTestedOn: "2026-11-26",
    lastReviewedOn: "2026-11-26",
  },
};
