import { readFileSync } from "node:fs";
import { englishExampleCouncil } from "../../tests/support/example-council";
import { describe, expect, it } from "vitest";
import type { CaseRecord, ReportInput, SubmissionRecord } from "~/cases/case-record";
import type { TimelineEvent } from "~/cases/case-events";
import { caseRecordOf, replay } from "~/cases/case-state";
import { seedYear, seedYearInput } from "../../tests/support/seed-year";
import { buildReport, type ReportContext } from "./report-document";
import { renderReportCsv } from "./report-csv";
import { renderReportHtml } from "./report-html";
import { attribute, csvRows, elementsOf, within, wordsOf, type Element } from "./report-html.test-support";
import { financialYear } from "./report-period";
import { chartColours } from "./report-charts";
import { councilBrandColour } from "./report-styles";
import { exampleTimetable, statutoryTimetable } from "../../tests/support/example-timetable";

const context = (suppressBelow: number | null = null): ReportContext => ({
  councilName: englishExampleCouncil.councilName,
  serviceName: englishExampleCouncil.serviceName,
  timetable: statutoryTimetable,
  madeOn: "2026-12-02",
  suppressBelow,
});

function render(input: ReportInput, period = seedYear, suppressBelow: number | null = null) {
  const report = buildReport(input, period, context(suppressBelow));
  const html = renderReportHtml(report);
  return { report, html, csv: renderReportCsv(report), elements: elementsOf(html) };
}

const paragraphs = (elements: Element[]) => elements.filter((element) => element.tagName === "p").map(wordsOf);
const sectionWords = (elements: Element[], id: string) => wordsOf(elements.find((element) => element.tagName === "section" && attribute(element, "id") === id)!);

