// The report as a document: its sections in the seed report's order, each opening with sentences written from
// the figures, then its tables and charts. The HTML, the CSV and the charts are all drawn from this one model,
// and every number in it goes through `Disclosure`, so small-number suppression is decided once per figure.
import { caseChannels, outcomesWithoutReply, type CaseStage, type ComplainantRole, type Quotation, type ReportInput, type ReportTimetable } from "~/cases/case-record";
import { Disclosure, suggestedSuppressBelow, type Period } from "./disclosure";
import {
  computeFigures,
  decisionKeys,
  isMedian,
  javascriptKeys,
  notRecorded,
  outcomeKeys,
  reportedServices,
  roleKeys,
  stageKeyOf,
  widthKeys,
  type Count,
  type Figure,
  type ReportFigures,
  type ReportedService,
  type ServiceFigures,
} from "./figures";
import { financialYear, financialYearOf, formatDate, isWholeYear, monthsOf, periodDays, periodName, type ReportPeriod } from "./report-period";
import { joinList, say, sentence, shownText, type Amount, type ReportWordKey } from "./report-words";

export interface ReportContext {
  councilName: string;
  serviceName: string;
  timetable: ReportTimetable;
  /** The day the report is made, YYYY-MM-DD. */
  madeOn: string;
  /** Counts under this are shown as "fewer than N"; null shows every count. */
  suppressBelow: number | null;
}

export interface Cell {
  figure: Figure;
  period: Period;
}

export interface TableRow {
  label: string;
  cells: Cell[];
  /** How far the row's label is indented under the row above it (a part of a total). */
  indent: 0 | 1 | 2;
  /** Whether a chart drawn from the table has a bar for this row (totals have none). */
  chart: boolean;
  /** A shorter label for the chart, where the table's says more than a chart's row has room for. */
  chartLabel?: string;
  /** The time limit and longest extension drawn on a chart of working days. */
  marker?: { limit: number; extended: number | null };
  /** The figure is stated in another table too, so the CSV lists it there only. */
  repeated?: boolean;
}

export interface ReportTable {
  id: string;
  /** The section heading, for the CSV. */
  section: string;
  caption: string;
  /** The caption in the CSV, where the table's own names the period: the CSV's last column is the previous
   * period's value of each figure, which "Replies sent in 2017/18" would contradict. */
  csvCaption?: string;
  /** Column headings after the first (row heading) column. */
  columns: string[];
  /** "compare": one figure per row, this period then the previous; "matrix": a figure per column, this period only. */
  kind: "compare" | "matrix";
  rows: TableRow[];
  unit: "count" | "days";
}

export interface ReportChart {
  id: string;
  title: string;
  description: string;
  table: ReportTable;
  /** "series": a bar per column for each row (this period and the previous); "groups": a group per column, a bar per row. */
  layout: "series" | "groups";
  /** Column headings as the chart's key names them (series layout). */
  seriesNames: string[];
}

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "subheading"; id: string; text: string }
  | { kind: "table"; table: ReportTable }
  | { kind: "chart"; chart: ReportChart }
  | { kind: "quotations"; items: { text: string; attribution: string }[]; check: string; checkHint: string }
  /** Something only the council can write, which the draft asks for: shown on screen, never printed. */
  | { kind: "toAdd"; label: string; text: string };

export interface ReportSection {
  id: string;
  heading: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  councilName: string;
  serviceName: string;
  subtitle: string;
  made: string;
  draftNote: string;
  /** Made without a threshold, with counts small enough to point to a person: said on screen and by the command, so
   * that the report is made again with one before it is published. Null otherwise. */
  smallNumbersNote: string | null;
  period: ReportPeriod;
  periodName: string;
  /** The period name for the CSV's period column. */
  csvPeriod: string;
  csvPreviousHeading: string;
  sections: ReportSection[];
  /** Every table, in order, including those the HTML leaves out because everything in them is 0. */
  tables: ReportTable[];
  disclosure: Disclosure;
  figures: ReportFigures;
}

const serviceStages: Record<ReportedService, readonly CaseStage[]> = {
  "childrens-social-care": [1, 2, 3],
  "public-health": [1],
};

