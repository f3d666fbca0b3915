// The report as one self-contained HTML file: styles inlined, no scripts, no fonts, no requests, so it opens
// from disk, can be emailed, and prints on A4. Every chart sits in a <figure> with its title, what it shows and
// the table of its numbers; the SVG is hidden from screen readers, which read the table instead.
import type { Disclosure } from "./disclosure";
import { escapeHtml, renderChart } from "./report-charts";
import type { Block, ReportChart, ReportDocument, ReportTable } from "./report-document";
import { reportStyles } from "./report-styles";
import { say, shownText } from "./report-words";

function tableHtml(table: ReportTable, disclosure: Disclosure): string {
  const head = [
    `<th scope="col" class="govuk-table__header">${escapeHtml(say("table.figure"))}</th>`,
    ...table.columns.map((column) => `<th scope="col" class="govuk-table__header govuk-table__header--numeric">${escapeHtml(column)}</th>`),
  ].join("");
  const body = table.rows
    .map((row, index) => {
      const cells = row.cells
        .map((cell) => `<td class="govuk-table__cell govuk-table__cell--numeric report-numeric">${escapeHtml(shownText(disclosure.show(cell.figure, cell.period)))}</td>`)
        .join("");
      // A row the rows under it break down is a total, and looks it.
      const total = (table.rows[index + 1]?.indent ?? 0) > row.indent ? " report-row-total" : "";
      const indent = row.indent ? ` report-indent-${row.indent}` : "";
      return `<tr class="govuk-table__row${total}"><th scope="row" class="govuk-table__header${indent}">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join("\n");
  return `<table class="govuk-table" id="${table.id}-table">
<caption class="govuk-table__caption govuk-table__caption--s">${escapeHtml(table.caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>
<tbody class="govuk-table__body">
${body}
</tbody>
</table>`;
}

function chartHtml(chart: ReportChart, disclosure: Disclosure): string {
  return `<figure class="report-figure" id="${chart.id}">
<figcaption><span class="report-figure__title">${escapeHtml(chart.title)}</span><span class="report-figure__description">${escapeHtml(chart.description)}</span></figcaption>
${renderChart(chart, disclosure)}
${tableHtml(chart.table, disclosure)}
</figure>`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n|\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("");
}

function blockHtml(block: Block, disclosure: Disclosure): string {
  switch (block.kind) {
    case "paragraph":
      return `<p class="govuk-body">${escapeHtml(block.text)}</p>`;
    case "subheading":
      return `<h3 class="govuk-heading-m report-subheading" id="${block.id}">${escapeHtml(block.text)}</h3>`;
    case "table":
      return tableHtml(block.table, disclosure);
    case "chart":
      return chartHtml(block.chart, disclosure);
    case "toAdd":
      return `<div class="report-no-print report-to-add"><strong class="govuk-tag govuk-tag--yellow">${escapeHtml(block.label)}</strong><p class="govuk-body">${escapeHtml(block.text)}</p></div>`;
    case "quotations":
      return [
        `<p class="govuk-body report-no-print">${escapeHtml(block.checkHint)}</p>`,
        ...block.items.map(
          (item) => `<figure class="report-quote">
<strong class="govuk-tag govuk-tag--yellow report-quote__check report-no-print">${escapeHtml(block.check)}</strong>
<blockquote class="report-quote__text" dir="auto">${paragraphs(item.text)}</blockquote>
<figcaption class="report-quote__from">${escapeHtml(item.attribution)}</figcaption>
</figure>`,
        ),
      ].join("\n");
  }
}

export function renderReportHtml(report: ReportDocument): string {
  const { disclosure } = report;
  const contents = report.sections.map((section) => `<li><a class="govuk-link" href="#${section.id}">${escapeHtml(section.heading)}</a></li>`).join("");
  const sections = report.sections
    .map(
      (section) => `<section class="report-section${section.blocks.some((block) => block.kind === "chart" || block.kind === "quotations") ? " report-section--new-page" : ""}" id="${section.id}" aria-labelledby="${section.id}-heading">
<h2 class="govuk-heading-l" id="${section.id}-heading">${escapeHtml(section.heading)}</h2>
${section.blocks.map((block) => blockHtml(block, disclosure)).join("\n")}
</section>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${report.title} – ${report.councilName}`)}</title>
<style>${reportStyles}</style>
</head>
<body>
<header class="report-header">
<div class="report-width">
<p class="report-header__council">${escapeHtml(report.councilName)}</p>
<p class="report-header__service">${escapeHtml(report.serviceName)}</p>
</div>
</header>
<main class="report-width report-main" id="main">
<h1 class="govuk-heading-xl"><span class="govuk-caption-xl">${escapeHtml(report.councilName)}</span>${escapeHtml(report.title)}</h1>
<p class="govuk-body-l">${escapeHtml(report.subtitle)}</p>
<p class="govuk-body-s">${escapeHtml(report.made)}</p>
<div class="govuk-inset-text report-no-print"><p>${escapeHtml(report.draftNote)}</p>${report.smallNumbersNote ? `<p>${escapeHtml(report.smallNumbersNote)}</p>` : ""}</div>
<nav aria-labelledby="contents-heading">
<h2 class="govuk-heading-m" id="contents-heading">${escapeHtml(say("document.contents"))}</h2>
<ol class="govuk-list govuk-list--number">${contents}</ol>
</nav>
${sections}
</main>
<footer class="report-footer">
<div class="report-width">
<p class="govuk-body-s">${escapeHtml(`${report.councilName}. ${report.made}`)}</p>
</div>
</footer>
</body>
</html>
`;
}
