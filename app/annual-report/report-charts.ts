// Bar charts as inline SVG, drawn from a report table so the chart and the table beside it cannot disagree.
// Horizontal bars, each with its number written at its end, so nothing depends on colour or on reading an axis;
// this period in the council's colour, the previous period hatched in grey and outlined (both over 3:1 against
// white, and never touching each other). A count that is not shown has no bar at all, and the scale is set by
// shown figures only, so no bar's length gives a hidden count away. Drawn 300 units wide, about the width of a
// phone, so its words stay readable at 320 px; the page lets it grow to half as large again on wider screens.
import type { Disclosure, Shown } from "./disclosure";
import type { ReportChart, TableRow } from "./report-document";
import { councilBrandColour } from "./report-styles";
import { say, shownText } from "./report-words";

export const chartColours = {
  text: "#0b0c0c",
  current: councilBrandColour,
  previous: "#505a5f",
} as const;

const width = 300;
const labelWidth = 108;
const barStart = labelWidth + 6;
const longestBar = width - barStart - 40;
const fontSize = 12;
const lineHeight = 14;
const charWidth = 6.3;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Words broken into lines that fit `room` units. */
function wrap(text: string, room: number): string[] {
  const perLine = Math.max(4, Math.floor(room / charWidth));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function text(x: number, y: number, content: string, extra = ""): string {
  return `<text x="${x}" y="${y}" font-size="${fontSize}" fill="${chartColours.text}"${extra}>${escapeHtml(content)}</text>`;
}

/** A bar's number, with a white edge so it stays readable where it crosses a time-limit line. */
function valueLabel(x: number, y: number, content: string): string {
  return text(x, y, content, ' class="report-bar-value" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"');
}

function label(x: number, top: number, lines: string[], extra = ""): string {
  return lines.map((line, index) => text(x, top + fontSize - 1 + index * lineHeight, line, extra)).join("");
}

interface Bar {
  shown: Shown;
  series: number;
}

export function renderChart(chart: ReportChart, disclosure: Disclosure): string {
  const { table } = chart;
  const hatch = `${chart.id}-hatch`;
  const fills = [`fill="${chartColours.current}"`, `fill="url(#${hatch})" stroke="${chartColours.previous}" stroke-width="1"`];
  const rows = table.rows.filter((row) => row.chart);
  const shownOf = (row: TableRow, index: number) => disclosure.show(row.cells[index]!.figure, row.cells[index]!.period);

  const visible: number[] = [];
  for (const row of rows) {
    row.cells.forEach((_, index) => {
      const shown = shownOf(row, index);
      if (shown.kind === "number") visible.push(shown.value);
    });
    if (row.marker) visible.push(row.marker.limit, row.marker.extended ?? 0);
  }
  const scale = Math.max(...visible, 0) || 1;
  const barLength = (value: number) => (value <= 0 ? 0 : Math.max(1, (value / scale) * longestBar));

  const parts: string[] = [];
  let y = 0;
  const series = chart.layout === "series" ? table.columns.length : 1;
  const markers = rows.some((row) => row.marker);
  // The key: which bar is which period, and what the lines mean.
  if (series > 1 || markers) {
    if (series > 1) {
      chart.seriesNames.forEach((name, index) => {
        parts.push(`<rect x="0" y="${y + 1}" width="18" height="10" ${fills[index]}/>`, text(24, y + 10, name));
        y += 16;
      });
    }
    if (markers) {
      parts.push(`<line x1="0" y1="${y + 6}" x2="18" y2="${y + 6}" stroke="${chartColours.text}" stroke-width="1.5" stroke-dasharray="4 3"/>`, text(24, y + 10, say("timeliness.legendLimit")));
      y += 16;
      parts.push(`<line x1="0" y1="${y + 6}" x2="18" y2="${y + 6}" stroke="${chartColours.text}" stroke-width="1.5" stroke-dasharray="1 2"/>`, text(24, y + 10, say("timeliness.legendExtended")));
      y += 16;
    }
    y += 6;
  }

  const drawRow = (rowLabel: string, bars: Bar[], marker: TableRow["marker"]) => {
    const lines = wrap(rowLabel, labelWidth);
    const labels: string[] = [];
    const thickness = bars.length > 1 ? 11 : 14;
    const height = Math.max(lines.length * lineHeight, bars.length * thickness + (bars.length - 1) * 3);
    parts.push(label(0, y, lines));
    bars.forEach((bar, index) => {
      const top = y + index * (thickness + 3);
      const length = bar.shown.kind === "number" ? barLength(bar.shown.value) : 0;
      if (length > 0) parts.push(`<rect class="report-bar" x="${barStart}" y="${top}" width="${round(length)}" height="${thickness}" ${fills[bar.series]}/>`);
      labels.push(valueLabel(round(barStart + length + 4), top + thickness - 2, shownText(bar.shown)));
    });
    if (marker) {
      const lineFor = (value: number, dash: string) =>
        `<line x1="${round(barStart + barLength(value))}" y1="${y - 2}" x2="${round(barStart + barLength(value))}" y2="${y + height + 2}" stroke="${chartColours.text}" stroke-width="1.5" stroke-dasharray="${dash}"/>`;
      parts.push(lineFor(marker.limit, "4 3"));
      if (marker.extended !== null) parts.push(lineFor(marker.extended, "1 2"));
    }
    // Numbers last, over the lines.
    parts.push(...labels);
    y += height + 10;
  };

  if (chart.layout === "series") {
    for (const row of rows) drawRow(row.chartLabel ?? row.label, row.cells.map((_, index) => ({ shown: shownOf(row, index), series: index })), row.marker);
  } else {
    table.columns.forEach((column, columnIndex) => {
      // A group with nothing in it (no stage 3 replies) is left to the table.
      if (rows.every((row) => { const shown = shownOf(row, columnIndex); return shown.kind === "number" && shown.value === 0; })) return;
      parts.push(text(0, y + fontSize, column, ' font-weight="bold"'));
      y += lineHeight + 6;
      for (const row of rows) drawRow(row.chartLabel ?? row.label, [{ shown: shownOf(row, columnIndex), series: 0 }], undefined);
      y += 4;
    });
  }
  const height = Math.ceil(y);
  const defs =
    series > 1
      ? `<defs><pattern id="${hatch}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="4" stroke="${chartColours.previous}" stroke-width="2.5"/></pattern></defs>`
      : "";
  return `<svg class="report-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true">${defs}${parts.join("")}</svg>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
