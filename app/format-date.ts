import { intlLocale } from "./i18n";

// Dates as people read them: "Friday 12 December 2026", in the page's or email's language.
export function formatLongDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A date without its weekday: "26 November 2026", "26 listopada 2026". */
export function formatDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
