// "When did it happen?": month and year are needed, the day is optional. GOV.UK date input rules.
import { z } from "zod";
import { posted, type DateRule } from "./field-schemas";
import { asciiDigits } from "~/digits";

export interface MonthYearDate {
  day: number | null;
  month: number;
  year: number;
}

const monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function readMonth(raw: string): number | null {
  const trimmed = raw.trim().toLowerCase();
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  const index = monthNames.findIndex((name) => trimmed.startsWith(name));
  return index >= 0 ? index + 1 : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day, month or year as typed: digits from any keyboard read as 0 to 9, and the spaces around it dropped. */
function datePart(typed: string | undefined): string {
  return asciiDigits(typed ?? "").trim();
}

/**
 * Validates the three parts named `<name>-day`, `<name>-month`, `<name>-year`.
 * `required: false` accepts all three empty. Error paths point at the part to fix.
 */
export function monthYearDateSchema(name: string, today: string, required: boolean) {
  const dayKey = `${name}-day`;
  const monthKey = `${name}-month`;
  const yearKey = `${name}-year`;
  return z
    .object({ [dayKey]: posted, [monthKey]: posted, [yearKey]: posted })
    .transform((parts, ctx) => {
      const day = datePart(parts[dayKey]);
      const month = datePart(parts[monthKey]);
      const year = datePart(parts[yearKey]);
      const fail = (path: string, code: string) => {
        ctx.addIssue({ code: "custom", path: [path], message: code });
        return z.NEVER;
      };
      if (!day && !month && !year) {
        return required ? fail(monthKey, "required") : { [dayKey]: "", [monthKey]: "", [yearKey]: "" };
      }
      if (!month && !year) return fail(monthKey, "month-and-year-required");
      if (!month) return fail(monthKey, "month-required");
      if (!year) return fail(yearKey, "year-required");
      const monthNumber = readMonth(month);
      if (monthNumber === null || monthNumber < 1 || monthNumber > 12) return fail(monthKey, "real-month");
      if (!/^\d{4}$/.test(year)) return fail(yearKey, "year-four-digits");
      const yearNumber = Number(year);
      if (yearNumber < 1900) return fail(yearKey, "year-too-early");
      let dayNumber: number | null = null;
      if (day) {
        if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > daysInMonth(yearNumber, monthNumber)) {
          return fail(dayKey, "real-day");
        }
        dayNumber = Number(day);
      }
      const iso = isoOf({ day: dayNumber ?? 1, month: monthNumber, year: yearNumber });
      if (iso > today) return fail(day ? dayKey : monthKey, "future");
      return {
        [dayKey]: dayNumber === null ? "" : String(dayNumber),
        [monthKey]: String(monthNumber),
        [yearKey]: String(yearNumber),
      };
    });
}

/** Every code monthYearDateSchema can report. */
const monthYearCodes = ["required", "month-and-year-required", "month-required", "year-required", "real-month", "year-four-digits", "year-too-early", "real-day", "future"] as const;

/** A month and year in the past, with an optional day: the rule for "when did it happen?" questions. */
export const pastMonthYear: DateRule = { build: monthYearDateSchema, codes: monthYearCodes };

export function isoOf(date: { day: number; month: number; year: number }): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function readMonthYearDate(values: Record<string, unknown>, name: string): MonthYearDate | null {
  const month = Number(values[`${name}-month`]);
  const year = Number(values[`${name}-year`]);
  if (!month || !year) return null;
  const day = Number(values[`${name}-day`]);
  return { day: day || null, month, year };
}

/**
 * The statutory limit is 12 months from the matter complained of. With no day given we take the last
 * day of the month, so nobody is asked to explain a delay they may not have had.
 */
export function isMoreThanTwelveMonthsAgo(date: MonthYearDate, today: string): boolean {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const day = date.day ?? daysInMonth(date.year, date.month);
  const limitDay = Math.min(d, daysInMonth(y - 1, m));
  return isoOf({ day, month: date.month, year: date.year }) < isoOf({ day: limitDay, month: m, year: y - 1 });
}

/** Every code upcomingDateSchema can report. */
const upcomingCodes = ["required", "day-required", "month-required", "year-required", "real-day", "real-month", "year-four-digits", "past", "too-far"] as const;

/**
 * A day that is coming: day, month and year, today or later, and within a year (something "about to happen").
 * `required: false` accepts all three empty.
 */
export function upcomingDateSchema(name: string, today: string, required: boolean) {
  const keys = { day: `${name}-day`, month: `${name}-month`, year: `${name}-year` };
  return z
    .object({ [keys.day]: posted, [keys.month]: posted, [keys.year]: posted })
    .transform((parts, ctx) => {
      const day = datePart(parts[keys.day]);
      const month = datePart(parts[keys.month]);
      const year = datePart(parts[keys.year]);
      const fail = (path: string, code: string) => {
        ctx.addIssue({ code: "custom", path: [path], message: code });
        return z.NEVER;
      };
      if (!day && !month && !year) return required ? fail(keys.day, "required") : { [keys.day]: "", [keys.month]: "", [keys.year]: "" };
      if (!day) return fail(keys.day, "day-required");
      if (!month) return fail(keys.month, "month-required");
      if (!year) return fail(keys.year, "year-required");
      const monthNumber = readMonth(month);
      if (monthNumber === null || monthNumber < 1 || monthNumber > 12) return fail(keys.month, "real-month");
      if (!/^\d{4}$/.test(year)) return fail(keys.year, "year-four-digits");
      const yearNumber = Number(year);
      if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > daysInMonth(yearNumber, monthNumber)) return fail(keys.day, "real-day");
      const iso = isoOf({ day: Number(day), month: monthNumber, year: yearNumber });
      if (iso < today) return fail(keys.day, "past");
      const [y, m, d] = today.split("-").map(Number) as [number, number, number];
      if (iso > isoOf({ day: Math.min(d, daysInMonth(y + 1, m)), month: m, year: y + 1 })) return fail(keys.year, "too-far");
      return { [keys.day]: String(Number(day)), [keys.month]: String(monthNumber), [keys.year]: String(yearNumber) };
    });
}

/** A day within the next year: the rule for "when will it happen?". */
export const upcomingDate: DateRule = { build: upcomingDateSchema, codes: upcomingCodes };
