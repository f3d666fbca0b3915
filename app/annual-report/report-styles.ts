// The report's styles, inlined in its one HTML file: the look of govuk-frontend's typography, tables, tags and
// inset text (its class names, sizes and colours) without its Sass or fonts, in the system font stack the portal
// uses instead of GDS Transport, with the council's brand colour from app/styles/_council.scss. Screen sizes
// follow govuk-frontend's two steps (below and from 641 px); print uses points on A4, as govuk-frontend does.

/** The council's brand colour, as `$council-brand-colour` in app/styles/_council.scss sets it for the portal. */
export const councilBrandColour = "#1d5c4d";

export const reportStyles = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { background: #ffffff; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: #0b0c0c; background: #ffffff; font-family: system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 1rem; line-height: 1.25; -webkit-font-smoothing: antialiased; }
.report-width { max-width: 960px; margin: 0 15px; }
@media (min-width: 40.0625em) { .report-width { margin: 0 30px; } }
@media (min-width: 1020px) { .report-width { margin: 0 auto; padding: 0 30px; max-width: 1020px; } }
.report-header { background: ${councilBrandColour}; color: #ffffff; padding: 12px 0 10px; border-bottom: 10px solid #0b0c0c; }
.report-header p { margin: 0; }
.report-header__council { font-weight: 700; font-size: 1.125rem; line-height: 1.11; }
.report-header__service { font-size: 1rem; line-height: 1.25; margin-top: 4px; }
.report-main { padding: 30px 0 40px; }
.report-footer { border-top: 1px solid #b1b4b6; padding: 20px 0; background: #f3f2f1; }
.govuk-heading-xl, .govuk-heading-l, .govuk-heading-m, .govuk-heading-s { font-weight: 700; color: #0b0c0c; margin-top: 0; }
.govuk-heading-xl { font-size: 2rem; line-height: 1.09; margin-bottom: 30px; }
.govuk-heading-l { font-size: 1.5rem; line-height: 1.04; margin-bottom: 20px; }
.govuk-heading-m { font-size: 1.125rem; line-height: 1.11; margin-bottom: 15px; }
.govuk-heading-s { font-size: 1rem; line-height: 1.25; margin-bottom: 15px; }
.govuk-caption-xl { display: block; font-weight: 400; font-size: 1.125rem; line-height: 1.11; color: #505a5f; margin-bottom: 5px; }
.govuk-body, .govuk-body-l, .govuk-body-s, .govuk-list { margin-top: 0; color: #0b0c0c; }
.govuk-body { font-size: 1rem; line-height: 1.25; margin-bottom: 15px; }
.govuk-body-l { font-size: 1.125rem; line-height: 1.11; margin-bottom: 20px; }
.govuk-body-s { font-size: 0.875rem; line-height: 1.14; margin-bottom: 15px; }
.govuk-list { font-size: 1rem; line-height: 1.25; margin-bottom: 15px; padding-left: 20px; }
.govuk-list > li { margin-bottom: 5px; }
.govuk-link { color: #1d70b8; text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
.govuk-link:visited { color: #4c2c92; }
.govuk-link:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
.govuk-link:focus { outline: 3px solid transparent; color: #0b0c0c; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
.govuk-inset-text { padding: 15px; margin: 20px 0; border-left: 10px solid #b1b4b6; font-size: 1rem; line-height: 1.25; }
.govuk-inset-text > :first-child { margin-top: 0; }
.govuk-inset-text > :last-child { margin-bottom: 0; }
.govuk-tag { display: inline-block; max-width: 100%; padding: 2px 8px 3px; font-size: 1rem; line-height: 1.25; font-weight: 400; color: #0c2d4a; background-color: #bbd4ea; }
.govuk-tag--yellow { color: #594d00; background-color: #fff7bf; }
.govuk-section-break { margin: 30px 0; border: 0; border-bottom: 1px solid #b1b4b6; }
.govuk-table { width: 100%; border-spacing: 0; border-collapse: collapse; margin-bottom: 20px; font-size: 1rem; line-height: 1.25; color: #0b0c0c; }
.govuk-table__caption { text-align: left; font-weight: 700; display: table-caption; }
.govuk-table__caption--s { font-size: 1rem; line-height: 1.25; margin-bottom: 10px; }
.govuk-table__header { font-weight: 700; }
.govuk-table__header, .govuk-table__cell { padding: 10px 10px 10px 0; border-bottom: 1px solid #b1b4b6; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.govuk-table__header:last-child, .govuk-table__cell:last-child { padding-right: 0; }
.govuk-table__header--numeric, .govuk-table__cell--numeric { text-align: right; }
.govuk-table__body .govuk-table__header { font-weight: 400; }
.govuk-table__body .report-row-total .govuk-table__header, .govuk-table__body .report-row-total .govuk-table__cell { font-weight: 700; }
.report-indent-1 { padding-inline-start: 15px; }
.report-indent-2 { padding-inline-start: 30px; }
.report-numeric { font-variant-numeric: tabular-nums; }
.report-section { margin-top: 40px; }
.report-section + .report-section { border-top: 1px solid #b1b4b6; padding-top: 30px; }
.report-subheading { margin-top: 30px; }
.report-figure { margin: 20px 0 30px; }
.report-figure__title { display: block; font-weight: 700; font-size: 1.125rem; line-height: 1.11; margin-bottom: 5px; }
.report-figure__description { display: block; font-size: 1rem; line-height: 1.25; margin-bottom: 10px; }
.report-chart { display: block; width: 100%; max-width: 450px; height: auto; margin: 0 0 15px; font-family: inherit; }
.report-quote { margin: 0 0 25px; padding: 0 0 0 15px; border-left: 5px solid ${councilBrandColour}; }
.report-quote__check { margin-bottom: 10px; }
.report-to-add { margin-bottom: 20px; }
.report-to-add .govuk-tag { margin-bottom: 10px; }
.report-quote__text { margin: 0 0 5px; }
.report-quote__text p { margin: 0 0 10px; font-size: 1rem; line-height: 1.25; }
.report-quote__from { display: block; margin-bottom: 10px; color: #505a5f; font-size: 0.875rem; line-height: 1.14; }
@media (min-width: 40.0625em) {
  .govuk-heading-xl { font-size: 3rem; line-height: 1.04; margin-bottom: 50px; }
  .govuk-heading-l { font-size: 2.25rem; line-height: 1.11; margin-bottom: 30px; }
  .govuk-heading-m { font-size: 1.5rem; line-height: 1.25; margin-bottom: 20px; }
  .govuk-heading-s, .govuk-table__caption--s { font-size: 1.1875rem; line-height: 1.32; }
  .govuk-caption-xl { font-size: 1.6875rem; line-height: 1.11; }
  .govuk-body, .govuk-list, .govuk-inset-text, .govuk-table, .govuk-tag, .report-figure__description, .report-quote__text p { font-size: 1.1875rem; line-height: 1.32; }
  .govuk-body-l { font-size: 1.5rem; line-height: 1.25; margin-bottom: 30px; }
  .govuk-body-s, .report-quote__from { font-size: 1rem; line-height: 1.25; }
  .govuk-table__header, .govuk-table__cell { padding-right: 20px; }
  .report-figure__title { font-size: 1.5rem; line-height: 1.25; }
  .report-header__council { font-size: 1.5rem; line-height: 1.25; }
  .report-header__service { font-size: 1.1875rem; line-height: 1.32; }
}
@page { size: A4; margin: 18mm 16mm 20mm; }
@page { @bottom-center { content: counter(page) " of " counter(pages); font-family: system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 9pt; color: #505a5f; } }
@media print {
  html, body { background: #ffffff; }
  body { font-size: 11pt; }
  .report-width { max-width: none; margin: 0; padding: 0; }
  .report-header { -webkit-print-color-adjust: exact; print-color-adjust: exact; padding: 8pt 10pt; border-bottom-width: 4pt; }
  .report-header__council { font-size: 16pt; }
  .report-header__service { font-size: 11pt; }
  .report-main { padding: 20pt 0 0; }
  .report-no-print, .report-footer { display: none; }
  .govuk-heading-xl { font-size: 28pt; margin-bottom: 16pt; }
  .govuk-heading-l { font-size: 20pt; margin-bottom: 12pt; }
  .govuk-heading-m, .report-figure__title { font-size: 14pt; margin-bottom: 8pt; }
  .govuk-heading-s, .govuk-table__caption--s { font-size: 12pt; }
  .govuk-caption-xl { font-size: 16pt; }
  .govuk-body, .govuk-list, .govuk-inset-text, .govuk-table, .govuk-tag, .report-figure__description, .report-quote__text p { font-size: 11pt; line-height: 1.3; }
  .govuk-body-l { font-size: 14pt; }
  .govuk-body-s, .report-quote__from { font-size: 9pt; }
  .govuk-table__header, .govuk-table__cell { padding: 4pt 10pt 4pt 0; }
  .govuk-link, .govuk-link:visited { color: #0b0c0c; text-decoration: none; }
  .report-section--new-page { break-before: page; }
  .report-section + .report-section--new-page { border-top: 0; padding-top: 0; margin-top: 0; }
  h2, h3, .govuk-table__caption, .report-figure figcaption { break-after: avoid; }
  .govuk-table, .report-chart, .report-quote { break-inside: avoid; }
  .govuk-table__row { break-inside: avoid; }
  .govuk-table__head { display: table-header-group; }
  .report-chart { max-width: 110mm; }
}
`;