export function buildReport(input: ReportInput, period: ReportPeriod, context: ReportContext): ReportDocument {
  const figures = computeFigures(input, period);
  const disclosure = new Disclosure(figures.partitions, context.suppressBelow);
  const { hasPrevious } = figures;
  const name = periodName(period);
  const financial = financialYearOf(period);
  const sameDates = !isWholeYear(period) && periodDays(period) <= 366;
  const previousName = say(isWholeYear(period) ? "previousName.year" : sameDates ? "previousName.sameDatesYearBefore" : "previousName.periodBefore");
  const columnNames = financial !== null ? [name, periodName(figures.previousPeriod)] : [name, sentence(previousName)];
  const end = formatDate(period.to);
  // "received in 2025/26", or "received between 1 September 2026 and 5 December 2026".
  const inPeriod = financial !== null ? say("period.inYear", { name }) : say("period.between", { from: formatDate(period.from), to: end });
  const tables: ReportTable[] = [];
  /** " to 2026/27" after "carried forward", for a financial year. */
  const carriedNext = financial !== null ? say("carried.next", { next: periodName(financialYear(financial + 1)) }) : "";

  // --- Numbers in words -------------------------------------------------------------------------------------
  const amount = (count: Count, which: Period = "current"): Amount => {
    const shown = disclosure.show(count, which);
    if (shown.kind === "number") return { text: String(shown.value), form: shown.value === 0 ? "zero" : shown.value === 1 ? "one" : "other" };
    return { text: shownText(shown, true), form: "other" };
  };
  /** A count not shown as a number ("fewer than 3"): "the fewer than 3 complaints" is no sentence, so it becomes an aside. */
  const isHidden = (shown: Amount): boolean => !/^\d+$/.test(shown.text);
  /** A count as a word in the middle of a sentence: "none" for 0. */
  const amountOrNone = (count: Count): Amount => {
    const shown = amount(count);
    return shown.form === "zero" ? { ...shown, text: say("stages.none") } : shown;
  };
  const compare = (count: Count): string => {
    if (!hasPrevious || count.previous === null) return say("compare.noFigures", { previousName });
    if (disclosure.exact(count, "current") && disclosure.exact(count, "previous")) {
      const difference = count.value - count.previous;
      // "the same as the same period a year before" says "same" once too often.
      if (difference === 0) return say(sameDates ? "compare.sameAsSameDates" : "compare.same", { previousName });
      // Under suppression no small number is written at all, not even a difference between two shown ones.
      if (context.suppressBelow !== null && Math.abs(difference) < context.suppressBelow) return say("compare.with", { previousName, previous: amount(count, "previous") });
      return say(difference > 0 ? "compare.more" : "compare.fewer", { previousName, difference: Math.abs(difference) });
    }
    // One of them is hidden: the difference would give it away, so both are stated as shown. A previous figure
    // withheld altogether says nothing a reader could use ("compared with some"): the comparison is left out.
    if (["withheld", "omitted"].includes(disclosure.show(count, "previous").kind)) return "";
    return say("compare.with", { previousName, previous: amount(count, "previous") });
  };
  // A part omitted under suppression may be 0 or not: it is said ("an unstated number") as any other count would be,
  // so that leaving it out says nothing either (disclosure.ts).
  const omitted = (count: Count, which: Period = "current") => disclosure.show(count, which).kind === "omitted";
  const nonZero = (count: Count) => count.value > 0 || omitted(count);
  const isZero = (count: Count) => count.value === 0 && (count.previous ?? 0) === 0 && !omitted(count) && !omitted(count, "previous");

  // --- Tables and charts ------------------------------------------------------------------------------------
  const row = (label: string, figure: Figure, options: Partial<Omit<TableRow, "label" | "cells">> = {}): TableRow => ({
    label,
    cells: [{ figure, period: "current" }, ...(hasPrevious ? [{ figure, period: "previous" as const }] : [])],
    indent: options.indent ?? 0,
    chart: options.chart ?? true,
    ...(options.marker ? { marker: options.marker } : {}),
    ...(options.chartLabel ? { chartLabel: options.chartLabel } : {}),
    ...(options.repeated ? { repeated: true } : {}),
  });
  const compareTable = (id: string, section: string, caption: string, rows: TableRow[], unit: "count" | "days" = "count"): ReportTable => {
    const table: ReportTable = { id, section, caption, columns: hasPrevious ? columnNames : [columnNames[0]!], kind: "compare", rows, unit };
    tables.push(table);
    return table;
  };
  const matrixTable = (id: string, section: string, caption: string, columns: string[], rows: { label: string; figures: Figure[]; chart?: boolean }[], csvCaption?: string): ReportTable => {
    const table: ReportTable = {
      id,
      section,
      caption,
      ...(csvCaption ? { csvCaption } : {}),
      columns,
      kind: "matrix",
      rows: rows.map((r) => ({ label: r.label, cells: r.figures.map((figure) => ({ figure, period: "current" as const })), indent: 0, chart: r.chart ?? true })),
      unit: "count",
    };
    tables.push(table);
    return table;
  };
  /** A chart of the table, with the table; or the table alone when the chart would have no bar to draw (all 0 or hidden). */
  const chart = (id: string, title: string, description: string, table: ReportTable, layout: ReportChart["layout"]): Block => {
    const bars = table.rows.some((r) => r.chart && r.cells.some((cell) => disclosure.show(cell.figure, cell.period).kind === "number" && ((cell.period === "current" ? cell.figure.value : cell.figure.previous) ?? 0) > 0));
    return bars ? { kind: "chart", chart: { id, title, description, table, layout, seriesNames: table.columns } } : { kind: "table", table };
  };
  const tableIsEmpty = (table: ReportTable) =>
    table.rows.every((r) =>
      r.cells.every((cell) => {
        const value = cell.period === "current" ? cell.figure.value : cell.figure.previous;
        return value === null || (value === 0 && disclosure.show(cell.figure, cell.period).kind !== "omitted");
      }),
    );
  const previousSeries = hasPrevious ? say("chart.previousSeries", { previousName }) : "";

  const paragraph = (text: string): Block => ({ kind: "paragraph", text: sentence(text) });
  const subheading = (id: string, text: string): Block => ({ kind: "subheading", id, text });

  // --- About this report ------------------------------------------------------------------------------------
  const sections: ReportSection[] = [];
  {
    const heading = say("about.heading");
    const blocks: Block[] = [
      paragraph(
        say("about.covers", {
          councilName: context.councilName,
          from: formatDate(period.from),
          to: end,
          previousFrom: formatDate(figures.previousPeriod.from),
          previousTo: formatDate(figures.previousPeriod.to),
        }),
      ),
      paragraph(say("about.counting")),
    ];
    if (figures.recordsBegin === null) blocks.push(paragraph(say("about.noRecords")));
    else if (!hasPrevious) blocks.push(paragraph(say("about.recordsBeginNone", { date: formatDate(figures.recordsBegin), previousName })));
    else if (figures.recordsBegin > figures.previousPeriod.from) blocks.push(paragraph(say("about.recordsBeginPart", { date: formatDate(figures.recordsBegin), previousName })));
    if (context.suppressBelow !== null) blocks.push(paragraph(say("about.suppression", { threshold: context.suppressBelow, below: context.suppressBelow - 1 })));
    if (!isZero(figures.serviceNotSettled)) {
      blocks.push(paragraph(say("about.notSettled", { count: amount(figures.serviceNotSettled), period: name, inPeriod, comparison: compare(figures.serviceNotSettled) })));
    }
    // Open at the end, they are carried forward like any other complaint, though in neither service's figures.
    if (nonZero(figures.serviceNotSettledOpen)) {
      blocks.push(paragraph(say("about.notSettledOpen", { count: amount(figures.serviceNotSettledOpen), end, next: carriedNext, comparison: compare(figures.serviceNotSettledOpen) })));
    }
    const summary = compareTable("summary", heading, say("about.summaryCaption"), [
      row(say("service.childrens-social-care.heading"), figures.services["childrens-social-care"].received, { repeated: true }),
      row(say("service.public-health.heading"), figures.services["public-health"].received, { repeated: true }),
      row(say("about.summary.notSettled"), figures.serviceNotSettled),
      row(say("compliments.total"), figures.compliments.total, { repeated: true }),
      row(say("requests.formatCaption"), figures.requests.formats.total, { repeated: true }),
      row(say("requests.advocatesRow"), figures.requests.advocates, { repeated: true }),
      row(say("requests.escalationsRow"), figures.requests.escalations.total, { repeated: true }),
    ]);
    blocks.push({ kind: "table", table: summary });
    const notSettled = compareTable("not-settled", heading, say("about.notSettledCaption"), [
      row(say("about.summary.notSettled"), figures.serviceNotSettled, { repeated: true }),
      row(say("about.summary.notSettledOpen", { end }), figures.serviceNotSettledOpen),
    ]);
    if (!tableIsEmpty(notSettled)) blocks.push({ kind: "table", table: notSettled });
    sections.push({ id: "about", heading, blocks });
  }

  // Under suppression, quotations whose number is not shown are not printed: each is one compliment, so printing
  // them would count them (decision 091).
  const quotationsHeldBack = context.suppressBelow !== null && disclosure.show(figures.compliments.quotations, "current").kind !== "number";

  // --- Compliments --------------------------------------------------------------------------------------------
  {
    const heading = say("compliments.heading");
    const { compliments } = figures;
    const blocks: Block[] = [paragraph(say("compliments.received", { count: amount(compliments.total), comparison: compare(compliments.total) }))];
    if (nonZero(compliments.total)) {
      const parts = (Object.keys(compliments.byService) as (keyof typeof compliments.byService)[])
        .filter((key) => nonZero(compliments.byService[key]))
        .map((key) => say(`compliments.service.${key}`, { count: amount(compliments.byService[key]) }));
      blocks.push(paragraph(say("compliments.byService", { list: joinList(parts) })));
    }
    blocks.push(
      paragraph(
        quotationsHeldBack
          ? say("compliments.quotationsHeldBack", { inPeriod })
          : say("compliments.quotations", { count: amount(compliments.quotations), period: name, inPeriod }),
      ),
    );
    const byService = compareTable("compliments-service", heading, say("compliments.serviceCaption"), [
      row(say("compliments.total"), compliments.total, { chart: false }),
      row(sentence(say("quotations.service.childrens-social-care")), compliments.byService["childrens-social-care"], { indent: 1 }),
      row(sentence(say("quotations.service.public-health")), compliments.byService["public-health"], { indent: 1 }),
      row(sentence(say("quotations.service.not-sure")), compliments.byService["not-sure"], { indent: 1 }),
      row(sentence(say("quotations.service.not-recorded")), compliments.byService[notRecorded], { indent: 1 }),
      row(say("compliments.quotationsRow"), compliments.quotations, { chart: false }),
    ]);
    const byRole = compareTable(
      "compliments-role",
      heading,
      say("compliments.roleCaption"),
      roleKeys.map((key) => row(say(`role.${key}`), compliments.byRole[key])),
    );
    if (!tableIsEmpty(byService)) blocks.push({ kind: "table", table: byService }, { kind: "table", table: byRole });
    sections.push({ id: "compliments", heading, blocks });
  }

  // --- Complaints, for each service ---------------------------------------------------------------------------
  for (const service of reportedServices) sections.push(serviceSection(service));

  function serviceSection(service: ReportedService): ReportSection {
    const f: ServiceFigures = figures.services[service];
    const stages = serviceStages[service];
    const heading = say(`service.${service}.heading`);
    const id = service === "childrens-social-care" ? "csc" : "ph";
    const publicHealth = service === "public-health";
    const blocks: Block[] = [];
    const limits = (stage: CaseStage) => {
      // A public health reply is due in the council's working days, and may be extended up to a number of months: a
      // reply is "late" against the first unless an extension was recorded, as the case records measure it.
      if (publicHealth) {
        const days = context.timetable.publicHealthWorkingDays;
        return { limit: say("shown.days", { count: days }), extended: say("timeliness.limitMonths", { count: context.timetable.publicHealthMonths }), marker: { limit: days, extended: null } };
      }
      const rule = context.timetable.childrensSocialCare[stage];
      return {
        // Stage 3's reply is due 20 working days after its panel met, or 50 after the request if sooner: no one number.
        limit: stage === 3 ? say("timeliness.stage3Limit", stage3Parts) : say("shown.days", { count: rule.workingDays }),
        extended: rule.extendedWorkingDays === null ? null : say("shown.days", { count: rule.extendedWorkingDays }),
        marker: { limit: rule.workingDays, extended: rule.extendedWorkingDays },
      };
    };
    // Stage 3's time is three statutory limits one after another, each said.
    const { stage3Parts: parts } = context.timetable;
    const afterPanel = parts.reportWithin + parts.responseWithin;
    const stage3Parts = {
      panel: say("shown.days", { count: parts.panelWithin }),
      report: say("shown.days", { count: parts.reportWithin }),
      response: say("shown.days", { count: parts.responseWithin }),
      afterPanel: say("shown.days", { count: afterPanel }),
      whole: say("shown.days", { count: context.timetable.childrensSocialCare[3].workingDays }),
    };
    const stageName = (stage: CaseStage) => (publicHealth ? say("timeliness.publicHealthStageName") : say("timeliness.stageName", { stage }));
    const stageColumn = (stage: CaseStage) => (publicHealth ? say("table.publicHealthStage") : say("table.stage", { stage }));

    // Every table is made, so the CSV has the same lines every year; the HTML leaves out what is all 0.
    const months = monthsOf(period);
    const monthTable = compareTable(
      `${id}-month`,
      heading,
      say("received.monthCaption"),
      [row(say("received.total"), f.received, { chart: false }), ...months.map((month) => row(month.label, f.byMonth[String(month.index)]!, { indent: 1 }))],
    );
    const roleTable = compareTable(`${id}-role`, heading, say("roles.caption"), [
      row(say("received.total"), f.received, { chart: false, repeated: true }),
      ...roleKeys.map((key) => row(say(`role.${key}`), f.byRole[key], { indent: 1 })),
    ]);
    const first = f.firstStage;
    const stageRows: TableRow[] = publicHealth
      ? []
      : [
          row(say("stages.first1"), first.stage1.total),
          row(say("stages.resolvedAt1"), first.stage1.resolvedAtStage1, { indent: 1 }),
          row(say("stages.progressedTo2"), first.stage1.progressedToStage2.total, { indent: 1 }),
          row(say("stages.progressedTo2Concluded"), first.stage1.progressedToStage2.concluded, { indent: 2 }),
          row(say("stages.progressedTo2Open"), first.stage1.progressedToStage2.open, { indent: 2 }),
          row(say("stages.progressedTo3"), first.stage1.progressedToStage3, { indent: 1 }),
          row(say("stages.openAt1"), first.stage1.openAtStage1, { indent: 1 }),
          row(say("stages.straightTo2"), first.stage2.total),
          row(say("stages.straightTo2Concluded"), first.stage2.concluded, { indent: 1 }),
          row(say("stages.straightTo2Open"), first.stage2.open, { indent: 1 }),
          row(say("stages.straightTo2To3"), first.stage2.progressedToStage3, { indent: 1 }),
          ...(isZero(first.stage3.total)
            ? []
            : [
                row(say("stages.straightTo3"), first.stage3.total),
                row(say("stages.straightTo3Concluded"), first.stage3.concluded, { indent: 1 }),
                row(say("stages.straightTo3Open"), first.stage3.open, { indent: 1 }),
              ]),
        ];
    const stagesTable = compareTable(`${id}-stages`, heading, say("stages.caption"), [
      row(say("received.total"), f.received, { repeated: true }),
      ...stageRows,
      row(say("stages.concludedRow", { end }), f.concluded),
      row(say("stages.openRow", { end }), f.open),
      row(say("stages.outOfTimeRow"), f.acceptedOutOfTime),
    ]);
    const acknowledgeWithin = say("shown.days", { count: context.timetable.acknowledgeWithin[publicHealth ? "publicHealth" : "childrensSocialCare"] });
    const acknowledgementsTable = compareTable(`${id}-acknowledgements`, heading, say("acknowledgements.caption"), [
      row(say("received.total"), f.received, { repeated: true }),
      row(say("acknowledgements.inTimeRow", { limit: acknowledgeWithin }), f.acknowledgements.inTime, { indent: 1 }),
      row(say("acknowledgements.lateRow", { limit: acknowledgeWithin }), f.acknowledgements.late, { indent: 1 }),
      row(say("acknowledgements.notAcknowledgedRow", { end }), f.acknowledgements.notAcknowledged, { indent: 1 }),
    ]);
    const showNotRecorded = (counts: Count[]) => counts.some((count) => !isZero(count));
    const timelinessRows = [
      { label: say("timeliness.replied"), figures: stages.map((s) => f.timeliness[stageKeyOf(s)].replied), chart: false },
      { label: say("timeliness.row.inTime"), figures: stages.map((s) => f.timeliness[stageKeyOf(s)].inTime) },
      { label: say("timeliness.row.extended"), figures: stages.map((s) => f.timeliness[stageKeyOf(s)].extended) },
      { label: say("timeliness.row.late"), figures: stages.map((s) => f.timeliness[stageKeyOf(s)].late) },
      ...(showNotRecorded(stages.map((s) => f.timeliness[stageKeyOf(s)][notRecorded]))
        ? [{ label: say("timeliness.row.not-recorded"), figures: stages.map((s) => f.timeliness[stageKeyOf(s)][notRecorded]) }]
        : []),
    ];
    const timelinessTable = matrixTable(`${id}-timeliness`, heading, say("timeliness.countsCaption", { period: name, inPeriod }), stages.map(stageColumn), timelinessRows, say("timeliness.countsCsvCaption"));
    const medianTable = compareTable(
      `${id}-median`,
      heading,
      say("timeliness.medianCaption"),
      stages.flatMap((stage) => {
        // Stage 3 in the two parts the regulations time, each beside its own limit (decision 074).
        if (stage === 3) {
          return [
            row(say("timeliness.medianRowPanel", stage3Parts), f.stage3Panel.toPanel, { chartLabel: say("timeliness.chartPanel"), marker: { limit: parts.panelWithin, extended: null } }),
            row(say("timeliness.medianRowResponse", stage3Parts), f.stage3Panel.toResponse, { chartLabel: say("timeliness.chartResponse"), marker: { limit: afterPanel, extended: null } }),
          ];
        }
        const limit = limits(stage);
        const extended = limit.extended === null ? "" : say("timeliness.medianRowExtended", { extended: limit.extended });
        const label = publicHealth ? say("timeliness.medianRowPublicHealth", { limit: limit.limit, extended }) : say("timeliness.medianRow", { stage, limit: limit.limit, extended });
        return [row(label, f.timeliness[stageKeyOf(stage)].medianDays, { chartLabel: stageColumn(stage), ...(limit.marker ? { marker: limit.marker } : {}) })];
      }),
      "days",
    );
    const outcomeRows = outcomeKeys
      .filter((key) => key !== notRecorded || showNotRecorded(stages.map((s) => f.outcomes[stageKeyOf(s)][notRecorded])))
      .map((key) => ({ label: say(`outcome.${key}`), figures: stages.map((s) => f.outcomes[stageKeyOf(s)][key]) }));
    const outcomesTable = matrixTable(`${id}-outcomes`, heading, say("outcomes.caption", { period: name, inPeriod }), stages.map(stageColumn), [
      { label: say("outcomes.endedRow"), figures: stages.map((s) => f.ended[stageKeyOf(s)]), chart: false },
      ...outcomeRows,
    ], say("outcomes.csvCaption"));
    const advocacyTable = compareTable(`${id}-advocacy`, heading, say("advocacy.caption"), [
      row(say("advocacy.askedRow"), f.advocacy.asked),
      row(say("advocacy.arrangedRow"), f.advocacy.arranged),
      ...roleKeys.map((key) => row(say("advocacy.arrangedFor", { role: say(`role.${key}`) }), f.advocacy.arrangedByRole[key], { indent: 1 })),
    ]);
    const ombudsmanTable = compareTable(`${id}-ombudsman`, heading, say("ombudsman.caption"), [
      row(say("ombudsman.consideredRow"), f.ombudsman.considered),
      row(say("ombudsman.referredBackRow"), f.ombudsman.referredBack),
      row(say("ombudsman.decidedRow"), f.ombudsman.decided),
      ...decisionKeys.map((key) => row(say("ombudsman.decisionRow", { decision: say(`decision.${key}`) }), f.ombudsman.decisions[key], { indent: 1 })),
    ]);
    const carriedTable = compareTable(`${id}-carried`, heading, say("carried.caption"), [
      row(say("carried.forwardRow", { end }), f.carriedForward.total),
      ...(publicHealth ? [] : stages.map((stage) => row(say("carried.forwardAtRow", { stage }), f.carriedForward.atStage[stageKeyOf(stage)], { indent: 1 }))),
      row(say("carried.inRow", { start: formatDate(period.from) }), f.carriedIn.total),
      row(say("carried.inConcludedRow"), f.carriedIn.concluded.total, { indent: 1 }),
      ...(publicHealth ? [] : stages.map((stage) => row(say("carried.inConcludedAtRow", { stage }), f.carriedIn.concluded.atStage[stageKeyOf(stage)], { indent: 2 }))),
      row(say("carried.inOpenRow"), f.carriedIn.open, { indent: 1 }),
      row(say("carried.reopenedRow", { start: formatDate(period.from) }), f.reopened.total),
      row(say("carried.reopenedConcludedRow"), f.reopened.concluded, { indent: 1 }),
      row(say("carried.reopenedOpenRow"), f.reopened.open, { indent: 1 }),
    ]);

    const happened = [
      f.received,
      f.carriedIn.total,
      f.reopened.total,
      f.carriedForward.total,
      f.ombudsman.considered,
      f.ombudsman.referredBack,
      f.ombudsman.decided,
      ...stages.map((s) => f.ended[stageKeyOf(s)]),
    ];
    if (happened.every((count) => count.value === 0)) {
      blocks.push(paragraph(say("service.none", { service: say(`service.${service}.name`), period: name, inPeriod, comparison: compare(f.received) })));
      return { id, heading, blocks };
    }

    // Received, and each month
    blocks.push(subheading(`${id}-received`, say("received.heading")));
    blocks.push(paragraph(say("received.sentence", { count: amount(f.received), comparison: compare(f.received) })));
    if (!tableIsEmpty(monthTable)) {
      blocks.push(chart(`${id}-month-chart`, say("received.monthTitle"), say("received.monthDescription", { previousSeries }), monthTable, "series"));
    }

    // Who made them
    blocks.push(subheading(`${id}-roles`, say("roles.heading")));
    if (nonZero(f.received)) {
      const parts = roleKeys.filter((key) => nonZero(f.byRole[key])).map((key) => say(`roleFrom.${key}`, { count: amount(f.byRole[key]) }));
      const received = amount(f.received);
      // One complaint: "The only complaint received was from a parent", never "Of the 1 complaint received, 1 was…".
      const only = !isHidden(received) && f.received.value === 1 ? roleKeys.find((key) => nonZero(f.byRole[key])) : undefined;
      blocks.push(paragraph(only ? say(`roleOnly.${only}`) : say(isHidden(received) ? "roles.sentenceHidden" : "roles.sentence", { count: received, list: joinList(parts) })));
    } else blocks.push(paragraph(say("roles.none")));
    if (!tableIsEmpty(roleTable)) {
      blocks.push(chart(`${id}-role-chart`, say("roles.title"), say("roles.description", { previousSeries }), roleTable, "series"));
    }

    // How far they went
    blocks.push(subheading(`${id}-stages`, say("stages.heading")));
    if (nonZero(f.received)) {
      const received = amount(f.received);
      blocks.push(
        paragraph(
          received.form === "one"
            ? say("stages.concludedOne", { state: say(nonZero(f.concluded) ? "stages.concludedOneDone" : "stages.concludedOneOpen", { end }) })
            : say(isHidden(received) ? "stages.concludedHidden" : "stages.concluded", { received, concluded: amountOrNone(f.concluded), open: say("stages.stillOpen", { count: amountOrNone(f.open) }), end }),
        ),
      );
      const split = (concluded: Count, open: Count) =>
        joinList([
          ...(nonZero(concluded) ? [say("stages.concludedPart", { count: amount(concluded) })] : []),
          ...(nonZero(open) ? [say("stages.openPart", { count: amount(open) })] : []),
        ]);
      if (!publicHealth) {
        const s1 = first.stage1;
        if (nonZero(s1.total)) {
          const list = [
            ...(nonZero(s1.resolvedAtStage1) ? [say("stages.sentence.resolvedAt1", { count: amount(s1.resolvedAtStage1) })] : []),
            ...(nonZero(s1.progressedToStage2.total)
              ? [say("stages.sentence.progressedTo2", { count: amount(s1.progressedToStage2.total), split: split(s1.progressedToStage2.concluded, s1.progressedToStage2.open) })]
              : []),
            ...(nonZero(s1.openAtStage1) ? [say("stages.sentence.openAt1", { count: amount(s1.openAtStage1) })] : []),
          ];
          blocks.push(paragraph(say("stages.sentence.first1", { count: amount(s1.total), details: say("stages.first1Details", { list: joinList(list) }) })));
          if (nonZero(s1.progressedToStage3)) blocks.push(paragraph(say("stages.onTo3", { count: amount(s1.progressedToStage3) })));
        }
        const s2 = first.stage2;
        if (nonZero(s2.total)) {
          blocks.push(paragraph(say("stages.sentence.straightTo2", { count: amount(s2.total), split: split(s2.concluded, s2.open) })));
          if (nonZero(s2.progressedToStage3)) blocks.push(paragraph(say("stages.onTo3", { count: amount(s2.progressedToStage3) })));
        }
        const s3 = first.stage3;
        if (nonZero(s3.total)) blocks.push(paragraph(say("stages.sentence.straightTo3", { count: amount(s3.total), split: split(s3.concluded, s3.open) })));
      }
      if (nonZero(f.acceptedOutOfTime)) blocks.push(paragraph(say("stages.outOfTime", { count: amount(f.acceptedOutOfTime) })));
    } else blocks.push(paragraph(say("received.sentence", { count: amount(f.received), comparison: "" })));
    blocks.push({ kind: "table", table: stagesTable });

    // Acknowledging them (the Complaint Handling Code's first promise)
    blocks.push(subheading(`${id}-acknowledgements`, say("acknowledgements.heading")));
    if (nonZero(f.received)) {
      const a = f.acknowledgements;
      const list = [
        ...(nonZero(a.inTime) ? [say("acknowledgements.inTime", { count: amount(a.inTime), limit: acknowledgeWithin })] : []),
        ...(nonZero(a.late) ? [say("acknowledgements.late", { count: amount(a.late), limit: acknowledgeWithin })] : []),
        ...(nonZero(a.notAcknowledged) ? [say("acknowledgements.notAcknowledged", { count: amount(a.notAcknowledged), end })] : []),
      ];
      const received = amount(f.received);
      const all = !isHidden(received) && a.inTime.value === f.received.value;
      const only = !isHidden(received) && f.received.value === 1;
      blocks.push(
        paragraph(
          all
            ? say("acknowledgements.all", { count: received, limit: acknowledgeWithin, comparison: "" })
            : only
              ? nonZero(a.late)
                ? say("acknowledgements.onlyLate", { limit: acknowledgeWithin })
                : say("acknowledgements.onlyNotAcknowledged", { end })
              : say(isHidden(received) ? "acknowledgements.sentenceHidden" : "acknowledgements.sentence", { count: received, list: joinList(list) }),
        ),
      );
      blocks.push({ kind: "table", table: acknowledgementsTable });
    } else blocks.push(paragraph(say("acknowledgements.none")));

    /** Stage 3's medians in the regulations' two parts, each with its limit; none for replies whose panel's meeting
     * was not recorded (they are said to be left out). */
    const stage3Medians = (): Block[] => {
      const p = f.stage3Panel;
      const toPanel = disclosure.show(p.toPanel, "current");
      const toResponse = disclosure.show(p.toResponse, "current");
      const out: Block[] = [];
      if (toPanel.kind === "number" && toResponse.kind === "number") {
        out.push(paragraph(say("timeliness.stage3Medians", { ...stage3Parts, toPanel: say("shown.days", { count: toPanel.value }), toResponse: say("shown.days", { count: toResponse.value }) })));
      }
      // A panel that met late is late in itself: the response is still timed from the meeting (decision 078).
      if (nonZero(p.panelLate)) out.push(paragraph(say("timeliness.stage3PanelsLate", { count: amount(p.panelLate), panel: stage3Parts.panel })));
      if (nonZero(p.panelNotRecorded)) {
        out.push(paragraph(p.panelRecorded.value === 0 ? say("timeliness.stage3NoPanels") : say("timeliness.stage3PanelsNotRecorded", { count: amount(p.panelNotRecorded) })));
      }
      return out;
    };

    // Time taken to reply
    blocks.push(subheading(`${id}-timeliness`, say("timeliness.heading")));
    const replied = stages.map((s) => f.timeliness[stageKeyOf(s)].replied);
    const ended = stages.map((s) => f.ended[stageKeyOf(s)]);
    /** Stages withdrawn or not considered are no replies: said where the replies are, so no one looks for them there. */
    const withoutReply = (stage: CaseStage): Block[] => {
      const outcomes = f.outcomes[stageKeyOf(stage)];
      const list = outcomesWithoutReply.filter((o) => nonZero(outcomes[o])).map((o) => say(`outcomes.${o}`, { count: amount(outcomes[o]) }));
      return list.length ? [paragraph(say("timeliness.withoutReply", { stage: stageName(stage), list: joinList(list) }))] : [];
    };
    if (replied.every(isZero)) {
      blocks.push(paragraph(say("timeliness.none", { period: name, inPeriod })));
      for (const stage of stages) blocks.push(...withoutReply(stage));
    } else {
      for (const stage of stages) {
        const t = f.timeliness[stageKeyOf(stage)];
        if (isZero(t.replied)) {
          blocks.push(...withoutReply(stage));
          continue;
        }
        if (!nonZero(t.replied)) {
          blocks.push(paragraph(say("timeliness.stageNone", { stage: stageName(stage), comparison: compare(t.replied) })), ...withoutReply(stage));
          continue;
        }
        const limit = limits(stage);
        const list = [
          ...(nonZero(t.inTime) ? [say("timeliness.inTime", { count: amount(t.inTime), limit: limit.limit })] : []),
          ...(nonZero(t.extended) ? [say("timeliness.extended", { count: amount(t.extended), extended: limit.extended ?? limit.limit })] : []),
          // Public health's regulations allow up to the months given; the working days are the council's own aim, and a
          // reply after them is not said to be late in the regulations' sense.
          ...(nonZero(t.late) ? [say(publicHealth ? "timeliness.latePublicHealth" : "timeliness.late", { count: amount(t.late), limit: limit.limit })] : []),
          ...(nonZero(t[notRecorded]) ? [say("timeliness.not-recorded", { count: amount(t[notRecorded]) })] : []),
        ];
        const median = disclosure.show(t.medianDays, "current");
        blocks.push(
          paragraph(
            say("timeliness.stage", { stage: stageName(stage), count: amount(t.replied), comparison: compare(t.replied), list: joinList(list) }) +
              (stage !== 3 && median.kind === "number" ? ` ${say("timeliness.median", { days: say("shown.days", { count: median.value }) })}` : ""),
          ),
        );
        if (stage === 3) blocks.push(...stage3Medians());
        blocks.push(...withoutReply(stage));
      }
      if (!tableIsEmpty(timelinessTable)) {
        blocks.push(chart(`${id}-timeliness-chart`, say("timeliness.countsTitle"), say("timeliness.countsDescription", { period: name, inPeriod }), timelinessTable, "groups"));
        blocks.push(
          chart(
            `${id}-median-chart`,
            say("timeliness.medianTitle"),
            say(publicHealth ? "timeliness.medianDescriptionMonths" : "timeliness.medianDescription", { previousSeries }),
            medianTable,
            "series",
          ),
        );
      }
    }

    // Outcomes
    blocks.push(subheading(`${id}-outcomes`, say("outcomes.heading")));
    if (ended.every((count) => count.value === 0)) blocks.push(paragraph(say("outcomes.none", { period: name, inPeriod })));
    else {
      for (const stage of stages) {
        const key = stageKeyOf(stage);
        if (!nonZero(f.ended[key])) continue;
        const list = outcomeKeys.filter((o) => nonZero(f.outcomes[key][o])).map((o) => say(`outcomes.${o}`, { count: amount(f.outcomes[key][o]) }));
        const count = amount(f.ended[key]);
        // One stage ended: "The only complaint replied to at stage 1 was upheld", never "The outcome of the 1 complaint … 1 upheld".
        const only = !isHidden(count) && f.ended[key].value === 1 ? outcomeKeys.find((o) => nonZero(f.outcomes[key][o])) : undefined;
        // "replied to" only where every one was: a withdrawal is no reply.
        const allReplies = outcomesWithoutReply.every((o) => !nonZero(f.outcomes[key][o]));
        blocks.push(
          paragraph(
            only
              ? say(`outcomeOnly.${only}`, { stage: stageName(stage) })
              : say(isHidden(count) ? (allReplies ? "outcomes.stageHidden" : "outcomes.stageEndedHidden") : allReplies ? "outcomes.stage" : "outcomes.stageEnded", { count, stage: stageName(stage), list: joinList(list) }),
          ),
        );
      }
      blocks.push(chart(`${id}-outcomes-chart`, say("outcomes.title"), say("outcomes.description", { period: name, inPeriod }), outcomesTable, "groups"));
    }

    // Advocacy
    blocks.push(subheading(`${id}-advocacy`, say("advocacy.heading")));
    blocks.push(paragraph(say("advocacy.asked", { count: amount(f.advocacy.asked), comparison: compare(f.advocacy.asked) })));
    const arranged = roleKeys.filter((key) => nonZero(f.advocacy.arrangedByRole[key])).map((key) => say(`rolePeople.${key}`, { count: amount(f.advocacy.arrangedByRole[key]) }));
    blocks.push(paragraph(say("advocacy.arranged", { count: amount(f.advocacy.arranged), list: joinList(arranged) })));
    if (!tableIsEmpty(advocacyTable)) blocks.push({ kind: "table", table: advocacyTable });

    // The Ombudsman
    blocks.push(subheading(`${id}-ombudsman`, say("ombudsman.heading")));
    blocks.push(paragraph(say("ombudsman.considered", { count: amount(f.ombudsman.considered), period: name, inPeriod, comparison: compare(f.ombudsman.considered) })));
    if (nonZero(f.ombudsman.referredBack)) blocks.push(paragraph(say("ombudsman.referredBack", { count: amount(f.ombudsman.referredBack) })));
    if (nonZero(f.ombudsman.decided)) {
      const list = decisionKeys
        .filter((key) => nonZero(f.ombudsman.decisions[key]))
        .map((key) => say("decisionCount", { count: amount(f.ombudsman.decisions[key]), decision: say(`decision.${key}`) }));
      blocks.push(paragraph(say("ombudsman.decided", { count: amount(f.ombudsman.decided), list: joinList(list) })));
    }
    if (!tableIsEmpty(ombudsmanTable)) blocks.push({ kind: "table", table: ombudsmanTable });

    // Carried forward and carried in
    blocks.push(subheading(`${id}-carried`, say("carried.heading")));
    const atStages = publicHealth
      ? []
      : stages.filter((stage) => nonZero(f.carriedForward.atStage[stageKeyOf(stage)])).map((stage) => say("carried.atStage", { count: amount(f.carriedForward.atStage[stageKeyOf(stage)]), stage }));
    blocks.push(
      paragraph(
        say("carried.forward", {
          count: amount(f.carriedForward.total),
          end,
          next: carriedNext,
          comparison: compare(f.carriedForward.total),
          details: atStages.length ? say("carried.atStages", { list: joinList(atStages) }) : "",
        }),
      ),
    );
    if (nonZero(figures.serviceNotSettledOpen)) blocks.push(paragraph(say("carried.notSettled", { count: amount(figures.serviceNotSettledOpen) })));
    // "from 2024/25" only when each was received then; one received before it makes it "from 2024/25 and earlier".
    const previousYear = financial !== null ? periodName(financialYear(financial - 1)) : null;
    const fromEarlier = f.carriedIn.fromEarlier.value;
    const carriedFrom =
      previousYear === null
        ? say("carried.inFromBefore", { date: formatDate(period.from) })
        : fromEarlier === 0
          ? previousYear
          : fromEarlier === f.carriedIn.total.value
            ? say("carried.inFromBeforeYear", { year: previousYear })
            : say("carried.inFromYearAndEarlier", { year: previousYear });
    const inList = [
      ...(publicHealth
        ? nonZero(f.carriedIn.concluded.total)
          ? [say("carried.concluded", { count: amount(f.carriedIn.concluded.total) })]
          : []
        : stages
            .filter((stage) => nonZero(f.carriedIn.concluded.atStage[stageKeyOf(stage)]))
            .map((stage) => say("carried.concludedAt", { count: amount(f.carriedIn.concluded.atStage[stageKeyOf(stage)]), stage }))),
      ...(nonZero(f.carriedIn.open) ? [say("carried.stillOpen", { count: amount(f.carriedIn.open) })] : []),
    ];
    blocks.push(paragraph(say("carried.in", { count: amount(f.carriedIn.total), from: carriedFrom, list: joinList(inList) })));
    if (nonZero(f.reopened.total)) {
      const reopenedList = [
        ...(nonZero(f.reopened.concluded) ? [say("carried.concluded", { count: amount(f.reopened.concluded) })] : []),
        ...(nonZero(f.reopened.open) ? [say("carried.stillOpen", { count: amount(f.reopened.open) })] : []),
      ];
      blocks.push(paragraph(say("carried.reopened", { count: amount(f.reopened.total), start: formatDate(period.from), inPeriod, list: joinList(reopenedList) })));
    }
    blocks.push({ kind: "table", table: carriedTable });
    return { id, heading, blocks };
  }

  // --- Requests -------------------------------------------------------------------------------------------------
  {
    const heading = say("requests.heading");
    const { formats, advocates, escalations } = figures.requests;
    const blocks: Block[] = [paragraph(say("requests.formats", { count: amount(formats.total), comparison: compare(formats.total) }))];
    const formatKeys = orderedKeys(formats.byFormat, ["large-print", "braille", "easy-read", "audio", "another-language", "bsl"]);
    const formatLabel = (key: string) => (hasWords(`format.${key}`) ? say(`format.${key}` as ReportWordKey) : key.replace(/-/g, " "));
    if (nonZero(formats.total)) {
      const list = formatKeys.filter((key) => nonZero(formats.byFormat[key]!)).map((key) => say("requests.formatPart", { format: formatLabel(key), count: amount(formats.byFormat[key]!) }));
      blocks.push(paragraph(say("requests.byFormat", { list: joinList(list) })));
      const languages = Object.keys(formats.byLanguage)
        .filter((key) => nonZero(formats.byLanguage[key]!))
        .sort((a, b) => formats.byLanguage[b]!.value - formats.byLanguage[a]!.value || a.localeCompare(b));
      if (languages.length) {
        const list = languages.map((key) => say("requests.formatPart", { format: key === notRecorded ? say("language.not-recorded") : key, count: amount(formats.byLanguage[key]!) }));
        blocks.push(paragraph(say("requests.languages", { list: joinList(list) })));
      }
    }
    blocks.push(paragraph(say("requests.advocates", { count: amount(advocates), comparison: compare(advocates) })));
    blocks.push(paragraph(say("requests.escalations", { count: amount(escalations.total), comparison: compare(escalations.total) })));
    const formatTable = compareTable("requests-format", heading, say("requests.formatCaption"), [
      row(say("requests.formatTotal"), formats.total),
      ...formatKeys.map((key) => row(sentence(formatLabel(key)), formats.byFormat[key]!, { indent: 1 })),
    ]);
    const languageTable = compareTable(
      "requests-language",
      heading,
      say("requests.languageCaption"),
      Object.keys(formats.byLanguage)
        .sort((a, b) => formats.byLanguage[b]!.value - formats.byLanguage[a]!.value || a.localeCompare(b))
        .map((key) => row(key === notRecorded ? sentence(say("language.not-recorded")) : key, formats.byLanguage[key]!)),
    );
    const stageKeys = orderedKeys(escalations.byStage, ["stage2", "stage3"]);
    const otherTable = compareTable("requests-other", heading, say("requests.otherCaption"), [
      row(say("requests.advocatesRow"), advocates),
      row(say("requests.escalationsRow"), escalations.total),
      ...stageKeys.map((key) =>
        row(key === notRecorded ? say("requests.escalationNotRecordedRow") : say("requests.escalationStageRow", { stage: key.replace("stage", "") }), escalations.byStage[key]!, { indent: 1 }),
      ),
    ]);
    for (const table of [formatTable, languageTable, otherTable]) if (!tableIsEmpty(table)) blocks.push({ kind: "table", table });
    sections.push({ id: "requests", heading, blocks });
  }

  // --- How people reached us --------------------------------------------------------------------------------
  {
    const heading = say("reach.heading");
    const { reach } = figures;
    const blocks: Block[] = [paragraph(say("reach.total", { count: amount(reach.total), period: name, inPeriod, comparison: compare(reach.total) }))];
    const languageName = new Intl.DisplayNames(["en-GB"], { type: "language" });
    const nameOf = (code: string) => {
      if (code === notRecorded) return say("language.not-recorded");
      try {
        return languageName.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const languages = Object.keys(reach.byLanguage).sort((a, b) => reach.byLanguage[b]!.value - reach.byLanguage[a]!.value || a.localeCompare(b));
    if (nonZero(reach.total)) {
      const channels = caseChannels.filter((key) => nonZero(reach.byChannel[key])).map((key) => say(`reach.channel.${key}`, { count: amount(reach.byChannel[key]) }));
      blocks.push(paragraph(say("reach.channels", { list: joinList(channels) })));
    }
    if (nonZero(reach.portal)) {
      const list = languages.filter((key) => nonZero(reach.byLanguage[key]!)).map((key) => say("reach.languagePart", { count: amount(reach.byLanguage[key]!), language: nameOf(key) }));
      blocks.push(paragraph(say("reach.languages", { list: joinList(list) })));
      blocks.push(paragraph(say("reach.javascript", { on: amount(reach.javascript.on), off: amount(reach.javascript.off), unknown: amount(reach.javascript.unknown) })));
      if (widthKeys.some((key) => key !== notRecorded && nonZero(reach.width[key]))) {
        const list = widthKeys.filter((key) => nonZero(reach.width[key])).map((key) => say("reach.widthPart", { count: amount(reach.width[key]), band: say(`widthWords.${key}`) }));
        blocks.push(paragraph(say("reach.width", { list: joinList(list) })));
      }
    }
    const channelTable = compareTable("reach-channel", heading, say("reach.channelCaption"), [
      row(say("reach.channelTotal"), reach.total),
      ...caseChannels.map((key) => row(say(`channel.${key}`), reach.byChannel[key], { indent: 1 })),
    ]);
    const languageTable = compareTable("reach-language", heading, say("reach.languageCaption"), [
      row(say("reach.portalTotal"), reach.portal, { repeated: true }),
      ...languages.map((key) => row(sentence(nameOf(key)), reach.byLanguage[key]!, { indent: 1 })),
    ]);
    const javascriptTable = compareTable("reach-javascript", heading, say("reach.javascriptCaption"), [
      row(say("reach.portalTotal"), reach.portal, { repeated: true }),
      ...javascriptKeys.map((key) => row(say(`javascript.${key}`), reach.javascript[key], { indent: 1 })),
    ]);
    const widthTable = compareTable("reach-width", heading, say("reach.widthCaption"), [
      row(say("reach.portalTotal"), reach.portal, { repeated: true }),
      ...widthKeys.map((key) => row(say(`width.${key}`), reach.width[key], { indent: 1 })),
    ]);
    // What was kept of how the portal was used, and that it identifies nobody: said where those figures are shown (a
    // year whose complaints all came by phone has none).
    const portalTables = [languageTable, javascriptTable, widthTable].filter((table) => !tableIsEmpty(table));
    if (portalTables.length) blocks.push(paragraph(say("reach.anonymous")));
    for (const table of [channelTable, ...portalTables]) if (!tableIsEmpty(table)) blocks.push({ kind: "table", table });
    sections.push({ id: "reach", heading, blocks });
  }

  // --- Lessons learned ----------------------------------------------------------------------------------------
  // The statutory report says what the council learned from complaints upheld in whole or in part (the seed's
  // section 8 and Appendix 2). The portal keeps no details of what a complaint was about, so the draft gives where
  // those replies were and asks for the rest, from the case records.
  {
    const heading = say("lessons.heading");
    const blocks: Block[] = [];
    const upholding = ["upheld", "partly-upheld"] as const;
    const parts = reportedServices.flatMap((service) =>
      serviceStages[service].flatMap((stage) => {
        const outcomes = figures.services[service].outcomes[stageKeyOf(stage)];
        const found = upholding.filter((outcome) => nonZero(outcomes[outcome]));
        if (!found.length) return [];
        const list = joinList(found.map((outcome) => say(`outcomes.${outcome}`, { count: amount(outcomes[outcome]) })));
        return [say(serviceStages[service].length > 1 ? "lessons.part" : "lessons.partOneStage", { list, stage: say("timeliness.stageName", { stage }), service: say(`service.${service}.name`) })];
      }),
    );
    // Each part has a list of its own: they are kept apart with semicolons.
    blocks.push(paragraph(parts.length ? say("lessons.upheld", { inPeriod, list: parts.join("; ") }) : say("lessons.noneUpheld", { inPeriod })));
    blocks.push({ kind: "toAdd", label: say("lessons.toAddLabel"), text: say(parts.length ? "lessons.toAdd" : "lessons.toAddNone") });
    sections.push({ id: "lessons", heading, blocks });
  }

  // --- Appendix: quotations -----------------------------------------------------------------------------------
  {
    const heading = say("quotations.heading");
    const quotations = input.quotations.filter((quotation) => quotation.receivedOn >= period.from && quotation.receivedOn <= period.to).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
    const blocks: Block[] = [];
    if (quotationsHeldBack) blocks.push(paragraph(say("quotations.heldBack", { period: name })));
    else if (quotations.length) {
      blocks.push(paragraph(say("quotations.intro", { period: name, inPeriod })));
      // Under suppression a quotation says only when it came: who sent it, and about which service, would give away
      // the counts the tables show as "fewer than" (two captions "from a child" beside "fewer than 3" make 2).
      const suppressing = context.suppressBelow !== null;
      blocks.push({ kind: "quotations", items: quotations.map((quotation) => ({ text: quotation.text, attribution: attribution(quotation, suppressing) })), check: say("quotations.check"), checkHint: say("quotations.checkHint") });
    } else blocks.push(paragraph(say("quotations.none", { period: name, inPeriod })));
    sections.push({ id: "appendix-1", heading, blocks });
  }

  return {
    title: say("document.title", { period: name, inPeriod }),
    councilName: context.councilName,
    serviceName: context.serviceName,
    subtitle: `${say("document.service")}, ${formatDate(period.from)} to ${end}`,
    made: say("document.made", { date: formatDate(context.madeOn) }),
    draftNote: say("document.draft"),
    smallNumbersNote: smallNumbersNote(tables, context.suppressBelow),
    period,
    periodName: name,
    csvPeriod: financial !== null ? name : `${period.from} to ${period.to}`,
    csvPreviousHeading: `${say("csv.previous")} (${financial !== null ? periodName(figures.previousPeriod) : `${figures.previousPeriod.from} to ${figures.previousPeriod.to}`})`,
    sections,
    tables,
    disclosure,
    figures,
  };
}

function attribution(quotation: Quotation, suppressing: boolean): string {
  const role: ComplainantRole | typeof notRecorded = quotation.role ?? notRecorded;
  const service = quotation.service ?? notRecorded;
  const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${quotation.receivedOn}T00:00:00Z`));
  if (suppressing) return say("quotations.received", { month });
  return say("quotations.from", { role: say(`quotations.role.${role}`), service: say(`quotations.service.${service}`), month });
}

/** The known keys first, in their order, then any others found in either period, alphabetically. */
function orderedKeys(counts: Record<string, Count>, known: readonly string[]): string[] {
  const present = Object.keys(counts);
  return [...known.filter((key) => present.includes(key)), ...present.filter((key) => !known.includes(key)).sort()];
}

function hasWords(key: string): boolean {
  try {
    say(key as ReportWordKey);
    return true;
  } catch {
    return false;
  }
}

/** How many counts in the tables, this period's and the last, are from 1 to below the suggested threshold, when no
 * threshold was given: each figure once, however many tables state it. */
function smallNumbersNote(tables: readonly ReportTable[], suppressBelow: number | null): string | null {
  if (suppressBelow !== null) return null;
  const small = { current: new Set<Count>(), previous: new Set<Count>() };
  for (const cell of tables.flatMap((table) => table.rows.flatMap((row) => row.cells))) {
    if (isMedian(cell.figure)) continue;
    const value = cell.period === "current" ? cell.figure.value : cell.figure.previous;
    if (value !== null && value > 0 && value < suggestedSuppressBelow) small[cell.period].add(cell.figure);
  }
  const count = small.current.size + small.previous.size;
  return count ? say("document.smallNumbers", { count, below: suggestedSuppressBelow, highest: suggestedSuppressBelow - 1 }) : null;
}
