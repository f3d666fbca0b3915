// Walks a journey in the browser as a persona would: on whatever question page it is on, it gives that page's
// answers from the persona (by the form's own field names, in any language) and presses the page's button, until
// it reaches the page asked for. A page the persona has no answer for is sent empty, as a person skipping an
// optional question does. Tests say who is answering, not which page comes next.
import { expect, type Page } from "@playwright/test";
import type { PageAnswer } from "../../../app/journeys/session-data";
import { existsSync, readFileSync } from "node:fs";
import type { Persona } from "../../support/personas";

/** The id of the journey page the browser is on ("" for the start page), or null outside the journey. */
export function journeyPageOf(page: Page, journey: string): string | null {
  const [, first, second] = new URL(page.url()).pathname.split("/");
  return first === journey ? (second ?? "") : null;
}

/** Fills a question page's form from one page's answers: choices first, so revealed fields can then be typed in. */
export async function fillPage(page: Page, values: PageAnswer | undefined): Promise<void> {
  const form = page.locator('#main-content form[method="post"]');
  const entries = Object.entries(values ?? {});
  const kinds = await Promise.all(
    entries.map(async ([name]) => {
      const inputs = form.locator(`[name="${name}"]`);
      // The page may still be arriving: wait for the field rather than judge a page half drawn.
      await inputs.first().waitFor({ state: "attached", timeout: 10_000 }).catch(() => {
        throw new Error(`${new URL(page.url()).pathname} has no field named ${name}`);
      });
      return inputs.first().evaluate((element) => (element instanceof HTMLInputElement ? element.type : element.tagName.toLowerCase()));
    }),
  );
  const choices = entries.map((entry, index) => ({ entry, kind: kinds[index]! }));
  for (const { entry: [name, value], kind } of choices.filter(({ kind }) => kind === "radio" || kind === "checkbox")) {
    const wanted = Array.isArray(value) ? value : [value];
    const inputs = form.locator(`[name="${name}"]`);
    for (let index = 0; index < (await inputs.count()); index++) {
      const input = inputs.nth(index);
      const on = wanted.includes((await input.getAttribute("value")) ?? "");
      if (on) await input.check();
      else if (kind === "checkbox") await input.uncheck();
    }
  }
  for (const { entry: [name, value], kind } of choices.filter(({ kind }) => kind !== "radio" && kind !== "checkbox")) {
    const text = Array.isArray(value) ? (value[0] ?? "") : value;
    const input = form.locator(`[name="${name}"]`).first();
    if (kind === "select") await input.selectOption(text);
    else if (text === "" && !(await input.isVisible())) continue; // an unrevealed field left empty
    else await input.fill(text);
  }
}

/**
 * The page's main button (Continue, Send): the first that is not secondary. The evidence page's Upload and Remove
 * buttons are secondary, as GOV.UK's pattern has them.
 */
export function primaryButton(page: Page) {
  return page.locator('#main-content form[method="post"] button.govuk-button:not(.govuk-button--secondary)').first();
}

/**
 * Waits until the page drawn is the one in the address bar: with JavaScript, the address changes as the next
 * page's data arrives, a moment before that page replaces the old one, whose form posts to its own address.
 */
export async function pageDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const form = document.querySelector('#main-content form[method="post"]');
    return !form || new URL(form.getAttribute("action") ?? location.href, location.href).pathname === location.pathname;
  });
}

/** Presses the question page's own button and waits for the next page, failing with the page's errors if it stays. */
export async function sendPage(page: Page): Promise<void> {
  const before = page.url();
  // An error summary already showing (from a wrong answer given first) is marked, so only a new one counts.
  await page.locator(".govuk-error-summary").evaluateAll((summaries) => summaries.forEach((summary) => summary.setAttribute("data-seen", "")));
  await primaryButton(page).click();
  const summary = page.locator(".govuk-error-summary:not([data-seen])");
  await expect.poll(async () => page.url() !== before || (await summary.isVisible()), { message: `leaving ${before}` }).toBe(true);
  if (page.url() === before) throw new Error(`${new URL(before).pathname} refused the answers: ${(await summary.innerText()).replace(/\s+/g, " ")}`);
  await pageDrawn(page);
}

/** Answers as the persona from the page the browser is on, until it reaches `until` (check answers by default). */
export async function answerAs(page: Page, persona: Persona, { until = "check-answers" }: { until?: string } = {}): Promise<void> {
  for (let step = 0; step < 60; step++) {
    // The address changes before the new page is drawn: never answer the page being left.
    await pageDrawn(page);
    const id = journeyPageOf(page, persona.journey);
    if (id === until) return;
    if (id === null || id === "check-answers" || id === "confirmation") throw new Error(`${persona.name}: reached ${page.url()} before ${until}`);
    if (id === "") {
      const before = page.url();
      await page.locator("#main-content a.govuk-button--start, #main-content a.govuk-button").first().click();
      await expect(page).not.toHaveURL(before);
      continue;
    }
    await fillPage(page, persona.answers[id]);
    await sendPage(page);
  }
  throw new Error(`${persona.name}: ${until} was not reached`);
}

