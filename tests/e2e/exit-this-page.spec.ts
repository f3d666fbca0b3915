import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { answerNeutralSite, choose, completeQuickComplaint, continueOn, exitThisPage, expectHeading, sessionId } from "./support/journey";
import { withPortalDatabase } from "./support/portal-database";

let neutral: string;
test.beforeEach(async ({ page }) => {
  neutral = await answerNeutralSite(page);
});

async function answerFirstQuestion(page: Page) {
  await page.goto("/complaint/service");
  await choose(page, /Public health/);
  await continueOn(page);
  await expectHeading(page, "Who are you?");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the Exit this page button deletes the answers and opens a neutral site", async ({ page, context }) => {
      await answerFirstQuestion(page);
      const id = await sessionId(page);
      const row = () => withPortalDatabase((db) => db.get<{ id: string }>("SELECT id FROM sessions WHERE id = ?", [id]));
      expect(await row(), "the answers are stored before the exit").toBeDefined();
      await exitThisPage(page);
      expect((await context.cookies()).find((c) => c.name === "session")).toBeUndefined();
      // Not only the cookie: the stored answers themselves are gone from the database.
      expect(await row()).toBeUndefined();
      await page.goto("/complaint/who-are-you");
      await expectHeading(page, "Which service is your complaint about?");
    });

    test("on the confirmation, it deletes the copy of what was sent at once, as the page says", async ({ page }) => {
      await completeQuickComplaint(page, "Deleted at once");
      await page.getByRole("button", { name: "Send complaint" }).click();
      await expectHeading(page, /Complaint sent/);
      await expect(page.getByText("“Exit this page” deletes it at once, and takes you to another website.")).toBeVisible();
      const id = await sessionId(page);
      await exitThisPage(page);
      expect(await withPortalDatabase((db) => db.get<{ id: string }>("SELECT id FROM sessions WHERE id = ?", [id]))).toBeUndefined();
      // Someone opening the confirmation from the browser's history finds nothing of it.
      await page.goto("/complaint/confirmation");
      await expectHeading(page, "Which service is your complaint about?");
      await expect(page.getByText("Deleted at once")).toHaveCount(0);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a link straight after the skip link exits the page", async ({ page }) => {
    await answerFirstQuestion(page);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Exit this page" }).first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(neutral);
  });
});

test("with JavaScript, pressing Shift three times exits", async ({ page }) => {
  await answerFirstQuestion(page);
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await expect(page).toHaveURL(neutral);
});

test("a link to the exit on another site opens the neutral site but deletes nothing", async ({ page, baseURL }) => {
  await answerFirstQuestion(page);
  const id = await sessionId(page);
  const row = () => withPortalDatabase((db) => db.get<{ id: string }>("SELECT id FROM sessions WHERE id = ?", [id]));
  // Another site's page, in the same browser, with a link to our exit: the browser says the visit is cross-site.
  const elsewhere = "http://elsewhere.example/";
  await page.route(elsewhere, (route) => route.fulfill({ status: 200, contentType: "text/html", body: `<!doctype html><html lang='en'><title>Elsewhere</title><a href="${baseURL}/exit">Go</a></html>` }));
  await page.goto(elsewhere);
  await page.getByRole("link", { name: "Go" }).click();
  await expect(page).toHaveURL(neutral);
  expect(await row(), "the answers are still stored").toBeDefined();
  await page.goto("/complaint/who-are-you");
  await expectHeading(page, "Who are you?");
});
