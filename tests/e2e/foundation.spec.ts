import { axeViolations, expect, expectNoHorizontalScroll, test } from "./support/fixtures";
import { fillPage, sendPage } from "./support/answer-as";
import { sessionId } from "./support/journey";
import { withPortalDatabase } from "./support/portal-database";
import { councilIn } from "../../app/config/council-schema";
import { parsedExampleCouncil } from "../support/example-council";

const { serviceName } = councilIn(parsedExampleCouncil, "en");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const pages = [
  { path: "/", heading: /complaint/i },
  { path: "/accessibility-statement", heading: /accessibility/i },
  { path: "/privacy", heading: /privacy/i },
  { path: "/cookies", heading: /cookies/i },
  { path: "/contact", heading: /contact/i },
  { path: "/complaint", heading: /make a complaint/i },
  { path: "/compliment", heading: /say thank you/i },
  { path: "/advocate", heading: /ask for an advocate/i },
  { path: "/other-format", heading: /another format/i },
  { path: "/escalate", heading: /next stage/i },
  { path: "/no-such-page", heading: /page not found/i, status: 404 },
];

for (const javaScriptEnabled of [true, false]) {
  for (const width of [320, 1280]) {
    test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"} at ${width}px`, () => {
      test.use({ javaScriptEnabled, viewport: { width, height: 800 } });
      for (const { path, heading, status } of pages) {
        test(`${path} is accessible and fits the screen`, async ({ page, checkA11y }) => {
          const response = await page.goto(path);
          expect(response?.status()).toBe(status ?? 200);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
          // "What the page is – the service", as on every page.
          await expect(page).toHaveTitle(new RegExp(`^[^–]+ – ${escapeRegExp(serviceName)}$`));
          await expect(page.locator("html")).toHaveAttribute("lang", "en");
          await expectNoHorizontalScroll(page);
          await checkA11y();
        });
      }
    });
  }
}

test.describe("the axe helper", () => {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled });
      test("reports a deliberate violation, also in a page it has scanned before", async ({ page, browser }) => {
        // axe stays in a document it was put in (and in the scan page of no-JS snapshots): a clean page first, then
        // the same window with a fault, which must still be found.
        const document = (image: string) => `<!doctype html><html lang="en"><head><title>Test</title></head><body><main><h1>Test</h1>${image}</main></body></html>`;
        await page.setContent(document('<img src="/favicon.svg" alt="Example Council">'));
        expect(await axeViolations(page, browser, javaScriptEnabled)).toEqual([]);
        await page.setContent(document('<img src="/favicon.svg">'));
        const violations = await axeViolations(page, browser, javaScriptEnabled);
        expect(violations.map((v) => v.id)).toContain("image-alt");
      });
    });
  }
});

test("a keyboard user can skip to the content and reach the main call to action", async ({ page }) => {
  // Let the page finish loading its scripts first, as a person reading the page would.
  await page.goto("/", { waitUntil: "networkidle" });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
  const insideMain = () => page.evaluate(() => Boolean(document.activeElement?.closest("#main-content")));
  const start = page.getByRole("button", { name: /start now/i });
  let presses = 0;
  do {
    await page.keyboard.press("Tab");
    presses++;
    expect(await insideMain(), "after the skip link, Tab stays in the main content").toBe(true);
  } while (!(await start.evaluate((el) => el === document.activeElement)) && presses < 10);
  await expect(start).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/complaint$/);
});

