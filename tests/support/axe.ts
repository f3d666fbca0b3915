// axe-core, run in a Chromium page by its own API (axe.run), for the end-to-end tests and the report's browser test.
// Its script goes into a document once and stays there: through Remix's client-side navigations and through
// Playwright's setContent (the window is kept), so a journey's tenth page is scanned without putting 600 KB of
// script into it again. @axe-core/playwright's analyze() puts the script into the page and into a new blank page
// on every call, and costs 1-2.5 s a page here against about 0.1 s (docs/decisions/047).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, default as AxeCore } from "axe-core";
import type { Page } from "playwright-core";

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violations = AxeResults["violations"];

/**
 * The page's violations of the given WCAG tags (all of WCAG 2.0 to 2.2 A and AA by default). Only violations are
 * gathered in full (`resultTypes`): passes and incomplete results are what axe spends its time serialising.
 */
export async function axeRun(page: Page, tags: string[] = wcagTags): Promise<Violations> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const violations = await page.evaluate(async (values) => {
      const axe = (window as unknown as { axe?: typeof AxeCore }).axe;
      if (!axe) return null;
      const results = await axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] });
      return results.violations;
    }, tags);
    if (violations) return violations;
    // Not in this document yet (or a navigation replaced the document between the two steps): put it in.
    await page.evaluate(axeSource);
  }
  throw new Error(`axe-core could not be run in ${page.url()}`);
}
