// Every locale file, imported once at build time so the server never reads them per request.
import enCommon from "./en/common.json";
import enComplaint from "./en/complaint.json";
import enEmails from "./en/emails.json";
import enPages from "./en/pages.json";
import plCommon from "./pl/common.json";
import plComplaint from "./pl/complaint.json";
import plEmails from "./pl/emails.json";
import plPages from "./pl/pages.json";

export const namespaces = ["common", "pages", "complaint", "emails"] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: { common: enCommon, pages: enPages, complaint: enComplaint, emails: enEmails },
  pl: { common: plCommon, pages: plPages, complaint: plComplaint, emails: plEmails },
} as const;
