// With JavaScript a page replaces the one before without loading: what a page loaded afresh gives a keyboard or
// screen reader user must still hold (app/root.tsx, useFocusOnArrival; app/govuk-frontend.client.ts).
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { answerNeutralSite, choose, expectHeading } from "./support/journey";

async function continueWithTheKeyboard(page: Page, heading: string) {
  await page.getByRole("button", { name: "Continue" }).focus();
  await page.keyboard.press("Enter");
  await expectHeading(page, heading);
}

test("a page reached by Continue is read from its heading, and its skip link and Exit this page work as on a page loaded afresh", async ({ page }) => {
  await page.goto("/complaint/service");
  await choose(page, /Public health/);
  await continueWithTheKeyboard(page, "Who are you?");
  // Not left on nothing (the pressed button went with the old page): the new page's heading has focus.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  // The next Tab goes on into the page, from its heading.
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);

  // The skip link takes focus to this page's main content, not the last page's.
  await page.getByRole("link", { name: "Skip to main content" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  // Exit this page says how many more presses of Shift it needs, on this page too.
  await page.keyboard.press("Shift");
  await expect(page.locator(".govuk-exit-this-page [role='status']")).toHaveText("Shift, press 2 more times to exit.");
  const neutral = await answerNeutralSite(page);
  await page.keyboard.press("Shift");
  await expect(page.locator(".govuk-exit-this-page [role='status']")).toHaveText("Shift, press 1 more time to exit.");
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(neutral);
});

test("a page with an error still gives focus to its error summary", async ({ page }) => {
  await page.goto("/complaint/service");
  await choose(page, /Public health/);
  await continueWithTheKeyboard(page, "Who are you?");
  await page.getByRole("button", { name: "Continue" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".govuk-error-summary")).toBeFocused();
});

test("a page loaded afresh is left as the browser shows it", async ({ page }) => {
  await page.goto("/complaint/service");
  await expect(page.locator("body > .govuk-width-container[data-portal-enhanced]")).toBeAttached();
  await expect(page.locator("body")).toBeFocused();
});
