// `npm run report`: the annual report for a financial year (`--year 2025` is 1 April 2025 to 31 March 2026) or
// any past period (`--from`, `--to`), written to `reports/` as HTML and CSV, and PDF with `--pdf`.
//
// Bad input (a malformed or future date, --to before --from, a folder that cannot be written) is one line naming
// the problem and exit code 2, before any record is read. Files are written under temporary names in the same
// folder and renamed into place only once all of them are complete, so a failure leaves no half-written file.
import { randomBytes } from "node:crypto";
import { access, constants, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { ReportInput, ReportTimetable } from "~/cases/case-record";
import { makeFolderSync } from "~/services/folders.server";
import { buildReport } from "./report-document";
import { renderReportCsv } from "./report-csv";
import { renderReportHtml } from "./report-html";
import { addDays, financialYear, formatDate, isCalendarDate, periodFileStem, periodName, type ReportPeriod } from "./report-period";

export const reportUsage = `Usage: npm run report -- (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD) [--suppress-below N] [--pdf] [--out DIR]
  --year YYYY          the financial year from 1 April YYYY to 31 March of the next year
  --from, --to         any period that has ended, both days included
  --suppress-below N   show counts from 1 to N-1 as "fewer than N" (N from 2 to 100; default: every count shown)
  --pdf                also print the report to PDF with Chromium (CHROME_PATH, or /usr/bin/chromium)
  --out DIR            the folder to write to (default: reports)`;

export interface ReportOptions {
  period: ReportPeriod;
  suppressBelow: number | null;
  pdf: boolean;
  out: string;
}

export type ParsedArguments = { kind: "report"; options: ReportOptions } | { kind: "help" } | { kind: "problem"; message: string };

const date = (option: string) =>
  z
    .string({ error: `${option} needs a date, such as 2025-04-01` })
    .refine(isCalendarDate, { error: (issue) => `${option} ${String(issue.input)} is not a date in the form YYYY-MM-DD` });

const argumentsSchema = z
  .strictObject({
    year: z
      .string()
      .regex(/^\d{4}$/, { error: (issue) => `--year ${String(issue.input)} is not a year such as 2025` })
      .transform(Number)
      .refine((year) => year >= 1990, { error: "--year must be 1990 or later" })
      .optional(),
    from: date("--from").optional(),
    to: date("--to").optional(),
    "suppress-below": z
      .string()
      .regex(/^\d+$/, { error: (issue) => `--suppress-below ${String(issue.input)} is not a whole number` })
      .transform(Number)
      .refine((n) => n >= 2 && n <= 100, { error: "--suppress-below must be from 2 to 100" })
      .optional(),
    pdf: z.boolean().default(false),
    out: z.string().trim().min(1, { error: "--out needs a folder" }).default("reports"),
    help: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.help) return;
    if (value.year !== undefined && (value.from !== undefined || value.to !== undefined)) {
      ctx.addIssue({ code: "custom", message: "give --year, or --from and --to, not both" });
    } else if (value.year === undefined && (value.from === undefined || value.to === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: value.from === undefined && value.to === undefined ? "say which period: --year 2025, or --from YYYY-MM-DD --to YYYY-MM-DD" : `${value.from === undefined ? "--from" : "--to"} is missing`,
      });
    } else if (value.from !== undefined && value.to !== undefined && value.to < value.from) {
      ctx.addIssue({ code: "custom", message: `--to ${value.to} is before --from ${value.from}` });
    }
  });