test("the language can be switched on any page and is remembered", async ({ page }) => {
  await page.goto("/privacy");
  await page.getByRole("link", { name: "Polski" }).click();
  await expect(page).toHaveURL(/\/privacy\?lng=pl$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.goto("/cookies");
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.goto("/cookies?lng=xx");
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.goto("/cookies?lng=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the language links keep what a page reads from its address and nothing else typed into it", async ({ page, request }) => {
  // A guess typed into the address of a page with a form's token on it is never written back into that page.
  const guess = "zqxguess";
  await page.goto(`/complaint/service?change=1&x=${guess}&change=2`);
  await expect(page.getByRole("link", { name: "Polski" })).toHaveAttribute("href", "/complaint/service?change=1&lng=pl");
  expect(await page.content()).not.toContain(guess);
  await page.goto(`/complaint/service?change=${guess}`);
  await expect(page.getByRole("link", { name: "العربية" })).toHaveAttribute("href", "/complaint/service?lng=ar");
  expect(await page.content()).not.toContain(guess);
  // The refused page keeps why, for how long and the way back, in the language chosen.
  const refused = await request.get(`/refused?reason=rate&retry=120&back=/complaint/service&${guess}=1`);
  expect(refused.status()).toBe(429);
  const refusedPage = await refused.text();
  expect(refusedPage).toContain('href="/refused?reason=rate&amp;retry=120&amp;back=%2Fcomplaint%2Fservice&amp;lng=pl"');
  expect(refusedPage).not.toContain(guess);
  expect((await request.get(`/progress?closed&${guess}`)).ok()).toBe(true);
  expect(await (await request.get(`/progress?closed&${guess}`)).text()).not.toContain(guess);
  // An address that is no journey is a 404 whose words are the layout's own: nothing typed is taken for a namespace.
  const notFound = await request.get(`/${guess}/service`);
  expect(notFound.status()).toBe(404);
  expect(await notFound.text()).toContain('data-namespaces="common"');
});

test("the health check answers once the database does", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("static assets are compressed and fingerprinted ones cached for a year", async ({ request, page }) => {
  await page.goto("/");
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  expect(css).toMatch(/^\/assets\/.+-[\w-]{8}\.css$/);
  const response = await request.get(css!, { headers: { "Accept-Encoding": "gzip" } });
  expect(response.headers()["cache-control"]).toContain("max-age=31536000");
  expect(response.headers()["cache-control"]).toContain("immutable");
  expect(response.headers()["content-encoding"]).toBe("gzip");
  const home = await request.get("/");
  expect(home.headers()["x-powered-by"]).toBeUndefined();
});

test("the council's branding: a system font, no GDS Transport, no crown, our own footer", async ({ page, request }) => {
  await page.goto("/");
  const css = await (await request.get((await page.locator('link[rel="stylesheet"]').first().getAttribute("href"))!)).text();
  expect(css).not.toContain("GDS Transport");
  expect(css).not.toContain("@font-face");
  expect(css).toContain("system-ui");
  await expect(page.locator(".govuk-generic-header")).toContainText("Example Borough Council");
  await expect(page.locator(".govuk-header__logotype, svg.govuk-header__logotype, .govuk-footer__crown, .govuk-footer__licence-logo")).toHaveCount(0);
  const footer = page.locator("footer");
  for (const link of ["Accessibility statement", "Privacy", "Cookies", "Contact us"]) {
    await expect(footer.getByRole("link", { name: link })).toBeVisible();
  }
  await expect(footer).not.toContainText("Crown copyright");
  await expect(footer).not.toContainText("Open Government Licence");
  const fontFamily = await page.locator("main h1").evaluate((el) => getComputedStyle(el).fontFamily);
  expect(fontFamily).toMatch(/^system-ui/);
});

test.describe("Sorry, there is a problem with the service (500)", () => {
  for (const javaScriptEnabled of [true, false]) {
    for (const width of [320, 1280]) {
      test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"} at ${width}px`, () => {
        test.use({ javaScriptEnabled, viewport: { width, height: 800 } });
        test("is accessible, fits the screen and shows no stack trace", async ({ page, checkA11y }) => {
          await page.goto("/complaint/service");
          // A real fault: once a first answer has stored this browser's session, its row is made unreadable.
          await fillPage(page, { service: "public-health" });
          await sendPage(page);
          const id = await sessionId(page);
          await withPortalDatabase((db) => db.run("UPDATE sessions SET data = 'not sealed' WHERE id = ?", [id]));
          const response = await page.goto("/complaint/service");
          expect(response?.status()).toBe(500);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, there is a problem with the service");
          expect(await page.content()).not.toMatch(/at .+\.(js|ts):\d+/);
          await expectNoHorizontalScroll(page);
          await checkA11y();
        });
      });
    }
  }
});

// A page can go between opening it and sending it (a new version of the journey); the answer is the service's own
// "Page not found", in the person's language, with the council's name around it, not a page in English. (With
// JavaScript, the browser kept the layout's data from the page before, so only a page loaded whole went wrong.)
test("a form sent without JavaScript to a page that is no longer there gets Page not found in Polish", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/complaint/service?lng=pl");
    await page.locator("main form").evaluate((form) => form.setAttribute("action", "/complaint/gone-page"));
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Dalej" }).click()]);
    expect(response.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nie znaleziono strony");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page).toHaveTitle(`Nie znaleziono strony – ${councilIn(parsedExampleCouncil, "pl").serviceName}`);
    await expect(page.getByRole("banner")).toContainText(councilIn(parsedExampleCouncil, "pl").serviceName);
  } finally {
    await context.close();
  }
});

// A form sent to a page that takes no form (a page that is only read, the confirmation, the start page) gets the
// service's "Page not found" in the person's language, laid out right to left in Arabic, with the council round it:
// not the problem page's "try again later" with blanks where the phone number goes.
test("a form sent without JavaScript to a page that takes none gets Page not found in Arabic, right to left", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const arabic = councilIn(parsedExampleCouncil, "ar");
  try {
    for (const path of ["/privacy", "/complaint/confirmation", "/no-such-page"]) {
      await page.goto("/complaint/service?lng=ar");
      await page.locator("main form").evaluate((form, action) => form.setAttribute("action", action), path);
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "متابعة" }).click()]);
      expect(response.status(), path).toBe(405);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("لم نجد الصفحة");
      await expect(page.locator("html"), path).toHaveAttribute("lang", "ar");
      await expect(page.locator("html"), path).toHaveAttribute("dir", "rtl");
      await expect(page, path).toHaveTitle(`لم نجد الصفحة – ${arabic.serviceName}`);
      await expect(page.getByRole("banner"), path).toContainText(arabic.serviceName);
    }
    // The start page's path is the layout's to answer: the person is sent to the start page itself, in Arabic.
    await page.goto("/complaint/service?lng=ar");
    await page.locator("main form").evaluate((form) => form.setAttribute("action", "/"));
    await page.getByRole("button", { name: "متابعة" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page).toHaveTitle(new RegExp(arabic.serviceName));
    // Exit this page leaves however it is reached, a form's post included.
    const exited = await page.request.post("/exit", { form: { a: "1" }, headers: { "Sec-Fetch-Site": "same-origin" }, maxRedirects: 0 });
    expect(exited.status()).toBe(302);
    expect(exited.headers().location).toBe(parsedExampleCouncil.exitUrl);
  } finally {
    await context.close();
  }
});

// A link cut short in a message ("…/complaint/serv%", "…/%E0%A4") has an escape that decodes to nothing. It is a page
// that is not there, answered with the service's own page in the person's language, not a plain "Bad request".
test("a web address cut short in the middle of an escape gets Page not found in the person's language, and one with a slash too many its page", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const [path, heading] of [["/complaint/serv%", "Page not found"], ["/progress/%E0%A4?lng=pl", "Nie znaleziono strony"], ["/%?lng=ar", "لم نجد الصفحة"]] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(response?.headers()["content-type"], path).toContain("text/html");
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
      await expect(page.getByRole("banner"), path).toBeVisible();
    }
    // Its language links are addresses that can be followed, to the same answer.
    await page.goto("/complaint/serv%");
    await page.getByRole("link", { name: "Polski" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nie znaleziono strony");
    // A link put together with a slash too many goes to the page it meant.
    await page.goto(`${new URL(baseURL!).origin}//progress?lng=pl`);
    await expect(page).toHaveURL(`${new URL(baseURL!).origin}/progress?lng=pl`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sprawdź swoją skargę");
  } finally {
    await context.close();
  }
});
