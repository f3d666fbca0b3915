// The report as its readers get it: opened from disk in Chromium at 320 px and on a desktop, scanned by axe
// (WCAG 2.2 AA), printed (the "check before publishing" marks gone), and checked by the W3C Nu Html Checker.
// One Chromium for the whole file.
import { axeRun } from "../../tests/support/axe";
import { englishExampleCouncil } from "../../tests/support/example-council";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedYear, seedYearInput } from "../../tests/support/seed-year";
import { buildReport } from "./report-document";
import { renderReportHtml } from "./report-html";
import { financialYear } from "./report-period";
import { chromiumFlags, chromiumPath } from "./report-pdf.server";
import { statutoryTimetable } from "../../tests/support/example-timetable";

const require = createRequire(import.meta.url);
const vnuJar = require.resolve("vnu-jar/build/dist/vnu.jar");

const folder = mkdtempSync(path.join(tmpdir(), "report-browser-"));
const context = (suppressBelow: number | null) => ({
  councilName: englishExampleCouncil.councilName,
  serviceName: englishExampleCouncil.serviceName,
  timetable: statutoryTimetable,
  madeOn: "2026-12-02",
  suppressBelow,
});
const reports = {
  "the seed year": renderReportHtml(buildReport(seedYearInput(), seedYear, context(null))),
  "the seed year with --suppress-below 3": renderReportHtml(buildReport(seedYearInput(), seedYear, context(3))),
  "an empty year": renderReportHtml(buildReport({ cases: [], submissions: [], quotations: [] }, financialYear(2025), context(null))),
};
const files = Object.fromEntries(
  Object.entries(reports).map(([name, html], index) => {
    const file = path.join(folder, `report-${index}.html`);
    writeFileSync(file, html);
    return [name, file];
  }),
) as Record<keyof typeof reports, string>;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(file: string, width: number): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("request", (request) => {
    if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems, requests };
}

async function axeViolations(page: Page): Promise<string[]> {
  return (await axeRun(page)).map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

describe.each(Object.keys(reports) as (keyof typeof reports)[])("%s, opened from disk in Chromium", (name) => {
  // axe reads every table cell: on a busy machine that takes a while.
  it("has no axe violations (WCAG 2.2 AA) at 320 px or 1280 px, makes no request and logs nothing", { timeout: 180_000 }, async () => {
    for (const width of [320, 1280]) {
      const { page, problems, requests } = await open(files[name], width);
      expect(await axeViolations(page), `${width} px`).toEqual([]);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }
  });

  it("fits 320 px without scrolling sideways", async () => {
    const { page } = await open(files[name], 320);
    const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths).toEqual({ document: 320, body: 320 });
    await page.close();
  });

  it("prints without the 'check before publishing' marks and the draft note", async () => {
    const { page } = await open(files[name], 1280);
    const shown = () => page.evaluate(() => [...document.querySelectorAll(".report-no-print")].filter((element) => getComputedStyle(element).display !== "none").length);
    const onScreen = await shown();
    expect(onScreen).toBeGreaterThan(0);
    await page.emulateMedia({ media: "print" });
    expect(await shown()).toBe(0);
    await page.close();
  });
});

describe("the checks themselves", () => {
  it("axe finds a deliberate violation", async () => {
    const file = path.join(folder, "broken.html");
    writeFileSync(file, reports["the seed year"].replace("<main", '<img src="#x"><main'));
    const { page } = await open(file, 1280);
    expect((await axeViolations(page)).map((violation) => violation.split(":")[0])).toContain("image-alt");
    await page.close();
  });
});

describe("the W3C Nu Html Checker", () => {
  it("finds no errors in any report, and finds a deliberate one", () => {
    const broken = path.join(folder, "invalid.html");
    writeFileSync(broken, reports["an empty year"].replace("color-scheme: light;", "color-scheme: light; colour: red;").replace("<main", "<li>out of a list</li><main"));
    const result = spawnSync("java", ["-jar", vnuJar, "--format", "json", ...Object.values(files), broken], { encoding: "utf8", timeout: 120_000 });
    const messages = (JSON.parse(result.stderr) as { messages: { type: string; subType?: string; url: string; message: string; lastLine?: number }[] }).messages;
    const errors = messages.filter((message) => message.type === "error");
    // The checker writes file:/tmp/…, with one slash.
    const byFile = (file: string) => errors.filter((message) => new URL(message.url).pathname === file).map((message) => `${message.lastLine}: ${message.message}`);
    for (const file of Object.values(files)) expect(byFile(file)).toEqual([]);
    expect(byFile(broken).some((message) => message.includes("“colour”"))).toBe(true);
    expect(byFile(broken).some((message) => message.includes("“li”"))).toBe(true);
  }, 150_000);
});
