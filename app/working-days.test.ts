import { describe, expect, it } from "vitest";

import {
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from "./bank-holidays";
import { addWorkingDays, isBankHoliday, isWorkingDay, londonDate, subtractWorkingDays, workingDaysBetween } from "./working-days";

// --- An independent statement of the rules, to check the bundled list -------

const iso = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const plusDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isWeekend = (date: string): boolean => weekdayOf(date) === 0 || weekdayOf(date) === 6;

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): string {
  let date = iso(year, month, 1);
  while (weekdayOf(date) !== 1) date = plusDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): string {
  let date = plusDays(iso(year, month + 1, 1), -1);
  while (weekdayOf(date) !== 1) date = plusDays(date, -1);
  return date;
}

/** Weekend holidays move to the next weekday not already taken (Christmas before Boxing Day). */
function withSubstitutes(dates: string[]): string[] {
  const taken: string[] = [];
  for (const date of dates) {
    let day = date;
    while (isWeekend(day) || taken.includes(day)) day = plusDays(day, 1);
    taken.push(day);
  }
  return taken;
}

/** Statutory one-offs by royal proclamation; the only departures from the rules in range. */
const ONE_OFFS: Record<number, { moved?: Record<string, string>; extra?: string[] }> = {
  2020: { moved: { "2020-05-04": "2020-05-08" } }, // early May moved to Friday for VE Day 75
  2022: {
    moved: { "2022-05-30": "2022-06-02" }, // spring moved for the Platinum Jubilee
    extra: ["2022-06-03", "2022-09-19"], // Platinum Jubilee; State Funeral of Queen Elizabeth II
  },
  2023: { extra: ["2023-05-08"] }, // Coronation of King Charles III
};

function ruleHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const usual = [
    ...withSubstitutes([iso(year, 1, 1)]),
    plusDays(easter, -2),
    plusDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...withSubstitutes([iso(year, 12, 25), iso(year, 12, 26)]),
  ];
  const oneOff = ONE_OFFS[year] ?? {};
  const moved = usual.map((date) => oneOff.moved?.[date] ?? date);
  return [...moved, ...(oneOff.extra ?? [])].sort();
}

describe("bundled England and Wales bank holidays", () => {
  it("covers 2017 to 2030", () => {
    expect(BANK_HOLIDAYS_FIRST_YEAR).toBe(2017);
    expect(BANK_HOLIDAYS_LAST_YEAR).toBe(2030);
  });

  it("is sorted, unique, on weekdays and inside the range", () => {
    const list = [...ENGLAND_AND_WALES_BANK_HOLIDAYS];
    expect(list).toEqual([...new Set(list)].sort());
    expect(list.filter(isWeekend)).toEqual([]);
    expect(list.every((d) => Number(d.slice(0, 4)) >= 2017 && Number(d.slice(0, 4)) <= 2030)).toBe(true);
  });

  it.each(Array.from({ length: 14 }, (_, i) => 2017 + i))("matches the rules and one-offs for %i", (year) => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`))).toEqual(ruleHolidays(year));
  });

  it("has the one-off days and not the days they replaced", () => {
    for (const date of ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]) {
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS, date).toContain(date);
      expect(isBankHoliday(date), date).toBe(true);
    }
    for (const date of ["2020-05-04", "2022-05-30"]) {
      expect(ENGLAND_AND_WALES_BANK_HOLIDAYS, date).not.toContain(date);
      expect(isWorkingDay(date), date).toBe(true);
    }
  });

  it("has the expected number of holidays per year", () => {
    const count = (year: number): number => ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`)).length;
    expect(count(2022)).toBe(10);
    expect(count(2023)).toBe(9);
    for (const year of [2017, 2018, 2019, 2020, 2021, 2024, 2025, 2026, 2027, 2028, 2029, 2030]) expect(count(year)).toBe(8);
  });

  it("checks the computus against known Easter Sundays", () => {
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("puts substitute days where GOV.UK does", () => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toEqual(
      expect.arrayContaining(["2017-01-02", "2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27"]),
    );
    expect(isBankHoliday("2022-12-26")).toBe(true); // Boxing Day on the Monday, Christmas substitute Tuesday
  });
});

