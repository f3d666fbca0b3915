// Arabic, laid out right to left (issue 19): the same pages in English and in Arabic at 360 px, with the Arabic
// layout checked against the English one mirrored, by where things are on the screen (a radio's circle, its label,
// the back link's arrow, the reveal bar, the date's fields, the error summary, the summary list), not by class
// names. Screenshots of each Arabic page are kept with the test's results for people to look at.
import type { Page } from "@playwright/test";
import { councilIn } from "../../app/config/council-schema";
import { parsedExampleCouncil } from "../support/example-council";
import { personas, withAnswers } from "../support/personas";
import { answerAs, fillPage, primaryButton, sendPage, startAs } from "./support/answer-as";
import { expect, expectNoHorizontalScroll, test } from "./support/fixtures";

test.use({ viewport: { width: 360, height: 800 } });

interface Box {
  left: number;
  right: number;
  top: number;
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return { left: box.x, right: box.x + box.width, top: box.y };
}

/** Where the back link's arrow is drawn, and which way it points (its ::before box, and the link's box). */
async function backArrow(page: Page): Promise<{ side: "left" | "right"; turn: string }> {
  return page.locator(".govuk-back-link").evaluate((link) => {
    const arrow = getComputedStyle(link, "::before");
    // An absolutely placed arrow's left and right are both given in pixels: it is drawn by the nearer edge.
    return { side: parseFloat(arrow.left) <= parseFloat(arrow.right) ? "left" : "right", turn: arrow.transform };
  });
}

/** The same x, measured from the other edge of a 360 px page. */
const mirrored = (box: Box) => ({ left: 360 - box.right, right: 360 - box.left });

async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("Arabic pages are English pages mirrored: radios, reveal, back link, dates and errors, check answers, confirmation", async ({ page, checkA11y }) => {
  // A whole complaint twice, measured page by page: near the minute every test is allowed when the machine is busy.
  test.slow();
  const person = withAnswers(personas({ tag: `rtl${Date.now().toString(36)}` }).parent, { "complained-before": { before: "yes", "before-reference": "" } });
  const measure = async (language: "en" | "ar") => {
    await page.goto(`/complaint?lng=${language}`);
    await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    // The start page: its list's bullets and its button on the reading side.
    const startButton = await boxOf(page, "#main-content .govuk-button");
    const bullet = await page.locator("#main-content .govuk-list--bullet li").first().evaluate((item) => {
      const style = getComputedStyle(item.parentElement!);
      return { left: parseFloat(style.paddingLeft), right: parseFloat(style.paddingRight) };
    });
    if (language === "ar") {
      await expect(page.locator(".govuk-language-navigation [aria-current]")).toHaveText("العربية");
      await snap(page, "ar-start");
      await checkA11y();
      await expectNoHorizontalScroll(page);
    }
    // A radios page with a conditional reveal: the second option chosen, its reveal open.
    await startAs(page, person, { language, until: "complained-before" });
    await page.locator('input[name="before"][value="yes"]').check();
    await expect(page.locator(".govuk-radios__conditional:not(.govuk-radios__conditional--hidden)")).toBeVisible();
    const radio = await boxOf(page, 'input[name="before"][value="yes"]');
    const label = await boxOf(page, 'input[name="before"][value="yes"] ~ label');
    const reveal = await page.locator(".govuk-radios__conditional:not(.govuk-radios__conditional--hidden)").evaluate((bar) => {
      const style = getComputedStyle(bar);
      return { left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth) };
    });
    const back = await backArrow(page);
    const backBox = await boxOf(page, ".govuk-back-link");
    if (language === "ar") {
      await snap(page, "ar-radios-with-reveal");
      await checkA11y();
      await expectNoHorizontalScroll(page);
    }
    // A date page with an error: a month that does not exist.
    await page.goto(`/complaint/when`);
    await fillPage(page, { "when-month": "13", "when-year": "2026" });
    await primaryButton(page).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    const month = await boxOf(page, 'input[name="when-month"]');
    const year = await boxOf(page, 'input[name="when-year"]');
    const summary = await boxOf(page, ".govuk-error-summary");
    const summaryTitle = await boxOf(page, ".govuk-error-summary__title");
    // A checkbox: its box on the reading side, its tick the same shape in both directions.
    const stillHappening = page.locator('input[name="still-happening"]');
    await stillHappening.check();
    const checkbox = await boxOf(page, 'input[name="still-happening"]');
    const tick = await page.locator('input[name="still-happening"] + label').evaluate((label) => {
      const after = getComputedStyle(label, "::after");
      return { turn: after.transform, borders: [after.borderTopWidth, after.borderRightWidth, after.borderBottomWidth, after.borderLeftWidth].join(" ") };
    });
    await stillHappening.uncheck();
    // Back to the top, as the page was shown: scrolled, GOV.UK's sticky Exit this page button lies over what is below it.
    await page.evaluate(() => window.scrollTo(0, 0));
    if (language === "ar") {
      await snap(page, "ar-date-with-error");
      await checkA11y();
      await expectNoHorizontalScroll(page);
    }
    // The rest of the way, to check answers: key and value side by side on a wider screen, stacked at 360 px.
    await fillPage(page, person.answers.when);
    await sendPage(page);
    await answerAs(page, person);
    const key = await boxOf(page, ".govuk-summary-list__key");
    const change = await boxOf(page, ".govuk-summary-list__actions a");
    if (language === "ar") {
      await snap(page, "ar-check-answers");
      await checkA11y();
      await expectNoHorizontalScroll(page);
    }
    return { startButton, bullet, radio, label, reveal, back, backBox, month, year, summary, summaryTitle, checkbox, tick, key, change };
  };

  const english = await measure("en");
  const arabic = await measure("ar");

  // The start page: the button starts at the right edge as it starts at the left; the list is indented on the right.
  expect(Math.abs(arabic.startButton.right - (360 - english.startButton.left))).toBeLessThanOrEqual(2);
  expect(arabic.bullet).toEqual({ left: english.bullet.right, right: english.bullet.left });
  // English: the circle left of its label, the bar on the left, the arrow on the left pointing left.
  expect(english.radio.right).toBeLessThanOrEqual(english.label.left + 1);
  expect(english.reveal.left).toBeGreaterThan(0);
  expect(english.back.side).toBe("left");
  // Arabic: each the other way round, at the mirrored place.
  expect(arabic.label.right).toBeLessThanOrEqual(arabic.radio.left + 1);
  expect(Math.abs(arabic.radio.left - mirrored(english.radio).left)).toBeLessThanOrEqual(2);
  expect(arabic.reveal).toEqual({ left: 0, right: english.reveal.left });
  expect(arabic.back.side).toBe("right");
  expect(arabic.back.turn).not.toBe(english.back.turn);
  expect(Math.abs(arabic.backBox.right - (360 - english.backBox.left))).toBeLessThanOrEqual(2);
  // The date's fields in reading order: month first, on the right, then the year to its left.
  expect(english.month.right).toBeLessThanOrEqual(english.year.left);
  expect(arabic.year.right).toBeLessThanOrEqual(arabic.month.left);
  expect(Math.abs(arabic.month.right - (360 - english.month.left))).toBeLessThanOrEqual(2);
  // The error summary spans the same width, and its title starts as far in from the right as English's from the left.
  expect(Math.abs(arabic.summary.left - english.summary.left)).toBeLessThanOrEqual(1);
  expect(Math.abs(arabic.summary.right - arabic.summaryTitle.right - (english.summaryTitle.left - english.summary.left))).toBeLessThanOrEqual(2);
  expect(Math.abs(arabic.checkbox.left - mirrored(english.checkbox).left)).toBeLessThanOrEqual(2);
  expect(arabic.tick).toEqual(english.tick);
  // Check answers: the key starts at the right edge of the list, as it starts at the left in English.
  expect(Math.abs(arabic.key.right - (360 - english.key.left))).toBeLessThanOrEqual(2);
  expect(Math.abs(arabic.change.right - (360 - english.change.left))).toBeLessThanOrEqual(24);

  // The confirmation: the reference reads left to right inside the Arabic page, exactly as typed anywhere else.
  await primaryButton(page).click();
  await expect(page).toHaveURL(/\/confirmation$/);
  const reference = page.locator(".govuk-panel__body .app-reference");
  await expect(reference).toHaveAttribute("dir", "ltr");
  await expect(reference).toHaveText(/^C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
  // Reached with JavaScript, without a page load: every word it needs was loaded, none shows as a key.
  await expect(page.locator("main")).not.toContainText(/\b(common|pages|progress|complaint):[a-zA-Z]/);
  await snap(page, "ar-confirmation");
  await checkA11y();
  await expectNoHorizontalScroll(page);
});

