// Dates as people read them: "Friday 12 December 2026", in the page's or email's language.
export function formatLongDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language === "pl" ? "pl-PL" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
