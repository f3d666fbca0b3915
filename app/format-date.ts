import { intlLocale } from "./i18n";

// Making an Intl.DateTimeFormat is far dearer than using one (it loads the locale's data), and pages and emails
// write many dates: each language's formatter for each style is made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(style: "long" | "date", language: string): Intl.DateTimeFormat {
  const locale = intlLocale(language);
  const key = `${style} ${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...(style === "long" ? { weekday: "long" } : {}), day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    formatters.set(key, formatter);
  }
  return formatter;
}

// Dates as people read them: "Friday 12 December 2026", in the page's or email's language.
export function formatLongDate(isoDate: string, language: string): string {
  return formatterFor("long", language).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A date without its weekday: "26 November 2026", "26 listopada 2026". */
export function formatDate(isoDate: string, language: string): string {
  return formatterFor("date", language).format(new Date(`${isoDate}T00:00:00Z`));
}