describe("the seed year's report", () => {
  const { html, csv, elements } = render(seedYearInput());
  const sentences = paragraphs(elements);
  const lines = csvRows(csv);
  const csvValue = (section: string, figure: string) => lines.find((line) => line[0] === section && line[1] === figure)?.slice(2);

  it("states section 7's figures in its sentences", () => {
    expect(sentences).toEqual(
      expect.arrayContaining([
        "8 compliments were received, 2 fewer than the previous year.",
        "18 complaints were received, the same as the previous year.",
        "Of the 18 complaints received, 2 were from care leavers, 13 were from parents, 2 were from foster or connected carers and 1 was from a grandparent or relative.",
        "Of the 18 complaints received, 14 had been concluded by 31 March 2018 and 4 were still open.",
        "16 were first considered at stage 1: of these, 12 were concluded at stage 1 and 4 progressed to stage 2 (2 concluded and 2 still open).",
        "2 went straight to stage 2 without first being considered at stage 1 (2 still open).",
        "1 complaint was accepted outside the 12-month time limit for making a complaint.",
        "All 18 complaints received were acknowledged within 5 working days.",
        "An advocate was arranged for 1 care leaver.",
        "No complaints were considered by the Local Government and Social Care Ombudsman in 2017/18, the same as the previous year.",
        "1 person went to the Ombudsman and was referred back to the council to consider their complaint first.",
        "4 complaints were still open on 31 March 2018 (4 at stage 2) and are carried forward to 2018/19, 2 more than the previous year.",
        "2 complaints were carried in from 2016/17: 2 were concluded at stage 2.",
        "There were no complaints about public health received in 2017/18, the same as the previous year.",
      ]),
    );
  });

  it("says where complaints were upheld, and asks for the lessons learned, which only the case records hold, on screen only", () => {
    expect(sentences).toContain(
      "Replies sent in 2017/18 upheld complaints in whole or in part: at stage 1 in children's social care, 2 upheld and 5 partly upheld; at stage 2 in children's social care, 1 upheld and 1 partly upheld.",
    );
    const toAdd = elements.find((element) => attribute(element, "class")?.includes("report-to-add"));
    expect(toAdd && attribute(toAdd, "class")).toContain("report-no-print");
    expect(wordsOf(toAdd!)).toMatch(/^Add before publishing\s*For each of these, say what happened/);
    const none = render({ cases: [], submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(none.elements)).toContain("No reply sent in 2025/26 upheld a complaint in whole or in part.");
  });

  it("states each figure in the CSV, with the previous year's", () => {
    expect(lines[0]).toEqual(["Section", "Figure", "Period", "Value", "Previous value (2016/17)"]);
    const csc = "Children's social care complaints";
    expect(csvValue("Compliments", "Compliments received, by service: Compliments received")).toEqual(["2017/18", "8", "10"]);
    expect(csvValue(csc, "Complaints received each month: Complaints received")).toEqual(["2017/18", "18", "18"]);
    expect(csvValue(csc, "Complaints received, by who made them: Care leaver")).toEqual(["2017/18", "2", "0"]);
    expect(csvValue(csc, "Complaints received, by who made them: Foster or connected carer")).toEqual(["2017/18", "2", "0"]);
    expect(csvValue(csc, "Complaints received, by who made them: Parent")).toEqual(["2017/18", "13", "13"]);
    expect(csvValue(csc, "Complaints received, by who made them: Grandparent or relative")).toEqual(["2017/18", "1", "1"]);
    expect(csvValue(csc, "Complaints received, by how far they went: First considered at stage 1")).toEqual(["2017/18", "16", "18"]);
    expect(csvValue(csc, "Complaints received, by how far they went: Concluded at stage 1")?.[1]).toBe("12");
    expect(csvValue(csc, "Complaints received, by how far they went: Progressed to stage 2")?.[1]).toBe("4");
    expect(csvValue(csc, "Complaints received, by how far they went: Progressed to stage 2 and concluded")?.[1]).toBe("2");
    expect(csvValue(csc, "Complaints received, by how far they went: Progressed to stage 2 and still open")?.[1]).toBe("2");
    expect(csvValue(csc, "Complaints received, by how far they went: Went straight to stage 2")?.[1]).toBe("2");
    expect(csvValue(csc, "Complaints received, by how far they went: Accepted outside the 12-month time limit")?.[1]).toBe("1");
    expect(csvValue(csc, "Advocates for people who complained: Advocate arranged for: Care leaver")?.[1]).toBe("1");
    expect(csvValue(csc, "Complaints and the Ombudsman: Considered by the Ombudsman")?.[1]).toBe("0");
    expect(csvValue(csc, "Complaints and the Ombudsman: Referred back to the council")?.[1]).toBe("1");
    expect(csvValue(csc, "Complaints carried forward and carried in: Carried forward (open on 31 March 2018)")).toEqual(["2017/18", "4", "2"]);
    expect(csvValue(csc, "Complaints carried forward and carried in: Carried in and concluded at stage 2")?.[1]).toBe("2");
    expect(csvValue("Public health complaints", "Complaints received each month: Complaints received")).toEqual(["2017/18", "0", "0"]);
    // Named without the period, as every figure is: the period is its own column, and the previous year's beside it.
    expect(csvValue(csc, "Replies sent, by whether they were in time: Within the time limit, Stage 1")).toEqual(["2017/18", "12", "18"]);
    expect(lines.slice(1).filter((line) => line[1]!.includes("2017/18") || line[1]!.includes("2016/17"))).toEqual([]);
    expect(csvValue(csc, "Median working days to reply, by stage: Stage 2 (limit 25 working days, or up to 65 working days if extended)")).toEqual(["2017/18", "51", ""]);
  });

  it("lists each figure once in the CSV, with as many fields on every line", () => {
    const figures = lines.slice(1).map((line) => `${line[0]}|${line[1]}`);
    expect(new Set(figures).size).toBe(figures.length);
    expect(lines.every((line) => line.length === 5)).toBe(true);
    expect(csv.startsWith("\uFEFFSection,")).toBe(true);
  });

  it("quotes the compliments in the appendix, each marked to be checked, the mark not printed", () => {
    const appendix = elements.find((element) => attribute(element, "id") === "appendix-1")!;
    const quotes = within(appendix, "blockquote");
    expect(quotes).toHaveLength(7);
    expect(wordsOf(quotes[2]!)).toBe("H you are the best social worker ever. H you are the best because you moved me like I asked. Please keep in touch. Many thanks.");
    const marks = within(appendix, "strong").filter((element) => wordsOf(element) === "Check before publishing");
    expect(marks).toHaveLength(7);
    expect(marks.every((mark) => attribute(mark, "class")?.split(" ").includes("report-no-print"))).toBe(true);
    expect(html).toMatch(/@media print \{[^]*\.report-no-print, \.report-footer \{ display: none; \}/);
  });

  it("is one self-contained document: English, no scripts, no links or requests outside itself", () => {
    expect(elements.find((element) => element.tagName === "html")!.attrs).toContainEqual({ name: "lang", value: "en" });
    expect(elements.some((element) => element.tagName === "script" || element.tagName === "link" || element.tagName === "img" || element.tagName === "iframe")).toBe(false);
    for (const element of elements) {
      for (const name of ["src", "href", "srcset", "action", "poster", "data"]) {
        const value = attribute(element, name);
        if (value !== undefined) expect(value, `${element.tagName} ${name}`).toMatch(/^#[\w-]+$/);
      }
    }
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import|@font-face/);
  });

  it("has headings in order, and tables with captions and scoped headers", () => {
    const levels = elements.filter((element) => /^h[1-6]$/.test(element.tagName)).map((element) => Number(element.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, index) => index > 0 && expect(level - levels[index - 1]!).toBeLessThanOrEqual(1));
    const tables = elements.filter((element) => element.tagName === "table");
    expect(tables.length).toBeGreaterThan(10);
    for (const table of tables) {
      expect(within(table, "caption")).toHaveLength(1);
      expect(within(table, "th").every((th) => ["col", "row"].includes(attribute(th, "scope") ?? ""))).toBe(true);
    }
  });

  it("gives every chart a title, a description and the table of its numbers, and hides the drawing from screen readers", () => {
    const figures = elements.filter((element) => element.tagName === "figure" && attribute(element, "class") === "report-figure");
    expect(figures.length).toBe(5);
    for (const figure of figures) {
      const caption = within(figure, "figcaption")[0]!;
      expect(within(caption, "span").map(wordsOf).every((words) => words.length > 10)).toBe(true);
      const svg = within(figure, "svg");
      expect(svg).toHaveLength(1);
      expect(attribute(svg[0]!, "aria-hidden")).toBe("true");
      expect(within(figure, "table")).toHaveLength(1);
    }
  });

  it("draws bars in proportion to the numbers written beside them", () => {
    const chart = elements.find((element) => attribute(element, "id") === "csc-role-chart")!;
    const bars = within(chart, "rect").filter((rect) => attribute(rect, "class") === "report-bar");
    const values = bars.map((bar) => barValue(chart, bar));
    // Child or young person (none this year, 4 the year before), care leaver, parent (both years), connected carer, grandparent (both years).
    expect(values).toEqual([4, 2, 13, 13, 2, 1, 1]);
    const ratios = bars.map((bar, index) => Number(attribute(bar, "width")) / (values[index] as number));
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 0);
  });

  it("draws in colours with at least 3:1 contrast against white, and writes white on the brand colour at 4.5:1 or more", () => {
    for (const colour of [chartColours.current, chartColours.previous, chartColours.text]) expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
    expect(contrast(councilBrandColour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("uses the council's brand colour as the portal's styles set it", () => {
    expect(readFileSync("app/styles/_council.scss", "utf8")).toMatch(new RegExp(`\\$council-brand-colour: ${councilBrandColour};`));
    expect(html).toContain(`background: ${councilBrandColour}`);
  });
});

/** WCAG's contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The number written at the end of a bar: the label on the bar's line, just past its end. */
function barValue(chart: Element, bar: Element): number | string {
  const x = Number(attribute(bar, "x")) + Number(attribute(bar, "width"));
  const y = Number(attribute(bar, "y")) + Number(attribute(bar, "height")) - 2;
  const label = within(chart, "text").find((text) => Math.abs(Number(attribute(text, "x")) - x - 4) < 0.2 && Number(attribute(text, "y")) === y);
  const words = label ? wordsOf(label) : "no label";
  return /^\d+(\.\d+)?$/.test(words) ? Number(words) : words;
}

/** A complaint's record as the portal keeps it: opened, then each event applied by the case rules. */
function caseThrough(receivedOn: string, events: TimelineEvent[]): CaseRecord {
  const opening = { reference: "C-7K4M-2Q9P-W", service: "childrens-social-care" as const, role: "parent" as const, receivedOn, channel: "portal" as const, reach: null, firstStage: 1 as const, advocateAsked: false, acceptedOutOfTime: false };
  return caseRecordOf(replay(opening, events, exampleTimetable));
}

describe("stage 3's time limit", () => {
  it("is given as the statutory limits the reply is judged by, never one 50 days beside a median that makes a late reply look early", () => {
    // Stage 3 asked for on 2 June 2025; the panel met on 9 June, so the response was due 20 working days later, on
    // 7 July. Sent on 21 July: late, though only 35 working days after the request.
    const late = caseThrough("2025-04-01", [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2025-04-08" },
      { type: "stage-started", stage: 2, date: "2025-04-09" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2025-05-30" },
      { type: "next-stage-requested", stage: 3, date: "2025-06-02", late: false, answered: false },
      { type: "stage-started", stage: 3, date: "2025-06-03" },
      { type: "panel-held", date: "2025-06-09" },
      { type: "replied", stage: 3, outcome: "not-upheld", date: "2025-07-21" },
    ]);
    expect(late.stages[2]).toMatchObject({ dueOn: "2025-07-07", timeliness: "late", workingDays: 35 });
    const { csv, elements } = render({ cases: [late], submissions: [], quotations: [] }, financialYear(2025));
    const said = paragraphs(elements).join(" ");
    expect(csv).not.toMatch(/limit 50/);
    expect(said).not.toMatch(/median time to reply was 35/);
    expect(said).toContain("At stage 3, 1 reply was sent (1 late)");
    expect(said).toContain(
      "The review panel met a median of 5 working days after the request (limit 30 working days), and the response was sent a median of 30 working days after the panel met (limit 20 working days: its report within 5 working days, the response within 15 working days).",
    );
    const line = (figure: string) => csvRows(csv).find((fields) => fields[1] === `Median working days to reply, by stage: ${figure}`)?.[3];
    expect([line("Stage 3, from the request to the review panel (limit 30 working days)"), line("Stage 3, from the review panel to the response (limit 20 working days: its report within 5 working days, the response within 15 working days)")]).toEqual(["5", "30"]);
  });

  it("counts a panel that met late as late, and its response within the time after the meeting as in time", () => {
    // Stage 3 began on 3 June 2025, so the panel was due by 15 July; it met on 28 July (late). The response on
    // 22 August is 19 working days after the meeting: in time, though 58 working days after the stage began.
    const latePanel = caseThrough("2025-04-01", [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2025-04-08" },
      { type: "stage-started", stage: 2, date: "2025-04-09" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2025-05-30" },
      { type: "stage-started", stage: 3, date: "2025-06-03" },
      { type: "panel-held", date: "2025-07-28" },
      { type: "replied", stage: 3, outcome: "not-upheld", date: "2025-08-22" },
    ]);
    expect(latePanel.stages[2]).toMatchObject({ panel: { dueOn: "2025-07-15", heldOn: "2025-07-28" }, dueOn: "2025-08-26", timeliness: "in-time" });
    const said = paragraphs(render({ cases: [latePanel], submissions: [], quotations: [] }, financialYear(2025)).elements).join(" ");
    expect(said).toContain("At stage 3, 1 reply was sent (1 within the time limits");
    expect(said).toContain("1 stage 3 review panel met later than 30 working days after the request.");
  });

  it("says a stage 3 whose panel's meeting was not recorded is left out of its medians", () => {
    expect(render(seedYearInput()).html).toContain("Made on 2 December 2026 from the anonymous records the portal keeps of everything sent through it and everything staff recorded in it.");
    const kept = record("2025-04-01", {
      stages: [{ stage: 3, startedOn: "2025-04-01", dueOn: "2025-06-11", extendedDueOn: null, repliedOn: "2025-06-02", outcome: "upheld", workingDays: 42, timeliness: "in-time" }],
      firstStage: 3,
      closedOn: "2025-06-02",
    });
    const said = paragraphs(render({ cases: [kept], submissions: [], quotations: [] }, financialYear(2025)).elements).join(" ");
    expect(said).toContain("The day the review panel met was not recorded for these replies, so the time each part took cannot be given.");
    expect(said).not.toMatch(/median time to reply was 42/);
  });
});

describe("carried forward and carried in", () => {
  it("counts a complaint whose service is not yet settled, open at the year's end, as carried forward", () => {
    const notSure = record("2026-03-16", { service: "not-sure", stages: [{ stage: 1, startedOn: "2026-03-16", dueOn: "2026-03-30", extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null }] });
    // Beside a children's social care complaint received and concluded in the year, so that its section is written.
    const concluded = record("2025-05-01", { stages: [{ stage: 1, startedOn: "2025-05-01", dueOn: "2025-05-16", extendedDueOn: null, repliedOn: "2025-05-08", outcome: "upheld", workingDays: 4, timeliness: "in-time" }], closedOn: "2025-05-08" });
    const { report, elements, csv } = render({ cases: [concluded, notSure], submissions: [], quotations: [] }, financialYear(2025));
    expect(report.figures.serviceNotSettledOpen.value).toBe(1);
    const said = paragraphs(elements);
    expect(said).toContain("1 complaint about a service not yet settled was still open on 31 March 2026 and is carried forward to 2026/27; there are no figures for the previous year to compare with; it is in neither service's carried forward figures below.");
    expect(said).toContain("Not counted here: 1 complaint about a service not yet settled, also still open and carried forward (see About this report).");
    expect(csvRows(csv).find((fields) => fields[1] === "Complaints about a service not yet settled: Still open on 31 March 2026 (carried forward)")?.[3]).toBe("1");
  });

  it("says complaints were carried in from the year before only when each was received then", () => {
    const open = (receivedOn: string) => record(receivedOn, { stages: [{ stage: 1, startedOn: receivedOn, dueOn: receivedOn, extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null }] });
    const said = (cases: CaseRecord[]) => paragraphs(render({ cases, submissions: [], quotations: [] }, financialYear(2025)).elements).join(" ");
    expect(said([open("2024-06-03")])).toContain("1 complaint was carried in from 2024/25: 1 is still open.");
    // Received two years before, open all through: not "from 2024/25".
    expect(said([open("2023-06-01")])).toContain("1 complaint was carried in from before 2024/25: 1 is still open.");
    expect(said([open("2023-06-01"), open("2024-06-03")])).toContain("2 complaints were carried in from 2024/25 and earlier years: 2 are still open.");
  });
});

describe("withdrawn complaints and those not considered", () => {
  it("are outcomes, never replies: no timeliness, no median, said where the replies are", () => {
    // Withdrawn 21 working days into stage 1 (recorded, as the case rules need, as the stage's ending).
    const withdrawn = caseThrough("2025-05-01", [
      { type: "replied", stage: 1, outcome: "withdrawn", date: "2025-05-30" },
      { type: "closed", date: "2025-05-30" },
    ]);
    expect(withdrawn.stages[0]).toMatchObject({ timeliness: "late" });
    const answered = caseThrough("2025-05-01", [
      { type: "replied", stage: 1, outcome: "upheld", date: "2025-05-08" },
      { type: "closed", date: "2025-05-08" },
    ]);
    const { elements, csv, report } = render({ cases: [withdrawn, answered], submissions: [], quotations: [] }, financialYear(2025));
    const said = paragraphs(elements).join(" ");
    expect(said).toContain("At stage 1, 1 reply was sent (1 within 10 working days); there are no figures for the previous year to compare with. The median time to reply was 4 working days.");
    expect(said).toContain("Complaints withdrawn or not considered had no reply, so they are not counted here: at stage 1, 1 withdrawn.");
    expect(said).toContain("The outcomes of the 2 complaints replied to, withdrawn or not considered at stage 1 were: 1 upheld and 1 withdrawn.");
    expect(said).not.toMatch(/late/);
    const csc = report.figures.services["childrens-social-care"];
    expect([csc.timeliness.stage1.replied.value, csc.timeliness.stage1.late.value, csc.ended.stage1.value, csc.outcomes.stage1.withdrawn.value]).toEqual([1, 0, 2, 1]);
    expect(csvRows(csv).find((fields) => fields[1] === "Replies sent, by whether they were in time: Late, Stage 1")?.[3]).toBe("0");
    // Withdrawn alone: no reply was sent, and the withdrawal is said.
    const alone = paragraphs(render({ cases: [withdrawn], submissions: [], quotations: [] }, financialYear(2025)).elements).join(" ");
    expect(alone).toContain("No replies were sent in 2025/26. Complaints withdrawn or not considered had no reply, so they are not counted here: at stage 1, 1 withdrawn.");
    expect(alone).toContain("The only complaint at stage 1 was withdrawn, so had no reply.");
  });
});

describe("public health replies", () => {
  it("are measured against the council's working days, with the extension in months, as the case records measure them", () => {
    const phCase = (receivedOn: string, repliedOn: string, workingDays: number, timeliness: "in-time" | "extended" | "late"): CaseRecord => ({
      service: "public-health",
      role: "parent",
      receivedOn,
      channel: "portal",
      reach: null,
      firstStage: 1,
      stages: [{ stage: 1, startedOn: receivedOn, dueOn: receivedOn, extendedDueOn: null, repliedOn, outcome: "upheld", workingDays, timeliness }],
      acknowledgedOn: receivedOn,
      acknowledgementDueOn: receivedOn,
      advocateAsked: false,
      advocateArranged: false,
      acceptedOutOfTime: false,
      ombudsman: null,
      closedOn: repliedOn,
    });
    const cases = [phCase("2017-05-01", "2017-05-10", 7, "in-time"), phCase("2017-06-01", "2017-06-20", 13, "late"), phCase("2017-07-03", "2017-08-30", 40, "extended")];
    const { elements, csv } = render({ cases, submissions: [], quotations: [] });
    const words = sectionWords(elements, "ph");
    expect(words).toContain("3 replies were sent (1 within 10 working days, 1 within the extended time of 6 months and 1 after 10 working days with no extension agreed)");
    expect(words).toContain("Reply (limit 10 working days, or up to 6 months if extended)");
    expect(csv).toContain("Within an allowed extension");
  });
});

describe("acknowledging complaints", () => {
  const acknowledged = (service: CaseRecord["service"], receivedOn: string, acknowledgementDueOn: string, acknowledgedOn: string | null): CaseRecord => ({
    service,
    role: "parent",
    receivedOn,
    channel: "phone",
    reach: null,
    firstStage: 1,
    stages: [{ stage: 1, startedOn: receivedOn, dueOn: receivedOn, extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null }],
    acknowledgedOn,
    acknowledgementDueOn,
    advocateAsked: false,
    advocateArranged: false,
    acceptedOutOfTime: false,
    ombudsman: null,
    closedOn: null,
  });

  it("says how many were acknowledged within the Complaint Handling Code's time, after it, or not by the year's end, for each service", () => {
    const cases = [
      acknowledged("childrens-social-care", "2017-05-01", "2017-05-08", "2017-05-03"),
      acknowledged("childrens-social-care", "2017-05-01", "2017-05-08", "2017-05-03"),
      acknowledged("childrens-social-care", "2017-05-01", "2017-05-08", "2017-05-12"),
      acknowledged("childrens-social-care", "2018-03-29", "2018-04-06", null),
      acknowledged("public-health", "2017-06-01", "2017-06-06", "2017-06-02"),
    ];
    const { elements, csv } = render({ cases, submissions: [], quotations: [] });
    expect(sectionWords(elements, "csc")).toContain(
      "Of the 4 complaints received, 2 were acknowledged within 5 working days, 1 was acknowledged after 5 working days and 1 had no acknowledgement recorded by 31 March 2018.",
    );
    // Public health's acknowledgement is due within the regulations' 3 working days, shorter than the Code's 5.
    expect(sectionWords(elements, "ph")).toContain("The only complaint received was acknowledged within 3 working days.");
    const lines = csvRows(csv);
    expect(lines.find((line) => line[1] === "Complaints received, by when they were acknowledged: None recorded by 31 March 2018")?.slice(2, 4)).toEqual(["2017/18", "1"]);
  });
});

describe("small numbers (--suppress-below 3)", () => {
  const { html, csv, elements, report } = render(seedYearInput(), seedYear, 3);
  const smallCount = /^(1|2)$/;

  it("states no count of 1 or 2 in any table cell", () => {
    const cells = elements.filter((element) => element.tagName === "td").map(wordsOf);
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((cell) => smallCount.test(cell))).toEqual([]);
    expect(cells).toContain("fewer than 3");
  });

  it("states no count of 1 or 2 in the CSV", () => {
    const values = csvRows(csv).slice(1).flatMap((line) => [line[3], line[4]]);
    expect(values.filter((value) => smallCount.test(value ?? ""))).toEqual([]);
    expect(values).toContain("fewer than 3");
  });

  it("writes no 1 or 2 in a chart, draws no bar for a hidden count, and scales bars by shown numbers only", () => {
    for (const chart of elements.filter((element) => element.tagName === "svg")) {
      const texts = within(chart, "text").map(wordsOf);
      expect(texts.filter((text) => smallCount.test(text))).toEqual([]);
      const bars = within(chart, "rect").filter((rect) => attribute(rect, "class") === "report-bar");
      const values = bars.map((bar) => barValue(chart, bar));
      expect(values.every((value) => typeof value === "number" && value >= 3)).toBe(true);
      const ratios = bars.map((bar, index) => Number(attribute(bar, "width")) / (values[index] as number));
      for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 0);
    }
    const labels = elements.filter((element) => element.tagName === "text").map(wordsOf);
    expect(labels).toContain("fewer than 3");
  });

  it("states no count of 1 or 2 in its sentences, and compares only shown numbers", () => {
    const counts = paragraphs(elements)
      .map((text) =>
        text
          .replace(/\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)( \d{4})?/g, "")
          .replace(/\b\d{4}\/\d{2}\b/g, "")
          .replace(/\bstages? \d( or stage \d)?/gi, "")
          .replace(/\b\d+(\.\d+)? working days?/g, "")
          .replace(/12-month|Appendix 1|from 1 to 2|fewer than 3/g, ""),
      )
      .filter((text) => /\b[12]\b/.test(text));
    expect(counts).toEqual([]);
    expect(paragraphs(elements)).toContain(
      "Of the 18 complaints received, fewer than 3 were from care leavers, 13 were from parents, fewer than 3 were from foster or connected carers and fewer than 3 were from grandparents or relatives.",
    );
    expect(paragraphs(elements)).toContain("Fewer than 3 people who complained asked for an advocate, compared with 0 in the previous year.");
    // A difference under 3 is not stated either, though both numbers are shown.
    expect(paragraphs(elements)).toContain("8 compliments were received, compared with 10 in the previous year.");
  });

  it("says nothing of how 2 compliments split between the services, and does not print 2 quotations", () => {
    const input = seedYearInput();
    // Two compliments in the year, one about each service: "fewer than 3", split into two "fewer than 3"s, is 1 and 1.
    const inYear = (record: SubmissionRecord) => record.receivedOn >= seedYear.from && record.receivedOn <= seedYear.to;
    const [first, second] = input.submissions.filter(inYear);
    const submissions = [...input.submissions.filter((record) => !inYear(record)), first!, { ...second!, service: "public-health" as const }];
    const quotations = input.quotations.filter((quotation) => quotation.receivedOn === first!.receivedOn || quotation.receivedOn === second!.receivedOn);
    expect(quotations).toHaveLength(2);
    const { elements: small } = render({ ...input, submissions, quotations }, seedYear, 3);
    const sentences = paragraphs(small);
    expect(sentences).toContain("Fewer than 3 compliments were received, compared with 10 in the previous year.");
    expect(sentences).toContain("Of these, an unstated number were about children's social care, an unstated number were about public health, an unstated number were from people not sure which service and an unstated number did not say which service.");
    // This year's column: the total, then each service "not shown", none of them 0.
    const serviceTable = small.find((element) => element.tagName === "table" && wordsOf(element).includes("Compliments received, by service"))!;
    const thisYear = within(serviceTable, "tr").map((row) => within(row, "td")[0]).filter((cell) => cell !== undefined).map((cell) => wordsOf(cell!));
    expect(thisYear.slice(0, 5)).toEqual(["fewer than 3", "not shown", "not shown", "not shown", "not shown"]);
    // Each quotation is one compliment: printing 2 would count them.
    const appendix = sectionWords(small, "appendix-1");
    expect(appendix).toContain("The quotations for 2017/18 are not in this version of the report: printing them would show how many there are");
    for (const quotation of quotations) expect(appendix).not.toContain(quotation.text.slice(0, 40));
    expect(sectionWords(small, "compliments")).toContain("Their words are not in this version of the report");
    expect(sectionWords(small, "compliments")).not.toContain("Appendix 1 gives the words of");
    // Unsuppressed, the split and the captions are given.
    const { elements: all } = render({ ...input, submissions, quotations }, seedYear);
    expect(paragraphs(all).some((text) => text.startsWith("Of these, 1 was about children's social care"))).toBe(true);
    expect(sectionWords(all, "appendix-1")).toMatch(/From a [a-z ]+, about children's social care/);
  });

  it("captions quotations with their month only, as who sent them and about which service would count them", () => {
    const appendix = sectionWords(elements, "appendix-1");
    const first = seedYearInput().quotations[0]!;
    expect(appendix).toContain(first.text.slice(0, 40));
    expect(appendix).toContain(`Received in ${new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${first.receivedOn}T00:00:00Z`))}`);
    expect(appendix).not.toMatch(/From (a|someone)|about children's social care|about public health/);
  });

  it("does not let advocates asked for and arranged say how many who asked got none", () => {
    const input = seedYearInput();
    const inYear = input.cases.filter((record) => record.service === "childrens-social-care" && record.receivedOn >= seedYear.from && record.receivedOn <= seedYear.to);
    // 4 asked for an advocate and 3 got one: showing 4 and 3 would say that 1 asked and got none.
    const cases = input.cases.map((record) => {
      const at = inYear.indexOf(record);
      // All parents, so that the 3 arranged are not hidden already by their split by who complained.
      return at < 0 ? record : { ...record, advocateAsked: at < 4, advocateArranged: at < 3, ...(at < 4 ? { role: "parent" as const } : {}) };
    });
    const { report: small } = render({ ...input, cases }, seedYear, 3);
    const { advocacy } = small.figures.services["childrens-social-care"];
    expect([advocacy.asked.value, advocacy.arranged.value]).toEqual([4, 3]);
    const shown = [small.disclosure.show(advocacy.asked, "current"), small.disclosure.show(advocacy.arranged, "current")];
    expect(shown.filter((figure) => figure.kind === "number").length).toBeLessThan(2);
    // Unsuppressed, both are given.
    const { report: all } = render({ ...input, cases }, seedYear);
    expect(all.disclosure.show(advocacy.asked, "current")).toEqual({ kind: "number", value: 4 });
  });

  it("withholds a further count wherever a total would give a hidden one away", () => {
    const f = report.figures.services["childrens-social-care"];
    // 18 received = 16 first at stage 1 + 2 straight to stage 2: showing 16 would give the 2 away.
    expect(report.disclosure.show(f.firstStage.stage2.total, "current")).toEqual({ kind: "fewer-than", threshold: 3 });
    expect(report.disclosure.show(f.firstStage.stage1.total, "current")).toEqual({ kind: "withheld" });
    // 4 still open = 2 (progressed) + 2 (straight to stage 2): two counts of "fewer than 3" adding to 4 must be 2 and 2.
    expect(report.disclosure.show(f.open, "current")).toEqual({ kind: "withheld" });
    expect(html).toContain("counts from 1 to 2 are shown as \u201cfewer than 3\u201d");
  });
});

const record = (receivedOn: string, overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  service: "childrens-social-care",
  role: "parent",
  receivedOn,
  channel: "portal",
  reach: { language: "en", javascript: true, widthBand: "narrow" },
  firstStage: 1,
  stages: [],
  acknowledgedOn: null,
  acknowledgementDueOn: receivedOn,
  advocateAsked: false,
  advocateArranged: false,
  acceptedOutOfTime: false,
  ombudsman: null,
  closedOn: null,
  ...overrides,
});

describe("reports from other records", () => {
  it("says plainly in each section that there is nothing to report when there are no records", () => {
    const { elements, csv } = render({ cases: [], submissions: [], quotations: [] }, financialYear(2025));
    expect(sectionWords(elements, "about")).toContain("The portal has no records for this period or before it, so every figure in this report is 0.");
    expect(sectionWords(elements, "compliments")).toContain("No compliments were received; there are no figures for the previous year to compare with.");
    expect(sectionWords(elements, "csc")).toContain("There were no complaints about children's social care received in 2025/26; there are no figures for the previous year to compare with.");
    expect(sectionWords(elements, "ph")).toContain("There were no complaints about public health received in 2025/26");
    expect(sectionWords(elements, "requests")).toContain("No requests for information in another format or language were received");
    expect(sectionWords(elements, "reach")).toContain("No complaints, compliments or requests were received in 2025/26");
    expect(sectionWords(elements, "appendix-1")).toContain("There are no quotations for 2025/26.");
    const lines = csvRows(csv);
    expect(lines[0]![4]).toBe("Previous value (2024/25)");
    expect(lines.slice(1).every((line) => line[3] === "0" || line[3] === "")).toBe(true);
    expect(lines.slice(1).every((line) => line[4] === "")).toBe(true);
  });

  it("says what is kept of how the portal was used, and that it identifies nobody, only where those figures are shown", () => {
    const anonymous = "Nothing here identifies anyone: only the page language, whether JavaScript ran and a width band are kept.";
    const byPhone = Array.from({ length: 4 }, (_, index) => record(`2025-05-0${index + 1}`, { channel: "phone", reach: null }));
    expect(sectionWords(render({ cases: byPhone, submissions: [], quotations: [] }, financialYear(2025)).elements, "reach")).not.toContain(anonymous);
    const online = [...byPhone, record("2025-06-02")];
    expect(sectionWords(render({ cases: online, submissions: [], quotations: [] }, financialYear(2025)).elements, "reach")).toContain(anonymous);
  });

  it("says there are no figures for the previous year rather than comparing with nothing", () => {
    const cases = Array.from({ length: 18 }, (_, index) => record(`2025-05-${String(index + 1).padStart(2, "0")}`));
    const { elements } = render({ cases, submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(elements)).toContain("18 complaints were received; there are no figures for the previous year to compare with.");
    expect(paragraphs(elements)).toContain("The portal's records begin on 1 May 2025, so there are no figures for the previous year.");
    expect(paragraphs(elements).join(" ")).not.toMatch(/18 more/);
  });

  it("gets singular and plural right", () => {
    const submissions: SubmissionRecord[] = [{ kind: "compliment", receivedOn: "2025-06-02", service: "public-health", role: null, channel: "portal", reach: null, facts: {} }];
    const one = render({ cases: [record("2025-05-01")], submissions, quotations: [] }, financialYear(2025));
    expect(paragraphs(one.elements)).toEqual(expect.arrayContaining(["1 complaint was received; there are no figures for the previous year to compare with.", "1 compliment was received; there are no figures for the previous year to compare with.", "Of these, 1 was about public health."]));
    // One complaint is "the only complaint", never "Of the 1 complaint received, 1 was…".
    expect(paragraphs(one.elements)).toEqual(expect.arrayContaining(["The only complaint received was from a parent.", "The only complaint received had no acknowledgement recorded by 31 March 2026."]));
    expect(paragraphs(one.elements).join(" ")).not.toMatch(/Of the 1 complaint/);
    const late = render({ cases: [record("2025-05-01", { role: null, acknowledgedOn: "2025-05-09", acknowledgementDueOn: "2025-05-06" })], submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(late.elements)).toEqual(expect.arrayContaining(["For the only complaint received, who made it was not recorded.", expect.stringMatching(/^The only complaint received was acknowledged after \d+ working days?\.$/)]));
    const two = render({ cases: [record("2025-05-01"), record("2025-05-02", { role: null })], submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(two.elements)).toContain("Of the 2 complaints received, 1 was from a parent and for 1, who made it was not recorded.");
  });

  it("says how many complaints closed before the year were reopened in it, and how they ended, in a sentence and the table", () => {
    const stage1 = { stage: 1 as const, startedOn: "2024-10-01", dueOn: "2024-10-15", extendedDueOn: null, repliedOn: "2024-10-14", outcome: "upheld" as const, workingDays: 9, timeliness: "in-time" as const };
    const stage2 = { stage: 2 as const, startedOn: "2025-05-01", dueOn: "2025-06-06", extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null };
    const reopened = record("2024-10-01", { stages: [stage1, stage2], closedOn: null, closings: [{ closedOn: "2024-10-14", reopenedOn: "2025-05-01" }] });
    const { elements, csv } = render({ cases: [reopened], submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(elements)).toContain("1 complaint that was closed before 1 April 2025 was reopened, or taken to the next stage, in 2025/26: 1 is still open.");
    const line = (figure: string) => csvRows(csv).find((fields) => fields[0] === "Children's social care complaints" && fields[1] === `Complaints carried forward and carried in: ${figure}`)?.[3];
    expect(line("Reopened or taken to the next stage, and concluded again")).toBe("0");
    expect([line("Reopened or taken to the next stage (closed before 1 April 2025)"), line("Reopened or taken to the next stage, and still open"), line("Carried forward (open on 31 March 2026)"), line("Carried in (open on 1 April 2025)")]).toEqual(["1", "1", "1", "0"]);
  });

  it("counts a complaint the council did not consider (out of time, say) as its own outcome", () => {
    const stage1 = { stage: 1 as const, startedOn: "2025-05-01", dueOn: "2025-05-15", extendedDueOn: null, repliedOn: "2025-05-08", outcome: "not-considered" as const, workingDays: 5, timeliness: "in-time" as const };
    const cases = [record("2025-05-01", { stages: [stage1], closedOn: "2025-05-08" }), record("2025-05-02", { stages: [{ ...stage1, startedOn: "2025-05-02", outcome: "upheld" }], closedOn: "2025-05-08" })];
    const { elements, csv } = render({ cases, submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(elements).join(" ")).toContain("The outcomes of the 2 complaints replied to, withdrawn or not considered at stage 1 were: 1 upheld and 1 not considered.");
    expect(csvRows(csv).some((fields) => fields[1]!.endsWith("Not considered (out of time or not covered), Stage 1") && fields[3] === "1")).toBe(true);
    // One reply at a stage: said of that complaint, never "the outcome of the 1 complaint … was: 1 not considered".
    const one = render({ cases: cases.slice(0, 1), submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(one.elements)).toContain("The only complaint at stage 1 was not considered, so had no reply.");
    expect(paragraphs(one.elements).join(" ")).not.toMatch(/of the 1 complaint/i);
  });

  it("under suppression, states no count under an omitted stage count as \"fewer than 3\"", () => {
    // One resolved at stage 1, one straight to stage 2 and still open.
    const resolved = record("2025-05-01", { stages: [{ stage: 1, startedOn: "2025-05-01", dueOn: "2025-05-15", extendedDueOn: null, repliedOn: "2025-05-08", outcome: "resolved", workingDays: 5, timeliness: "in-time" }], closedOn: "2025-05-08" });
    const atStage2 = record("2025-06-02", { firstStage: 2, stages: [{ stage: 2, startedOn: "2025-06-02", dueOn: "2025-07-07", extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null }] });
    const { elements } = render({ cases: [resolved, atStage2], submissions: [], quotations: [] }, financialYear(2025), 3);
    const stages = paragraphs(elements).filter((text) => /stage/i.test(text)).join(" ");
    // How far they went is a sum of the stages, omitted here: none of it may be stated as "fewer than 3" (at least 1)
    // beside a total of "fewer than 3", or two such floors make 2 = 1 + 1.
    expect(stages).not.toMatch(/fewer than 3 (were|was) (resolved|first considered|still open)/);
    expect(stages).not.toMatch(/fewer than 3 (went|started) straight to stage 2/);
  });

  it("names a custom period by its dates, in the file's sentences and CSV", () => {
    const period = { from: "2025-04-01", to: "2025-06-30" };
    const { elements, csv } = render({ cases: [record("2025-05-01"), record("2024-05-01")], submissions: [], quotations: [] }, period);
    expect(wordsOf(elements.find((element) => element.tagName === "h1")!)).toContain("annual report 1 April 2025 to 30 June 2025");
    expect(paragraphs(elements)).toContain("1 complaint was received, as in the same period a year before.");
    // Still open on the last day, not "by" it.
    expect(paragraphs(elements)).toContain("The complaint received was still open on 30 June 2025.");
    expect(csvRows(csv)[1]![2]).toBe("2025-04-01 to 2025-06-30");
    // "received between … and …", never "received in 1 April 2025 to 30 June 2025".
    expect(paragraphs(elements).join(" ")).not.toMatch(/ in \d{1,2} [A-Z][a-z]+ \d{4} to /);
    expect(paragraphs(elements).join(" ")).toContain("received between 1 April 2025 and 30 June 2025");
  });

  it("says none rather than 0 in a sentence, and keeps a comparison apart from the list it follows", () => {
    const open = [record("2025-05-01"), record("2025-05-02")];
    const { elements } = render({ cases: open, submissions: [], quotations: [] }, financialYear(2025));
    expect(paragraphs(elements).join(" ")).toMatch(/Of the 2 complaints received, none had been concluded by 31 March 2026 and 2 were still open\./);
    const replied = (receivedOn: string, repliedOn: string) =>
      record(receivedOn, { stages: [{ stage: 1, startedOn: receivedOn, dueOn: "2025-05-20", extendedDueOn: null, repliedOn, outcome: "upheld", workingDays: 5, timeliness: "in-time" }], closedOn: repliedOn });
    const answered = [replied("2025-05-01", "2025-05-08"), replied("2025-05-02", "2025-05-09")];
    // One still open is one that "was", not "were".
    const oneOpen = paragraphs(render({ cases: [answered[0]!, open[0]!], submissions: [], quotations: [] }, financialYear(2025)).elements).join(" ");
    expect(oneOpen).toContain("Of the 2 complaints received, 1 had been concluded by 31 March 2026 and 1 was still open.");
    const shown = paragraphs(render({ cases: answered, submissions: [], quotations: [] }, financialYear(2025)).elements).join(" ");
    expect(shown).toContain("At stage 1, 2 replies were sent (2 within 10 working days); there are no figures for the previous year to compare with.");
    // With small numbers hidden, a hidden count reads as an aside, never as "the fewer than 3 complaints".
    const hidden = paragraphs(render({ cases: answered, submissions: [], quotations: [] }, financialYear(2025), 3).elements).join(" ");
    expect(hidden).toContain("The outcomes of the complaints replied to at stage 1 (fewer than 3) were: fewer than 3 upheld.");
    expect(hidden).toContain("Of the complaints received (fewer than 3), fewer than 3 were from parents.");
    expect(hidden).not.toMatch(/the fewer than/);
  });

  it("makes a formula a spreadsheet would run into plain text in the CSV", () => {
    const submissions: SubmissionRecord[] = [
      { kind: "other-format", receivedOn: "2025-06-02", service: null, role: null, channel: "portal", reach: null, facts: { format: "another-language", language: "=HYPERLINK(\"http://x\")" } },
    ];
    const { csv } = render({ cases: [], submissions, quotations: [] }, financialYear(2025));
    const fields = csvRows(csv).flat();
    expect(fields.filter((field) => /^[=+\-@]/.test(field))).toEqual([]);
    expect(fields.some((field) => field.startsWith("'=") || field.includes(": =hyperlink"))).toBe(true);
  });
});

describe("comparisons under suppression", () => {
  it("leaves out a comparison with a previous figure withheld altogether, rather than say \"compared with some\"", () => {
    const closed = (day: string) => record(day, { stages: [{ stage: 1, startedOn: day, dueOn: day, extendedDueOn: null, repliedOn: day, outcome: "upheld", workingDays: 0, timeliness: "in-time" }], acknowledgedOn: day, closedOn: day });
    const previous = ["2016-05-02", "2016-05-03", "2016-05-04", "2016-06-01", "2016-07-01"].map(closed);
    const current = ["2017-05-02", "2017-05-03", "2017-05-04", "2017-05-05", "2017-05-08", "2017-05-09"].map(closed);
    const { elements } = render({ cases: [...previous, ...current], submissions: [], quotations: [] }, seedYear, 3);
    // Last year's 5 are withheld (its months' 3, 1 and 1 would give the 1s away): this year's 6 are said alone.
    const said = paragraphs(elements);
    expect(said).toContain("6 complaints were received.");
    expect(said.filter((text) => /compared with some/.test(text))).toEqual([]);
  });
});

describe("small numbers in a report made without a threshold", () => {
  it("are counted and said on screen, with the threshold to make it again with, and not said once one is given", () => {
    const open = render(seedYearInput());
    const small = open.report.tables.flatMap((table) => table.rows.flatMap((row) => row.cells)).filter((cell) => !("basis" in cell.figure) && ((cell.period === "current" ? cell.figure.value : cell.figure.previous) ?? 0) > 0 && ((cell.period === "current" ? cell.figure.value : cell.figure.previous) ?? 0) < 3);
    expect(small.length).toBeGreaterThan(0);
    expect(open.report.smallNumbersNote).toMatch(/^(One count in it is|\d+ counts in it are) from 1 to 2 and (is|are) shown as (it is|they are): .*--suppress-below 3, which shows counts from 1 to 2 as “fewer than 3” everywhere\.$/);
    // On screen, in the draft note, which is not printed.
    const note = open.elements.find((element) => element.tagName === "div" && (attribute(element, "class") ?? "").includes("report-no-print") && wordsOf(element).includes("--suppress-below 3"));
    expect(note).toBeDefined();
    const hidden = render(seedYearInput(), seedYear, 3);
    expect(hidden.report.smallNumbersNote).toBeNull();
    // As many as the report made with that threshold shows as "fewer than 3", each figure once.
    const fewer = { current: new Set<unknown>(), previous: new Set<unknown>() };
    for (const cell of hidden.report.tables.flatMap((table) => table.rows.flatMap((row) => row.cells))) {
      if (hidden.report.disclosure.show(cell.figure, cell.period).kind === "fewer-than") fewer[cell.period].add(cell.figure);
    }
    expect(open.report.smallNumbersNote).toContain(`${fewer.current.size + fewer.previous.size} counts in it are from 1 to 2`);
    expect(hidden.html).not.toContain("--suppress-below");
  });

});
