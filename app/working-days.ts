/**
 * Working days for complaint deadlines: Monday to Friday, excluding England
 * and Wales bank holidays, in Europe/London calendar dates.
 *
 * Counting rule ("respond within 10 working days"):
 *  - The day of submission never counts; day 1 is the next working day.
 *  - Something submitted on a weekend or bank holiday is treated as received
 *    on the next working day, and counting starts from there (that day is
 *    day 0, not day 1). So Sat 4 Jan 2025 + 1 working day = Tue 7 Jan,
 *    the same as if it had arrived on Mon 6 Jan.
 *  - Instants (Date) are turned into London dates first: 23:30 UTC on
 *    31 March during BST is already 1 April.
 *
 * Dates outside the bundled bank-holiday years throw a RangeError rather
 * than guess: a deadline that ignores an unknown holiday would be wrong.
 */
import {
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from "./bank-holidays";

/** An ISO calendar date `YYYY-MM-DD`, or an instant to be read in London time. */
export type DateInput = string | Date;

const MS_PER_DAY = 86_400_000;

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// London's date changes only on a whole minute (midnight, GMT or BST), so within one minute it is worked out once:
// Intl's formatting is a noticeable share of a page served from the cache.
let lastMinute = { minute: Number.NaN, date: "" };

/** The calendar date in London (GMT/BST) at the given instant, as `YYYY-MM-DD`. */
export function londonDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (Number.isNaN(minute)) throw new RangeError("londonDate needs a valid Date");
  if (minute === lastMinute.minute) return lastMinute.date;
  const date = londonDateUncached(instant);
  lastMinute = { minute, date };
  return date;
}

function londonDateUncached(instant: Date): string {
  const parts = londonParts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) throw new Error(`Intl did not return a ${type} for Europe/London`);
    return value;
  };
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

// Calendar dates are handled as whole days since 1970-01-01 (UTC has no DST,
// so adding 1 always moves exactly one calendar day).

function dayNumberOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 31 Feb over to March; the round trip rejects such dates.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`"${isoDate}" is not a calendar date in the form YYYY-MM-DD`);
  }
  return ms / MS_PER_DAY;
}

function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function toDayNumber(input: DateInput): number {
  return dayNumberOf(typeof input === "string" ? input : londonDate(input));
}

// Whole-day numbers, worked out once: counting a deadline checks each day it passes, on every send.
const FIRST_COVERED_DAY = Date.UTC(BANK_HOLIDAYS_FIRST_YEAR, 0, 1) / MS_PER_DAY;
const LAST_COVERED_DAY = Date.UTC(BANK_HOLIDAYS_LAST_YEAR + 1, 0, 1) / MS_PER_DAY - 1;
const BANK_HOLIDAY_DAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map(dayNumberOf));

/** Whether working days can be counted from or to `isoDate` (YYYY-MM-DD): it falls in the bank-holiday years held. */
export function isCountableDate(isoDate: string): boolean {
  const day = Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
  return Number.isInteger(day) && day >= FIRST_COVERED_DAY && day <= LAST_COVERED_DAY;
}

/** The years `isCountableDate` accepts, for messages. */
export const countableYears = `${BANK_HOLIDAYS_FIRST_YEAR} to ${BANK_HOLIDAYS_LAST_YEAR}`;

function assertCovered(dayNumber: number): void {
  if (dayNumber < FIRST_COVERED_DAY || dayNumber > LAST_COVERED_DAY) {
    throw new RangeError(
      `${isoDateOf(dayNumber)} is outside the bank holidays we hold (${BANK_HOLIDAYS_FIRST_YEAR}–${BANK_HOLIDAYS_LAST_YEAR}); ` +
        "run scripts/refresh-bank-holidays.ts and extend app/bank-holidays.ts",
    );
  }
}

function isWorkingDayNumber(dayNumber: number): boolean {
  assertCovered(dayNumber);
  // Day 0, 1 January 1970, was a Thursday (4); Sunday is 0 and Saturday 6.
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAY_DAYS.has(dayNumber);
}

function nextWorkingDayNumber(dayNumber: number): number {
  let day = dayNumber + 1;
  while (!isWorkingDayNumber(day)) day++;
  return day;
}

/** The day counting starts from: the day itself if a working day, else the next one. */
function receivedDayNumber(dayNumber: number): number {
  return isWorkingDayNumber(dayNumber) ? dayNumber : nextWorkingDayNumber(dayNumber);
}

/** True for an England and Wales bank holiday (including substitute and one-off days). */
export function isBankHoliday(date: DateInput): boolean {
  const dayNumber = toDayNumber(date);
  assertCovered(dayNumber);
  return BANK_HOLIDAY_DAYS.has(dayNumber);
}

/** Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: DateInput): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/**
 * The date `n` working days after `start` (ISO `YYYY-MM-DD`), using the rule
 * at the top of this file. n = 0 gives the day counting starts from.
 */
export function addWorkingDays(start: DateInput, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number ≥ 0, got ${n}`);
  let day = receivedDayNumber(toDayNumber(start));
  for (let i = 0; i < n; i++) day = nextWorkingDayNumber(day);
  return isoDateOf(day);
}

/**
 * The working day `n` working days before `end`: addWorkingDays(subtractWorkingDays(e, n), n) === e for a working day
 * `e`. From a day that is not one (a date stored before a one-off bank holiday was announced, say), counting starts
 * from the working day before it.
 */
export function subtractWorkingDays(end: DateInput, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days to take away must be a whole number ≥ 0, got ${n}`);
  let day = toDayNumber(end);
  assertCovered(day);
  while (!isWorkingDayNumber(day)) {
    day--;
    assertCovered(day);
  }
  for (let i = 0; i < n; ) {
    day--;
    assertCovered(day);
    if (isWorkingDayNumber(day)) i++;
  }
  return isoDateOf(day);
}

/**
 * Working days used up by `end` for something submitted on `start`, counted
 * like addWorkingDays so that workingDaysBetween(s, addWorkingDays(s, n)) === n.
 * Working days remaining on a 10-day target: 10 - workingDaysBetween(s, today).
 * Returns 0 until the first counted day; throws if `end` is before `start`.
 */
export function workingDaysBetween(start: DateInput, end: DateInput): number {
  const startDay = toDayNumber(start);
  const endDay = toDayNumber(end);
  if (endDay < startDay) throw new RangeError(`end ${isoDateOf(endDay)} is before start ${isoDateOf(startDay)}`);
  assertCovered(endDay);
  let count = 0;
  for (let day = receivedDayNumber(startDay) + 1; day <= endDay; day++) {
    if (isWorkingDayNumber(day)) count++;
  }
  return count;
}
