// The browser's locale files: each a script of its own, named after its namespace (locales/<language>/<namespace>.json).
import { readdirSync } from "node:fs";

const namespaces = readdirSync("locales/en").map((file) => file.replace(/\.json$/, ""));

/** A locale file's address path; its first group is the namespace. */
export const localeFilePath = new RegExp(`^/assets/(${namespaces.join("|")})-[^/.]+\\.js$`);

/** Whether a URL is a locale file's. */
export const isLocaleFile = (url: URL | string): boolean => localeFilePath.test(new URL(url).pathname);