/** Starts the persona's journey at its start page (in a language if given) and answers up to `until`. */
export async function startAs(page: Page, persona: Persona, { language, until }: { language?: string; until?: string } = {}): Promise<void> {
  await page.goto(`/${persona.journey}${language ? `?lng=${language}` : ""}`);
  await answerAs(page, persona, { until });
}

/** Presses the send button on check answers and returns the reference the confirmation shows. */
export async function sendAnswers(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/check-answers$/);
  await primaryButton(page).click();
  await expect(page).toHaveURL(/\/confirmation$/);
  const reference = ((await page.locator(".govuk-panel__body strong").textContent()) ?? "").trim();
  expect(reference).toMatch(/^[A-Z]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
  return reference;
}

/** The error summary's title and the title's error prefix, in the language of the page the browser is on. */
async function pageWords(page: Page): Promise<{ summaryTitle: string; errorPrefix: string }> {
  const language = (await page.locator("html").getAttribute("lang")) ?? "en";
  const file = `locales/${/^[a-z]{2}$/.test(language) && existsSync(`locales/${language}/common.json`) ? language : "en"}/common.json`;
  const common = JSON.parse(readFileSync(file, "utf8")) as { errors: { summaryTitle: string }; layout: { errorPrefix: string } };
  return { summaryTitle: common.errors.summaryTitle, errorPrefix: common.layout.errorPrefix };
}

/** A wrong answer for a page (nothing, when `values` is not given) and the error it must show. */
export interface WrongAnswer {
  values?: PageAnswer;
  error: string;
}

const typingBoxes = (page: Page) => page.locator("#main-content form").locator("input[type=text], input[type=email], input[type=tel], textarea");
const typedValues = (page: Page) => typingBoxes(page).evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value).filter(Boolean));

/**
 * Walks from the page the browser is on to `until` as the persona, but first gives each page a wrong answer:
 * the one in `wrongAnswers` for that page id, or nothing at all. Wherever that is refused, the error state must be
 * GOV.UK's (summary, inline message in the same words, "Error: " title, focus with JavaScript), keep everything
 * typed and pass `checkErrorState` (axe). A page added to the journey is walked the same way with no change here.
 * Returns the page ids shown; fails if a page with a listed wrong answer was never reached.
 */
export async function walkWithWrongAnswers(
  page: Page,
  persona: Persona,
  wrongAnswers: Record<string, WrongAnswer>,
  { javaScriptEnabled, checkErrorState, until = "check-answers" }: { javaScriptEnabled: boolean; checkErrorState: () => Promise<void>; until?: string },
): Promise<string[]> {
  const shown: string[] = [];
  for (let id = journeyPageOf(page, persona.journey); id !== until; id = journeyPageOf(page, persona.journey)) {
    if (!id || shown.includes(id)) throw new Error(`${persona.name}: unexpected page ${page.url()}`);
    shown.push(id);
    await pageDrawn(page);
    const wrong = wrongAnswers[id];
    if (wrong?.values) await fillPage(page, wrong.values);
    const typed = await typedValues(page);
    const before = page.url();
    await primaryButton(page).click();
    const summary = page.locator(".govuk-error-summary");
    if (wrong) await expect(summary, `${id} refuses its wrong answer`).toBeVisible();
    else await expect.poll(async () => page.url() !== before || (await summary.isVisible())).toBe(true);
    if (page.url() !== before) continue; // an optional page, passed with nothing
    // GOV.UK's words, in the page's own language.
    const words = await pageWords(page);
    await expect(summary.locator(".govuk-error-summary__title")).toHaveText(words.summaryTitle);
    const message = wrong?.error ?? ((await summary.getByRole("link").first().textContent()) ?? "").trim();
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
    await expect(page.locator("p.govuk-error-message", { hasText: message })).toBeVisible();
    expect((await page.title()).startsWith(`${words.errorPrefix} `)).toBe(true);
    if (javaScriptEnabled) await expect(summary).toBeFocused();
    expect(await typedValues(page), `${id}: everything typed is shown again`).toEqual(typed);
    await checkErrorState();
    for (let i = 0; i < (await typingBoxes(page).count()); i++) if (await typingBoxes(page).nth(i).isVisible()) await typingBoxes(page).nth(i).fill("");
    await fillPage(page, persona.answers[id]);
    await sendPage(page);
  }
  expect(Object.keys(wrongAnswers).filter((id) => !shown.includes(id)), "pages with wrong answers the walk never reached").toEqual([]);
  return shown;
}
