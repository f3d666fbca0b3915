import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import {
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from "../app/bank-holidays";
import { govUkBankHolidaysSchema, mergeBankHolidays, renderBankHolidaysModule } from "./refresh-bank-holidays";

const RANGE = { first: 2020, last: 2022 };

const bundled2020 = ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-04", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"];
const published2020 = bundled2020.map((d) => (d === "2020-05-04" ? "2020-05-08" : d));
const bundled2021 = ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"];
const bundled2022 = ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-05-30", "2022-08-29", "2022-12-26", "2022-12-27"];

describe("govUkBankHolidaysSchema", () => {
  const feed = {
    "england-and-wales": {
      division: "england-and-wales",
      events: [{ title: "New Year’s Day", date: "2025-01-01", notes: "", bunting: true }],
    },
    scotland: { division: "scotland", events: [] },
  };

  it("accepts the GOV.UK shape, ignoring other divisions and fields", () => {
    const parsed = govUkBankHolidaysSchema.parse(feed);
    expect(parsed["england-and-wales"].events).toEqual([{ title: "New Year’s Day", date: "2025-01-01" }]);
  });

  it.each([
    ["missing division", { scotland: feed.scotland }],
    ["wrong division", { "england-and-wales": { ...feed["england-and-wales"], division: "scotland" } }],
    ["no events", { "england-and-wales": { division: "england-and-wales", events: [] } }],
    ["bad date", { "england-and-wales": { division: "england-and-wales", events: [{ title: "x", date: "01/01/2025" }] } }],
    ["impossible date", { "england-and-wales": { division: "england-and-wales", events: [{ title: "x", date: "2025-02-30" }] } }],
  ])("rejects %s", (_label, input) => {
    expect(govUkBankHolidaysSchema.safeParse(input).success).toBe(false);
  });
});

describe("mergeBankHolidays", () => {
  const bundled = [...bundled2020, ...bundled2021, ...bundled2022];

  it("lets a complete published year replace the bundled one, so moved holidays disappear", () => {
    const result = mergeBankHolidays(bundled, [...published2020, ...bundled2021], RANGE);
    expect(result.dates).toContain("2020-05-08");
    expect(result.dates).not.toContain("2020-05-04");
    expect(result.added).toEqual(["2020-05-08"]);
    expect(result.removed).toEqual(["2020-05-04"]);
    expect(result.publishedYears).toEqual([2020, 2021]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps bundled years GOV.UK has not published", () => {
    const result = mergeBankHolidays(bundled, published2020, RANGE);
    expect(result.dates.filter((d) => d.startsWith("2021-") || d.startsWith("2022-"))).toEqual([...bundled2021, ...bundled2022]);
    expect(result.publishedYears).toEqual([2020]);
  });

  it("adds one-off holidays from a published year", () => {
    const published2022 = [...bundled2022.filter((d) => d !== "2022-05-30"), "2022-06-02", "2022-06-03", "2022-09-19"];
    const result = mergeBankHolidays(bundled, published2022, RANGE);
    expect(result.added).toEqual(["2022-06-02", "2022-06-03", "2022-09-19"]);
    expect(result.removed).toEqual(["2022-05-30"]);
  });

  it("keeps the bundled dates for a year published only in part, with a warning", () => {
    const partial = ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02"];
    const result = mergeBankHolidays(bundled, partial, RANGE);
    expect(result.dates.filter((d) => d.startsWith("2022-"))).toEqual(bundled2022);
    expect(result.publishedYears).toEqual([]);
    expect(result.warnings).toEqual([expect.stringContaining("2022 is only partly published")]);
  });

  it("drops dates outside the range and returns a sorted, unique list", () => {
    const published = [...bundled2021].reverse().concat(["2021-01-01", "2019-12-25", "2023-01-02"]);
    const result = mergeBankHolidays(bundled, published, RANGE);
    expect(result.dates).toEqual(bundled);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it("warns about a year neither list has", () => {
    const result = mergeBankHolidays(bundled2020, [], RANGE);
    expect(result.warnings).toEqual([expect.stringContaining("2021 has no bank holidays"), expect.stringContaining("2022 has no")]);
  });

  it("refuses an implausible published year instead of writing it", () => {
    const short = ["2021-01-01", "2021-12-27"];
    expect(() => mergeBankHolidays(bundled, short, RANGE)).toThrow(/only 2 bank holidays/);
    const weekend = bundled2021.map((d) => (d === "2021-12-27" ? "2021-12-25" : d));
    expect(() => mergeBankHolidays(bundled, weekend, RANGE)).toThrow(/weekend: 2021-12-25/);
  });

  it("changes nothing when the published list agrees with the bundled one", () => {
    const result = mergeBankHolidays(ENGLAND_AND_WALES_BANK_HOLIDAYS, ENGLAND_AND_WALES_BANK_HOLIDAYS);
    expect(result.dates).toEqual([...ENGLAND_AND_WALES_BANK_HOLIDAYS]);
    expect(result.publishedYears).toHaveLength(14);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });
});

describe("renderBankHolidaysModule", () => {
  it("reproduces app/bank-holidays.ts exactly, so a refresh with no news is a no-op", () => {
    const source = renderBankHolidaysModule(ENGLAND_AND_WALES_BANK_HOLIDAYS, {
      first: BANK_HOLIDAYS_FIRST_YEAR,
      last: BANK_HOLIDAYS_LAST_YEAR,
    });
    expect(source).toBe(readFileSync(new URL("../app/bank-holidays.ts", import.meta.url), "utf8"));
  });

  it("writes one line per year with the range constants", () => {
    const source = renderBankHolidaysModule([...bundled2020, ...bundled2022], RANGE);
    expect(source).toContain("export const BANK_HOLIDAYS_FIRST_YEAR = 2020;");
    expect(source).toContain("export const BANK_HOLIDAYS_LAST_YEAR = 2022;");
    expect(source).toContain(`  ${bundled2020.map((d) => `"${d}"`).join(", ")},\n`);
    expect(source.match(/^ {2}"/gm)).toHaveLength(2);
  });
});