describe("londonDate", () => {
  it.each([
    ["GMT evening stays the same day", "2025-01-31T23:30:00Z", "2025-01-31"],
    ["BST: 23:30 UTC on 31 March is 1 April", "2025-03-31T23:30:00Z", "2025-04-01"],
    ["last GMT evening before clocks go forward", "2025-03-29T23:30:00Z", "2025-03-29"],
    ["00:59 UTC on change day is still 00:59 GMT", "2025-03-30T00:59:00Z", "2025-03-30"],
    ["first BST midnight", "2025-03-30T23:00:00Z", "2025-03-31"],
    ["just before a BST midnight", "2025-03-30T22:59:59Z", "2025-03-30"],
    ["BST midnight before clocks go back", "2025-10-25T23:00:00Z", "2025-10-26"],
    ["23:30 UTC after clocks go back is GMT", "2025-10-26T23:30:00Z", "2025-10-26"],
    ["midsummer midnight", "2024-06-30T23:00:00Z", "2024-07-01"],
    ["new year in GMT", "2024-12-31T23:59:59Z", "2024-12-31"],
  ])("%s", (_label, instant, expected) => {
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it("turns over at midnight, second by second, however often it is asked within a minute", () => {
    expect(londonDate(new Date("2025-10-25T22:59:00Z"))).toBe("2025-10-25");
    expect(londonDate(new Date("2025-10-25T22:59:59.999Z"))).toBe("2025-10-25");
    expect(londonDate(new Date("2025-10-25T23:00:00Z"))).toBe("2025-10-26");
    expect(londonDate(new Date("2025-10-25T22:59:30Z"))).toBe("2025-10-25");
    expect(londonDate(new Date("2025-01-31T23:59:59Z"))).toBe("2025-01-31");
    expect(londonDate(new Date("2025-02-01T00:00:00Z"))).toBe("2025-02-01");
  });

  it("rejects an invalid Date", () => {
    expect(() => londonDate(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2025-01-06", true], // Monday
    ["2025-01-10", true], // Friday
    ["2025-01-11", false], // Saturday
    ["2025-01-12", false], // Sunday
    ["2024-12-25", false],
    ["2025-04-18", false], // Good Friday
    ["2025-04-21", false], // Easter Monday
    ["2025-04-22", true],
    ["2022-09-19", false], // State Funeral
  ])("%s → %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("reads a Date in London time", () => {
    expect(isWorkingDay(new Date("2025-04-17T22:59:00Z"))).toBe(true); // 23:59 BST Thursday
    expect(isWorkingDay(new Date("2025-04-17T23:00:00Z"))).toBe(false); // 00:00 BST Good Friday
  });

  it.each(["2025-02-29", "2025-13-01", "2025-1-6", "6/1/2025", "", "2025-01-06T10:00:00Z"])("rejects %j", (input) => {
    expect(() => isWorkingDay(input)).toThrow(RangeError);
  });

  it("refuses dates whose bank holidays it does not hold", () => {
    expect(() => isWorkingDay("2016-12-30")).toThrow(/outside the bank holidays/);
    expect(() => isWorkingDay("2031-01-02")).toThrow(/outside the bank holidays/);
    expect(isWorkingDay("2017-01-03")).toBe(true);
    expect(isWorkingDay("2030-12-31")).toBe(true);
  });
});

describe("addWorkingDays", () => {
  it("skips Christmas, Boxing Day and New Year's Day: Thu 19 Dec 2024 + 10 = Tue 7 Jan 2025", () => {
    expect(addWorkingDays("2024-12-19", 10)).toBe("2025-01-07");
    expect(addWorkingDays("2024-12-19", 1)).toBe("2024-12-20");
    expect(addWorkingDays("2024-12-19", 3)).toBe("2024-12-24");
    expect(addWorkingDays("2024-12-19", 4)).toBe("2024-12-27");
    expect(addWorkingDays("2024-12-19", 7)).toBe("2025-01-02");
  });

  it("skips Easter 2025 and the early May bank holiday", () => {
    expect(addWorkingDays("2025-04-17", 1)).toBe("2025-04-22");
    expect(addWorkingDays("2025-04-16", 10)).toBe("2025-05-02");
    expect(addWorkingDays("2025-04-16", 11)).toBe("2025-05-06");
  });

  it("follows the 2022 Platinum Jubilee: 30 May worked, 2 and 3 June off", () => {
    expect(addWorkingDays("2022-05-27", 1)).toBe("2022-05-30");
    expect(addWorkingDays("2022-05-27", 5)).toBe("2022-06-07");
    expect(addWorkingDays("2022-06-01", 1)).toBe("2022-06-06");
  });

  it("treats a weekend submission as received on the next working day", () => {
    // Sat 4 and Sun 5 Jan 2025 count from Mon 6 Jan, which itself is day 0.
    expect(addWorkingDays("2025-01-04", 1)).toBe("2025-01-07");
    expect(addWorkingDays("2025-01-05", 1)).toBe("2025-01-07");
    expect(addWorkingDays("2025-01-04", 10)).toBe(addWorkingDays("2025-01-06", 10));
    expect(addWorkingDays("2025-01-04", 10)).toBe("2025-01-20");
    expect(addWorkingDays("2025-01-03", 1)).toBe("2025-01-06"); // Friday is a working day
  });

  it("treats a bank-holiday submission the same way", () => {
    expect(addWorkingDays("2024-12-25", 1)).toBe("2024-12-30"); // received Fri 27 Dec
    expect(addWorkingDays("2025-04-18", 1)).toBe("2025-04-23"); // Good Friday → received Tue 22 Apr
  });

  it("with n = 0 gives the day counting starts from", () => {
    expect(addWorkingDays("2025-01-08", 0)).toBe("2025-01-08");
    expect(addWorkingDays("2025-01-04", 0)).toBe("2025-01-06");
  });

  it("reads a Date submission in London time", () => {
    // 23:30 UTC on Thu 17 Apr 2025 is 00:30 BST on Good Friday.
    expect(addWorkingDays(new Date("2025-04-17T23:30:00Z"), 1)).toBe("2025-04-23");
    expect(addWorkingDays(new Date("2025-04-17T22:30:00Z"), 1)).toBe("2025-04-22");
    // In GMT, UTC and London agree: 23:30 UTC Thu 19 Dec is still Thursday.
    expect(addWorkingDays(new Date("2024-12-19T23:30:00Z"), 10)).toBe("2025-01-07");
  });

  it("rejects negative or fractional counts and dates beyond the data", () => {
    expect(() => addWorkingDays("2025-01-06", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-01-06", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-01-06", Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays("2030-12-20", 10)).toThrow(/outside the bank holidays/);
  });
});

describe("workingDaysBetween", () => {
  it("counts the way addWorkingDays does", () => {
    expect(workingDaysBetween("2024-12-19", "2025-01-07")).toBe(10);
    expect(workingDaysBetween("2024-12-19", "2024-12-19")).toBe(0);
    expect(workingDaysBetween("2024-12-19", "2024-12-26")).toBe(3);
    expect(workingDaysBetween("2025-01-04", "2025-01-06")).toBe(0); // weekend submission, Monday is day 0
    expect(workingDaysBetween("2025-01-04", "2025-01-07")).toBe(1);
    expect(workingDaysBetween("2025-01-04", "2025-01-04")).toBe(0);
    expect(workingDaysBetween(new Date("2025-04-17T23:30:00Z"), "2025-04-23")).toBe(1);
  });

  it("inverts addWorkingDays for every start day of 2024 and n from 0 to 25", () => {
    const mismatches: string[] = [];
    for (let offset = 0; offset < 366; offset++) {
      const start = plusDays("2024-01-01", offset);
      for (let n = 0; n <= 25; n++) {
        const end = addWorkingDays(start, n);
        if (workingDaysBetween(start, end) !== n) mismatches.push(`${start} + ${n}`);
        // The deadline is the first day on which n working days have been used.
        if (n > 0 && workingDaysBetween(start, plusDays(end, -1)) !== n - 1) mismatches.push(`${start} + ${n} - 1 day`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("rejects an end before the start", () => {
    expect(() => workingDaysBetween("2025-01-07", "2025-01-06")).toThrow(RangeError);
  });
});

describe("subtractWorkingDays", () => {
  it("goes back over weekends and bank holidays, undoing addWorkingDays", () => {
    // 20 working days before Friday 15 January 2027, over Christmas, Boxing Day's substitute and New Year's Day.
    expect(subtractWorkingDays("2027-01-15", 20)).toBe("2026-12-15");
    expect(addWorkingDays("2026-12-15", 20)).toBe("2027-01-15");
    for (const start of ["2026-12-17", "2027-03-24", "2027-08-27"]) {
      for (const n of [0, 1, 5, 20, 30]) expect(subtractWorkingDays(addWorkingDays(start, n + 1), n)).toBe(addWorkingDays(start, 1));
    }
  });

  it("counts from the working day before a day that is not one, and takes only a whole number", () => {
    // Saturday 16 January 2027: from Friday the 15th.
    expect(subtractWorkingDays("2027-01-16", 1)).toBe("2027-01-14");
    expect(subtractWorkingDays("2027-01-16", 0)).toBe("2027-01-15");
    expect(() => subtractWorkingDays("2027-01-15", -1)).toThrow(RangeError);
  });
});
