/**
 * Refreshes app/bank-holidays.ts from GOV.UK's England and Wales list.
 *
 *   npx tsx scripts/refresh-bank-holidays.ts
 *
 * GOV.UK only publishes a few years ahead, so published years replace the
 * bundled ones and the rest of 2017–2030 keeps the bundled (rule-projected)
 * dates. Exits 1 without touching the file if the feed cannot be fetched or
 * does not look right: a bad list would silently move statutory deadlines.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

import { z } from "zod";

import {
  BANK_HOLIDAYS_FIRST_YEAR,
  BANK_HOLIDAYS_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from "../app/bank-holidays";

export const GOV_UK_BANK_HOLIDAYS_URL = "https://www.gov.uk/bank-holidays.json";
const TARGET_FILE = fileURLToPath(new URL("../app/bank-holidays.ts", import.meta.url));
const FETCH_TIMEOUT_MS = 15_000;

/** Only the fields we use; unknown keys (other divisions, bunting, notes) are ignored. */
export const govUkBankHolidaysSchema = z.object({
  "england-and-wales": z.object({
    division: z.literal("england-and-wales"),
    events: z.array(z.object({ title: z.string().min(1), date: z.iso.date() })).min(1),
  }),
});

export interface YearRange {
  first: number;
  last: number;
}

export interface MergeResult {
  /** Ascending, unique ISO dates within the range. */
  dates: string[];
  /** Years taken wholesale from the published list. */
  publishedYears: number[];
  added: string[];
  removed: string[];
  warnings: string[];
}

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

function groupByYear(dates: readonly string[], range: YearRange): Map<number, string[]> {
  const byYear = new Map<number, string[]>();
  for (const date of dates) {
    const year = yearOf(date);
    if (year < range.first || year > range.last) continue;
    const list = byYear.get(year) ?? [];
    if (!list.includes(date)) list.push(date);
    byYear.set(year, list);
  }
  for (const list of byYear.values()) list.sort();
  return byYear;
}

/**
 * A year counts as published only if it runs from New Year (January) to
 * Christmas (December); a feed that stops mid-year must not drop the
 * bundled dates for the rest of that year.
 */
function isCompleteYear(dates: readonly string[]): boolean {
  return dates.some((d) => d.slice(5, 7) === "01") && dates.some((d) => d.slice(5, 7) === "12");
}

function isWeekday(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Guards against a feed that parses but is not a plausible bank-holiday year. */
function assertPlausibleYear(year: number, dates: readonly string[]): void {
  if (dates.length < 8) throw new Error(`published ${year} has only ${dates.length} bank holidays (expected at least 8)`);
  const weekend = dates.filter((d) => !isWeekday(d));
  if (weekend.length > 0) throw new Error(`published ${year} has bank holidays on a weekend: ${weekend.join(", ")}`);
}

/**
 * Pure merge: complete published years win over bundled ones (GOV.UK is the
 * authority, and moved holidays such as 4 → 8 May 2020 must disappear, so a
 * union would be wrong); incomplete or missing years keep the bundled list.
 */
export function mergeBankHolidays(
  bundled: readonly string[],
  published: readonly string[],
  range: YearRange = { first: BANK_HOLIDAYS_FIRST_YEAR, last: BANK_HOLIDAYS_LAST_YEAR },
): MergeResult {
  const bundledByYear = groupByYear(bundled, range);
  const publishedByYear = groupByYear(published, range);
  const dates: string[] = [];
  const publishedYears: number[] = [];
  const warnings: string[] = [];

  for (let year = range.first; year <= range.last; year++) {
    const ours = bundledByYear.get(year) ?? [];
    const theirs = publishedByYear.get(year) ?? [];
    if (theirs.length > 0 && isCompleteYear(theirs)) {
      assertPlausibleYear(year, theirs);
      dates.push(...theirs);
      publishedYears.push(year);
      continue;
    }
    if (theirs.length > 0 && theirs.some((d) => !ours.includes(d))) {
      warnings.push(`${year} is only partly published and differs from the bundled list; kept the bundled dates, check by hand`);
    }
    if (ours.length === 0) warnings.push(`${year} has no bank holidays in either list`);
    dates.push(...ours);
  }

  const before = new Set(bundled.filter((d) => yearOf(d) >= range.first && yearOf(d) <= range.last));
  const after = new Set(dates);
  return {
    dates,
    publishedYears,
    added: dates.filter((d) => !before.has(d)),
    removed: [...before].filter((d) => !after.has(d)).sort(),
    warnings,
  };
}

/** Source of app/bank-holidays.ts; one line per year keeps diffs reviewable. */
export function renderBankHolidaysModule(dates: readonly string[], range: YearRange): string {
  const lines: string[] = [];
  for (let year = range.first; year <= range.last; year++) {
    const ofYear = dates.filter((d) => yearOf(d) === year);
    if (ofYear.length > 0) lines.push(`  ${ofYear.map((d) => JSON.stringify(d)).join(", ")},`);
  }
  return `// England and Wales bank holidays. Regenerate with: npx tsx scripts/refresh-bank-holidays.ts
// Years GOV.UK has published come from ${GOV_UK_BANK_HOLIDAYS_URL}; later years follow the usual
// rules and may change if a one-off holiday is announced. app/working-days.test.ts checks every
// year against the rules and the known one-offs.

export const BANK_HOLIDAYS_FIRST_YEAR = ${range.first};
export const BANK_HOLIDAYS_LAST_YEAR = ${range.last};

/** ISO dates, ascending; substitute days are listed instead of the weekend date. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
${lines.join("\n")}
];
`;
}

async function fetchPublishedDates(): Promise<string[]> {
  const response = await fetch(GOV_UK_BANK_HOLIDAYS_URL, {
    headers: { accept: "application/json" },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  const feed = govUkBankHolidaysSchema.parse(await response.json());
  return feed["england-and-wales"].events.map((event) => event.date);
}

function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return `unexpected format:\n${z.prettifyError(error)}`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

async function main(): Promise<number> {
  let published: string[];
  try {
    published = await fetchPublishedDates();
  } catch (error) {
    console.error(`Could not get bank holidays from ${GOV_UK_BANK_HOLIDAYS_URL}: ${describeError(error)}`);
    console.error("app/bank-holidays.ts was not changed.");
    return 1;
  }

  const range = { first: BANK_HOLIDAYS_FIRST_YEAR, last: BANK_HOLIDAYS_LAST_YEAR };
  let result: MergeResult;
  try {
    result = mergeBankHolidays(ENGLAND_AND_WALES_BANK_HOLIDAYS, published, range);
  } catch (error) {
    console.error(`GOV.UK list rejected: ${describeError(error)}\napp/bank-holidays.ts was not changed.`);
    return 1;
  }
  for (const warning of result.warnings) console.warn(`Warning: ${warning}`);

  const source = renderBankHolidaysModule(result.dates, range);
  if (source === (await readFile(TARGET_FILE, "utf8"))) {
    console.log(`app/bank-holidays.ts is up to date (published years: ${result.publishedYears.join(", ") || "none"}).`);
    return 0;
  }
  await writeFile(TARGET_FILE, source);
  console.log(`Rewrote app/bank-holidays.ts (published years: ${result.publishedYears.join(", ") || "none"}).`);
  console.log(`Added: ${result.added.join(", ") || "none"}`);
  console.log(`Removed: ${result.removed.join(", ") || "none"}`);
  console.log("Review the diff and run the working-days tests before committing.");
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`Refresh failed: ${describeError(error)}`);
      process.exitCode = 1;
    },
  );
}
