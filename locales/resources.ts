// Every locale file, imported once at build time so the server never reads them per request.
import enCommon from "./en/common.json";
import enComplaint from "./en/complaint.json";
import enPages from "./en/pages.json";
import plCommon from "./pl/common.json";
import plComplaint from "./pl/complaint.json";
import plPages from "./pl/pages.json";

export const namespaces = ["common", "pages", "complaint"] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: { common: enCommon, pages: enPages, complaint: enComplaint },
  pl: { common: plCommon, pages: plPages, complaint: plComplaint },
} as const;
