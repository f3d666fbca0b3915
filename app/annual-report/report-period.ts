// The period a report covers, the period it is compared with, and how both are named. Dates are calendar dates,
// YYYY-MM-DD, in London, inclusive at both ends: the financial year 2025/26 is 2025-04-01 to 2026-03-31.

export interface ReportPeriod {
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;

/** Whether `value` is a real calendar date written YYYY-MM-DD (not 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function dayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date in the form YYYY-MM-DD`);
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}

function dateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Days in the period, counting both ends. */
export function periodDays(period: ReportPeriod): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/** The same day `years` earlier or later; 29 February becomes 28 February in a year without one. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const shifted = `${String(year).padStart(4, "0")}${date.slice(4)}`;
  return isCalendarDate(shifted) ? shifted : `${String(year).padStart(4, "0")}-02-28`;
}

/** The financial year starting on 1 April of `startYear`. */
export function financialYear(startYear: number): ReportPeriod {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** The financial year's first calendar year when the period is exactly one financial year, else null. */
export function financialYearOf(period: ReportPeriod): number | null {
  const year = Number(period.from.slice(0, 4));
  const candidate = financialYear(year);
  return candidate.from === period.from && candidate.to === period.to ? year : null;
}

/** Whether the period runs exactly one year, from a date to the day before the same date a year later. */
export function isWholeYear(period: ReportPeriod): boolean {
  return addDays(addYears(period.from, 1), -1) === period.to;
}

/**
 * The period the report compares with: the same dates a year earlier, so that months and seasons line up (for a
 * financial year, the previous financial year). A period longer than a year would overlap itself a year back, so
 * it is compared with the period of the same number of days just before it instead.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (periodDays(period) <= 366) return { from: addYears(period.from, -1), to: addYears(period.to, -1) };
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

export function contains(period: ReportPeriod, date: string | null | undefined): date is string {
  return typeof date === "string" && date >= period.from && date <= period.to;
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const monthAndYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "31 March 2026" */
export function formatDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** "2025/26" for a financial year; otherwise "1 April 2025 to 30 June 2025". */
export function periodName(period: ReportPeriod): string {
  const year = financialYearOf(period);
  if (year !== null) return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  return `${formatDate(period.from)} to ${formatDate(period.to)}`;
}

/** The part of a report's file name after "annual-report-": "2025-26", or "2025-04-01-to-2025-06-30". */
export function periodFileStem(period: ReportPeriod): string {
  const year = financialYearOf(period);
  if (year !== null) return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
  return `${period.from}-to-${period.to}`;
}

export interface PeriodMonth {
  /** The month's position in the period, from 0: the key that pairs it with the same month a year before. */
  index: number;
  /** "2025-04" */
  month: string;
  /** "April" when the period is at most a year long (no month name repeats), else "April 2025". */
  label: string;
}

/** Every calendar month the period touches, in order. */
export function monthsOf(period: ReportPeriod): PeriodMonth[] {
  const months: PeriodMonth[] = [];
  const short = periodDays(period) <= 366 && period.to.slice(0, 7) !== addYears(period.from, 1).slice(0, 7);
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (let index = 0; ; index++) {
    const key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (key > period.to.slice(0, 7)) break;
    const date = new Date(`${key}-01T00:00:00Z`);
    months.push({ index, month: key, label: short ? monthName.format(date) : monthAndYear.format(date) });
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  return months;
}

/** The position in the period of the month a date falls in, as `monthsOf` numbers them. */
export function monthIndex(period: ReportPeriod, date: string): number {
  return (Number(date.slice(0, 4)) - Number(period.from.slice(0, 4))) * 12 + Number(date.slice(5, 7)) - Number(period.from.slice(5, 7));
}