/** The command's arguments, checked against today's date in London (a period must have ended to be reported). */
export function parseReportArguments(argv: readonly string[], today: string): ParsedArguments {
  let raw: Record<string, unknown>;
  try {
    raw = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        year: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        "suppress-below": { type: "string" },
        pdf: { type: "boolean" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    // Node says "Unknown option '--yaer'. To specify a positional argument starting with a '-', …": keep the first sentence.
    return { kind: "problem", message: (error instanceof Error ? error.message : String(error)).split(/\.\s/)[0]!.replace(/\.$/, "") };
  }
  const parsed = argumentsSchema.safeParse(raw);
  if (!parsed.success) return { kind: "problem", message: parsed.error.issues[0]!.message };
  const value = parsed.data;
  if (value.help) return { kind: "help" };
  const yesterday = addDays(today, -1);
  let period: ReportPeriod;
  if (value.year !== undefined) {
    period = financialYear(value.year);
    const name = periodName(period);
    if (period.from > today) return { kind: "problem", message: `--year ${value.year}: the financial year ${name} has not started yet` };
    if (period.to >= today) {
      const soFar = yesterday >= period.from ? `for the year so far use --from ${period.from} --to ${yesterday}` : "it began today, so there is nothing to report yet";
      return { kind: "problem", message: `--year ${value.year}: the financial year ${name} runs to ${formatDate(period.to)}, which has not passed; ${soFar}` };
    }
  } else {
    period = { from: value.from!, to: value.to! };
    if (period.from > today) return { kind: "problem", message: `--from ${period.from} is in the future` };
    if (period.to > today) return { kind: "problem", message: `--to ${period.to} is in the future (today is ${today})` };
    // Today has not ended: what arrives later today would be missing from a report that says it covers the day.
    if (period.to === today) {
      const latest = yesterday >= period.from ? `a report can run to ${yesterday} at the latest` : "a report needs at least one day that has ended";
      return { kind: "problem", message: `--to ${period.to} is today, which has not ended; ${latest}` };
    }
  }
  return { kind: "report", options: { period, suppressBelow: value["suppress-below"] ?? null, pdf: value.pdf, out: value.out } };
}

/** A problem to stop on: its one line, and the exit code (2 for the person's input, 1 for anything else). */
export class ReportError extends Error {
  override name = "ReportError";
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export interface ReportDependencies {
  /** Reads the anonymous records for the period and the one before it (the database, or anything else). */
  loadReportInput(period: ReportPeriod): Promise<ReportInput>;
  council: { councilName: string; serviceName: string };
  timetable: ReportTimetable;
  /** Today in London, YYYY-MM-DD: the date the report says it was made. */
  today: string;
  /** Prints the HTML to a PDF file, A4. */
  printPdf(html: string, file: string): Promise<void>;
}

function folderProblem(folder: string, error: unknown): ReportError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EROFS"
        ? "the file system is read-only"
        : code === "ENOTDIR" || code === "EEXIST"
          ? "something in the way is a file, not a folder"
          : code === "ENOSPC"
            ? "the disk is full"
            : code === "ENOENT"
              ? "no folder can be made there"
              : (error as Error).message;
  return new ReportError(`cannot write to ${folder}: ${why}`, 2);
}

/** Makes the folder if need be, and proves a file can be written in it, before anything is read. */
async function prepareFolder(folder: string, shown: string): Promise<void> {
  try {
    // A file where the folder should be is refused there (EEXIST).
    makeFolderSync(folder);
    await access(folder, constants.W_OK);
  } catch (error) {
    throw folderProblem(shown, error);
  }
}

/** Writes the report's files; returns their paths as the person gave the folder, and what to say about small numbers. */
export async function writeReport(options: ReportOptions, dependencies: ReportDependencies): Promise<{ written: string[]; smallNumbersNote: string | null }> {
  const folder = path.resolve(options.out);
  const shownFolder = options.out.endsWith("/") ? options.out : `${options.out}/`;
  await prepareFolder(folder, shownFolder);

  let input: ReportInput;
  try {
    input = await dependencies.loadReportInput(options.period);
  } catch (error) {
    throw new ReportError(`could not read the records: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, 1);
  }
  const report = buildReport(input, options.period, {
    ...dependencies.council,
    timetable: dependencies.timetable,
    madeOn: dependencies.today,
    suppressBelow: options.suppressBelow,
  });
  const html = renderReportHtml(report);
  const stem = `annual-report-${periodFileStem(options.period)}`;
  const outputs: { name: string; write: (file: string) => Promise<void> }[] = [
    { name: `${stem}.html`, write: (file) => writeFile(file, html, { flag: "wx" }) },
    { name: `${stem}.csv`, write: (file) => writeFile(file, renderReportCsv(report), { flag: "wx" }) },
    ...(options.pdf ? [{ name: `${stem}.pdf`, write: (file: string) => dependencies.printPdf(html, file) }] : []),
  ];
  const temporary = outputs.map((output) => path.join(folder, `.${output.name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`));
  try {
    for (const [index, output] of outputs.entries()) {
      try {
        await output.write(temporary[index]!);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code) throw folderProblem(shownFolder, error);
        throw new ReportError(`could not make ${output.name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, 1);
      }
    }
    for (const [index, output] of outputs.entries()) await rename(temporary[index]!, path.join(folder, output.name));
  } catch (error) {
    await Promise.all(temporary.map((file) => rm(file, { force: true })));
    throw error instanceof ReportError ? error : folderProblem(shownFolder, error);
  }
  return { written: outputs.map((output) => path.join(options.out, output.name)), smallNumbersNote: report.smallNumbersNote };
}
