// A page is drawn before its scripts are fetched (docs/decisions/034): on a slow connection the stylesheet has the
// line to itself, and the page is then hydrated exactly as Remix would have done it.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

const deferredType = "text/x-module-after-first-paint";

/** Counts, from the page's first script on, how many preload links each task put back: one task's mutations reach an observer together. */
async function countPreloadsPerTask(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const perTask: number[] = [];
    Object.assign(window, { preloadsPerTask: perTask });
    new MutationObserver((records) => {
      const added = records.flatMap((record) => [...record.addedNodes]).filter((node) => node instanceof HTMLLinkElement && node.rel === "modulepreload").length;
      if (added) perTask.push(added);
    }).observe(document, { childList: true, subtree: true });
  });
}

const preloadsPerTask = (page: Page) => page.evaluate(() => (window as unknown as { preloadsPerTask: number[] }).preloadsPerTask);
const pages = [
  ["start page", "/"],
  ["question page", "/complaint/service"],
  ["question page in Arabic", "/complaint/service?lang=ar"],
] as const;

for (const [name, path] of pages) {
  test(`the ${name} is sent with its scripts inert, to be fetched after it is painted`, async ({ request }) => {
    const html = await (await request.get(path)).text();
    expect(html).not.toContain('rel="modulepreload"');
    expect(html).not.toMatch(/<script[^>]*type="module"/);
    expect(html.match(new RegExp(`<script nonce="[^"]+" type="${deferredType}">import `, "g"))).toHaveLength(1);
  });

  test(`the ${name} fetches no script before its first paint, then hydrates with the document Remix rendered`, async ({ page }) => {
    const dataRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes(".data")) dataRequests.push(request.url());
    });
    await countPreloadsPerTask(page);
    await page.goto(path);
    await page.waitForFunction(() => "__remixRouter" in window);
    const timing = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByType("paint").find((entry) => entry.name === "first-contentful-paint")?.startTime ?? Infinity,
      scripts: performance.getEntriesByType("resource").filter((entry) => /\/assets\/.+\.js$/.test(entry.name)).map((entry) => ({ name: entry.name, startTime: entry.startTime })),
    }));
    expect(timing.firstPaint).toBeLessThan(Infinity);
    expect(timing.scripts.length).toBeGreaterThan(3);
    for (const script of timing.scripts) expect(script.startTime, `${script.name} was fetched before the first paint`).toBeGreaterThanOrEqual(timing.firstPaint);
    // What React hydrated: the preload links back in place, one live module script, no loader or inert copy left.
    const scripts = await page.evaluate((type) => ({
      preloads: document.querySelectorAll('body link[rel="modulepreload"]').length,
      live: document.querySelectorAll('script[type="module"]').length,
      inert: document.querySelectorAll(`script[type="${type}"]`).length,
      loader: [...document.scripts].filter((script) => script.textContent?.includes("document.currentScript")).length,
    }), deferredType);
    expect(scripts).toEqual({ preloads: expect.any(Number), live: 1, inert: 0, loader: 0 });
    expect(scripts.preloads).toBeGreaterThan(3);
    // One link a task (each starts a fetch), never all of them in one long task on a slow phone.
    const perTask = await preloadsPerTask(page);
    expect(perTask).toEqual(Array.from({ length: scripts.preloads }, () => 1));
    // Where Remix wrote them: together, just before its context script.
    const inPlace = await page.evaluate(() =>
      [...document.querySelectorAll('body link[rel="modulepreload"]')].every((link) => {
        const next = link.nextElementSibling;
        return next?.matches('link[rel="modulepreload"]') || (next instanceof HTMLScriptElement && next.textContent?.startsWith("window.__remixContext"));
      }),
    );
    expect(inPlace).toBe(true);
    // Hydrated, not only loaded: a link followed with JavaScript is a data request, not a new document.
    await page.locator('footer a[href="/accessibility-statement"]').click();
    await expect(page).toHaveURL(/\/accessibility-statement$/);
    expect(dataRequests.some((url) => new URL(url).pathname === "/accessibility-statement.data")).toBe(true);
  });
}

test("a page opened in a background tab gets its scripts' links back at once, not one a task with a hidden tab's slow timers", async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" }));
  await countPreloadsPerTask(page);
  await page.goto("/complaint/service");
  await page.waitForFunction(() => "__remixRouter" in window);
  const preloads = await page.locator('body link[rel="modulepreload"]').count();
  expect(preloads).toBeGreaterThan(3);
  expect(await preloadsPerTask(page)).toEqual([preloads]);
});
