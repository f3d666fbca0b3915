// Every figure in the report as CSV, one line each (section, figure, period, value, previous value), drawn from
// the same tables as the HTML with the same small-number suppression. Tables the HTML leaves out because
// everything in them is 0 are still listed, so the file has the same lines every year. A figure stated in two
// tables is listed once, where it belongs.
import type { Shown } from "./disclosure";
import type { Figure } from "./figures";
import type { ReportDocument } from "./report-document";
import { say, shownText } from "./report-words";

/** A field as RFC 4180 writes it; text a spreadsheet would run as a formula is made plain text first. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** No number at all (a median with no replies, or no previous figures) is an empty field. */
const csvText = (shown: Shown) => (shown.kind === "none" ? "" : shownText(shown));

export function renderReportCsv(report: ReportDocument): string {
  const { disclosure } = report;
  const lines = [[say("csv.section"), say("csv.figure"), say("csv.period"), say("csv.value"), report.csvPreviousHeading]];
  const listed = new Set<Figure>();
  for (const table of report.tables) {
    for (const row of table.rows) {
      if (row.repeated) continue;
      const figures = table.kind === "compare" ? [{ figure: row.cells[0]!.figure, column: null }] : row.cells.map((cell, index) => ({ figure: cell.figure, column: table.columns[index]! }));
      for (const { figure, column } of figures) {
        if (listed.has(figure)) continue;
        listed.add(figure);
        lines.push([
          table.section,
          `${table.csvCaption ?? table.caption}: ${row.label}${column === null ? "" : `, ${column}`}`,
          report.csvPeriod,
          csvText(disclosure.show(figure, "current")),
          csvText(disclosure.show(figure, "previous")),
        ]);
      }
    }
  }
  // A byte order mark, so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${lines.map((line) => line.map(field).join(",")).join("\r\n")}\r\n`;
}
