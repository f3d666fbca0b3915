// Shared end-to-end fixtures: a console error or warning fails the test, and `checkA11y` runs axe
// (WCAG 2.0 to 2.2 A and AA) on the page as the person sees it, with JavaScript on or off.
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { axeRun } from "../../support/axe";

function stripScripts(html: string, baseUrl: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, "")
    .replace(/<head>/i, `<head><base href="${baseUrl}">`);
}

export interface AxeResultSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * govuk-frontend sets aria-expanded on conditional-reveal radios on purpose: screen readers announce it, and
 * GOV.UK keeps it after research (alphagov/govuk-frontend#979, a documented known issue). Only that exact
 * finding is set aside; any other attribute, element or rule still fails.
 */
function isGovukConditionalRevealFinding(violation: { id: string; nodes: { html: string; any: { message: string }[]; all: { message: string }[]; none: { message: string }[] }[] }): boolean {
  return (
    violation.id === "aria-allowed-attr" &&
    violation.nodes.every(
      (node) =>
        /class="govuk-(radios|checkboxes)__input"/.test(node.html) &&
        [...node.any, ...node.all, ...node.none].every((check) => /aria-expanded="(true|false)"$/.test(check.message.trim()) || /aria-expanded/.test(check.message)),
    )
  );
}

async function analyse(page: Page): Promise<AxeResultSummary[]> {
  return (await axeRun(page)).filter((v) => !isGovukConditionalRevealFinding(v)).map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** One scripted page for each browser (each worker has one), in a context of its own, for scanning no-JS snapshots. */
const scanPages = new WeakMap<Browser, Promise<Page>>();

function scanPageFor(browser: Browser): Promise<Page> {
  let scanPage = scanPages.get(browser);
  if (!scanPage) {
    // Playwright Test gives manual contexts the test's options, so JavaScript must be switched back on here.
    scanPage = browser.newContext({ javaScriptEnabled: true }).then((context) => context.newPage());
    scanPages.set(browser, scanPage);
  }
  return scanPage;
}

/**
 * axe never finishes on a page with JavaScript off (its timers never run), so a no-JS page is scanned as a
 * snapshot of its DOM in a scripted page where every page script is removed: what a no-JS visitor gets. The
 * snapshot replaces the scan page's whole document, at the page's own width.
 */
export async function axeViolations(page: Page, browser: Browser, javaScriptEnabled: boolean): Promise<AxeResultSummary[]> {
  if (javaScriptEnabled) return analyse(page);
  const snapshot = stripScripts(await page.content(), page.url());
  const scanPage = await scanPageFor(browser);
  await scanPage.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
  await scanPage.setContent(snapshot, { waitUntil: "load" });
  return analyse(scanPage);
}

/**
 * Waits until the page has hydrated and GOV.UK Frontend has set all of it up, the character count and file upload
 * fetched where a page has them (a page without the portal's layout at once). `app/govuk-frontend.client.ts` marks
 * the page's width container, made afresh for each page, so this holds after a step made with JavaScript too.
 */
export async function waitUntilEnhanced(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector("body > .govuk-width-container") || document.querySelector("body > .govuk-width-container[data-portal-enhanced]") !== null, undefined, { timeout: 30_000 });
}

interface Fixtures {
  checkA11y: () => Promise<void>;
  consoleProblems: string[];
}

export const test = base.extend<Fixtures>({
  consoleProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, consoleProblems, javaScriptEnabled }, use) => {
    // With JavaScript on, a test of what JavaScript does starts once the page is enhanced: hydrated, and GOV.UK
    // Frontend set up on it (it marks the skip link, on every page, when it is). Playwright's goto waits only for
    // the load event; a page's scripts are fetched after its first paint and hydrated in slices (docs/decisions/037),
    // so hydration can finish well after it.
    if (javaScriptEnabled !== false) {
      const thenEnhanced = <A extends unknown[]>(navigate: (...args: A) => ReturnType<Page["goto"]>) => async (...args: A) => {
        const response = await navigate(...args);
        if (response && (response.headers()["content-type"] ?? "").startsWith("text/html")) await waitUntilEnhanced(page);
        return response;
      };
      page.goto = thenEnhanced(page.goto.bind(page));
      page.reload = thenEnhanced(page.reload.bind(page));
    }
    page.on("console", (message) => {
      // A page answered with 404 or 500 on purpose logs its own status; anything else is a fault.
      const expectedStatus = /the server responded with a status of (404|500|503)/.test(message.text()) && message.location().url === page.url();
      if ((message.type() === "error" || message.type() === "warning") && !expectedStatus) {
        consoleProblems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      }
    });
    page.on("pageerror", (error) => consoleProblems.push(`pageerror: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== "document") {
        consoleProblems.push(`response ${response.status()}: ${response.url()}`);
      }
    });
    await use(page);
    expect(consoleProblems, "the browser console should have no errors or warnings").toEqual([]);
  },
  checkA11y: async ({ page, browser, javaScriptEnabled }, use) => {
    await use(async () => {
      // A page reached by a link is checked as the person meets it: set up by its scripts, not half way there.
      if (javaScriptEnabled !== false) await waitUntilEnhanced(page);
      const violations = await axeViolations(page, browser, javaScriptEnabled);
      expect(violations, `axe found problems on ${page.url()}`).toEqual([]);
    });
  },
});

export { expect };

/** No sideways scrolling: the page fits the viewport (WCAG 1.4.10 reflow at 320 px). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "page should not scroll sideways").toBeLessThanOrEqual(0);
}
