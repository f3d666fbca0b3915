// `npm run report` as a person runs it: the command bundled as the build bundles it, run with node in a folder of
// its own, against a SQLite file of anonymous statistics rows.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/annual-report/report-period";
import { migrate } from "~/services/migrations.server";
import { londonDate } from "~/working-days";
import { insertStatistic } from "../tests/support/statistics-rows";
import { withDatabase } from "../tests/support/test-databases";

let bundleDir: string;
let cli: string;

beforeAll(async () => {
  // Inside the project, so the bundle finds node_modules as build/report.js does.
  mkdirSync(".cache", { recursive: true });
  bundleDir = mkdtempSync(path.resolve(".cache/report-cli-"));
  await build({
    entryPoints: { report: "server/report-cli.ts" },
    outdir: bundleDir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    logLevel: "warning",
    alias: { "~": "./app" },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  cli = path.join(bundleDir, "report.js");
}, 60_000);

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: { ...process.env, DATA_DIR: path.join(cwd, "data"), DATABASE_URL: `file:${path.join(cwd, "data", "portal.db")}`, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const freshFolder = () => mkdtempSync(path.join(tmpdir(), "report-cli-"));

/** Every file and folder under `dir`, as paths relative to it. */
function everything(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

async function portalDatabase(cwd: string): Promise<void> {
  mkdirSync(path.join(cwd, "data"), { recursive: true });
  await withDatabase(`file:${path.join(cwd, "data", "portal.db")}`, async (db) => {
    await migrate(db);
    // 6 complaints: 3 in May, 2 in June and 1 in July; 4 from parents and 2 from care leavers.
    for (const [on, role] of [
      ["2024-05-01", "parent"],
      ["2024-05-02", "parent"],
      ["2024-05-03", "care-leaver"],
      ["2024-06-03", "parent"],
      ["2024-06-04", "care-leaver"],
      ["2024-07-01", "parent"],
    ] as const) {
      await insertStatistic(db, { type: "complaint.submitted", service: "childrens-social-care", role, on, advocate: role === "care-leaver" });
    }
    await insertStatistic(db, { type: "compliment.submitted", service: "childrens-social-care", role: "parent", on: "2024-10-01" });
    await insertStatistic(db, { type: "format.requested", format: "large-print", on: "2024-11-01" });
  });
}

// Each run waits on its own process, so they run side by side.
describe.concurrent("npm run report with bad input", () => {
  const today = londonDate(new Date());
  const thisFinancialYear = Number(today.slice(0, 4)) - (today.slice(5) < "04-01" ? 1 : 0);
  // On 1 April the year so far is no day at all.
  const yearSoFar = addDays(today, -1) >= `${thisFinancialYear}-04-01` ? `for the year so far use --from ${thisFinancialYear}-04-01 --to ${addDays(today, -1)}` : "it began today, so there is nothing to report yet";
  const cases: [string, string[], RegExp][] = [
    ["a year in the future", ["--year", "2999"], /^report: --year 2999: the financial year 2999\/00 has not started yet$/],
    ["a year not yet over", ["--year", String(thisFinancialYear)], new RegExp(`^report: --year ${thisFinancialYear}: the financial year .* runs to 31 March ${thisFinancialYear + 1}, which has not passed; ${yearSoFar}$`)],
    ["a --to of today, which has not ended", ["--from", "2025-04-01", "--to", today], new RegExp(`^report: --to ${today} is today, which has not ended; a report can run to ${addDays(today, -1)} at the latest$`)],
    ["--to before --from", ["--from", "2025-04-01", "--to", "2025-03-31"], /^report: --to 2025-03-31 is before --from 2025-04-01$/],
    ["a malformed date", ["--from", "2025-02-30", "--to", "2025-03-31"], /^report: --from 2025-02-30 is not a date in the form YYYY-MM-DD$/],
    ["a --to in the future", ["--from", "2025-04-01", "--to", "2999-03-31"], /^report: --to 2999-03-31 is in the future \(today is \d{4}-\d{2}-\d{2}\)$/],
    ["a malformed year", ["--year", "25"], /^report: --year 25 is not a year such as 2025$/],
    ["no period", ["--pdf"], /^report: say which period: --year 2025, or --from YYYY-MM-DD --to YYYY-MM-DD$/],
    ["a misspelt option", ["--yaer", "2024"], /^report: Unknown option '--yaer'$/],
    ["a threshold of 1", ["--year", "2024", "--suppress-below", "1"], /^report: --suppress-below must be from 2 to 100$/],
  ];

  // A run is a second or two; on a busy machine, with several at once, it can be many more.
  it.each(cases)("%s: one line naming the problem, exit code 2, nothing read or written", { timeout: 90_000 }, async (_, args, message) => {
    const cwd = freshFolder();
    const result = await run(args, cwd);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(result.status).toBe(2);
    expect(everything(cwd)).toEqual([]);
  });

  it("an unwritable reports/ (a file in its place): exit code 2, and the database not even opened", { timeout: 90_000 }, async () => {
    const cwd = freshFolder();
    writeFileSync(path.join(cwd, "reports"), "not a folder");
    const result = await run(["--year", "2024"], cwd);
    expect(result.stderr).toBe("report: cannot write to reports/: something in the way is a file, not a folder\n");
    expect(result.status).toBe(2);
    expect(everything(cwd)).toEqual(["reports"]);
  });

  it("an --out inside a file: exit code 2", { timeout: 90_000 }, async () => {
    const cwd = freshFolder();
    writeFileSync(path.join(cwd, "file"), "");
    const result = await run(["--year", "2024", "--out", "file/reports"], cwd);
    expect(result.stderr).toBe("report: cannot write to file/reports/: something in the way is a file, not a folder\n");
    expect(result.status).toBe(2);
    expect(everything(cwd)).toEqual(["file"]);
  });

  it("an --out where no folder can be made (under /proc, which answers 'no such file'): exit code 2, at once", { timeout: 90_000 }, async () => {
    const cwd = freshFolder();
    const result = await run(["--year", "2024", "--out", "/proc/no-such-folder/reports"], cwd);
    // As root, /proc answers "no such file"; as anyone else, "permission denied".
    expect(result.stderr).toMatch(/^report: cannot write to \/proc\/no-such-folder\/reports\/: (no folder can be made there|permission denied)\n$/);
    expect(result.status).toBe(2);
    expect(everything(cwd)).toEqual([]);
  });
});

describe("npm run report on the portal's database", { timeout: 90_000 }, () => {
  it("says so in one line when the portal has never run, without making a database", async () => {
    const cwd = freshFolder();
    const result = await run(["--year", "2024"], cwd);
    expect(result.stderr).toMatch(/^report: could not read the records: there is no database at .*portal\.db: start the portal once \(npm start\), or set DATABASE_URL\n$/);
    expect(result.status).toBe(1);
    expect(existsSync(path.join(cwd, "data", "portal.db"))).toBe(false);
    expect(everything(cwd).filter((name) => name.startsWith("reports/"))).toEqual([]);
  });

  it("writes the HTML and CSV for a financial year into reports/, with small numbers hidden and nothing left over", async () => {
    const cwd = freshFolder();
    await portalDatabase(cwd);
    const result = await run(["--year", "2024", "--suppress-below", "3"], cwd);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("Wrote reports/annual-report-2024-25.html, reports/annual-report-2024-25.csv\n");
    expect(result.status).toBe(0);
    expect(readdirSync(path.join(cwd, "reports")).sort()).toEqual(["annual-report-2024-25.csv", "annual-report-2024-25.html"]);
    const html = readFileSync(path.join(cwd, "reports", "annual-report-2024-25.html"), "utf8");
    expect(html).toContain("Complaints and compliments annual report 2024/25");
    expect(html).toContain("6 complaints were received; there are no figures for the previous year to compare with.");
    expect(html).toContain("Of the 6 complaints received, fewer than 3 were from care leavers and some were from parents.");
    const csv = readFileSync(path.join(cwd, "reports", "annual-report-2024-25.csv"), "utf8");
    expect(csv).toContain("Children's social care complaints,Complaints received each month: Complaints received,2024/25,6,\r\n");
    expect(csv).toContain("Compliments,\"Compliments received, by service: Compliments received\",2024/25,fewer than 3,\r\n");
  });

  it("names the files by the dates of a custom period, and writes where --out says", async () => {
    const cwd = freshFolder();
    await portalDatabase(cwd);
    const result = await run(["--from", "2024-04-01", "--to", "2024-06-30", "--out", "board/q1"], cwd);
    // Made without a threshold, with counts of 1 and 2 in it: the command says so, and what to make it again with.
    expect(result.stdout).toMatch(/^Wrote board\/q1\/annual-report-2024-04-01-to-2024-06-30\.html, board\/q1\/annual-report-2024-04-01-to-2024-06-30\.csv\nNote: \d+ counts in it are from 1 to 2 and are shown as they are: numbers that small can point to a person\. Before publishing, make the report again with --suppress-below 3, which shows counts from 1 to 2 as “fewer than 3” everywhere\.\n$/);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(cwd, "board/q1/annual-report-2024-04-01-to-2024-06-30.html"), "utf8")).toContain("5 complaints were received");
  });

  it("prints the PDF with Chromium on A4 pages, and leaves no file at all when Chromium cannot be started", async () => {
    const cwd = freshFolder();
    await portalDatabase(cwd);
    const failed = await run(["--year", "2024", "--pdf"], cwd, { CHROME_PATH: path.join(cwd, "no-chromium-here") });
    expect(failed.stderr).toMatch(/^report: could not make annual-report-2024-25\.pdf: .+\n$/);
    expect(failed.status).toBe(1);
    expect(readdirSync(path.join(cwd, "reports"))).toEqual([]);

    const printed = await run(["--year", "2024", "--pdf"], cwd);
    expect(printed.stderr).toBe("");
    expect(printed.status).toBe(0);
    expect(readdirSync(path.join(cwd, "reports")).sort()).toEqual(["annual-report-2024-25.csv", "annual-report-2024-25.html", "annual-report-2024-25.pdf"]);
    const pdf = readFileSync(path.join(cwd, "reports", "annual-report-2024-25.pdf")).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(16);
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
    expect(boxes.length).toBe(pages.length);
    // A4 is 595 by 842 points.
    expect(boxes.every(([width, height]) => width === 595 && height === 842)).toBe(true);
  });
});