test("switching to Arabic part of the way through keeps every answer, and back again", async ({ page }) => {
  const person = personas({ tag: `rtlswitch${Date.now().toString(36)}` }).parent;
  await startAs(page, person, { until: "what-happened" });
  await page.goto("/complaint/who-are-you?lng=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The council's own words are in Arabic too, from the header to the title: one language from top to bottom.
  const arabic = councilIn(parsedExampleCouncil, "ar");
  await expect(page.locator(".govuk-service-navigation__service-name")).toHaveText(arabic.serviceName);
  expect(await page.title()).toMatch(new RegExp(`– ${arabic.serviceName}$`));
  expect(arabic.serviceName).not.toBe(councilIn(parsedExampleCouncil, "en").serviceName);
  await expect(page.locator(`input[name="role"][value="${String(person.answers["who-are-you"]?.role)}"]`)).toBeChecked();
  await page.goto("/complaint/who-are-you?lng=en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator(`input[name="role"][value="${String(person.answers["who-are-you"]?.role)}"]`)).toBeChecked();
});

test("phone numbers on Arabic pages read left to right, group after group, as they are dialled", async ({ page }) => {
  const { contact, advocacy } = councilIn(parsedExampleCouncil, "en");
  const numbers = [contact.phone, contact.textPhone, contact.generalComplaintsPhone, advocacy.phone];
  for (const address of ["/contact?lng=ar", "/progress?lng=ar"]) {
    await page.goto(address);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // Every place a number of several groups is written: the x of each group, in the order the number gives them.
    const placements = await page.locator("#main-content").evaluate((main, wanted) => {
      const found: { number: string; lefts: number[] }[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const number of wanted) {
          for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
            const lefts: number[] = [];
            let offset = at;
            for (const group of number.split(" ")) {
              const range = document.createRange();
              range.setStart(node, offset);
              range.setEnd(node, offset + group.length);
              lefts.push(range.getBoundingClientRect().left);
              offset += group.length + 1;
            }
            found.push({ number, lefts });
          }
        }
      }
      return found;
    }, numbers);
    expect(placements.length, `phone numbers on ${address}`).toBeGreaterThan(0);
    for (const { number, lefts } of placements) expect(lefts, `${number} on ${address}`).toEqual([...lefts].sort((a, b) => a - b));
  }
});
