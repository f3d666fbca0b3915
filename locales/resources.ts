// Every locale file, imported once at build time so the server never reads them per request.
import enAdvocate from "./en/advocate.json";
import enCommon from "./en/common.json";
import enComplaint from "./en/complaint.json";
import enCompliment from "./en/compliment.json";
import enEmails from "./en/emails.json";
import enEscalate from "./en/escalate.json";
import enOtherFormat from "./en/other-format.json";
import enPages from "./en/pages.json";
import plAdvocate from "./pl/advocate.json";
import plCommon from "./pl/common.json";
import plComplaint from "./pl/complaint.json";
import plCompliment from "./pl/compliment.json";
import plEmails from "./pl/emails.json";
import plEscalate from "./pl/escalate.json";
import plOtherFormat from "./pl/other-format.json";
import plPages from "./pl/pages.json";

export const namespaces = ["common", "pages", "complaint", "compliment", "advocate", "other-format", "escalate", "emails"] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: { common: enCommon, pages: enPages, complaint: enComplaint, compliment: enCompliment, advocate: enAdvocate, "other-format": enOtherFormat, escalate: enEscalate, emails: enEmails },
  pl: { common: plCommon, pages: plPages, complaint: plComplaint, compliment: plCompliment, advocate: plAdvocate, "other-format": plOtherFormat, escalate: plEscalate, emails: plEmails },
} as const;
