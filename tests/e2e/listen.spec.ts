// "Listen to this page" (issue 19): read by the browser's own speech synthesis, observed here as it is called. The
// test browser has no speech engine, so the engine's part (its voices, and saying the words) is played by a small
// stand-in installed before the page loads; everything the portal does with it is its own.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { personas } from "../support/personas";
import { answerAs, primaryButton } from "./support/answer-as";
import { isLocaleFile } from "./support/locale-files";

interface Spoken {
  text: string;
  lang: string;
}

/** A speech engine with voices for `languages`, recording what it is asked to say and when it is stopped. */
async function speechEngine(page: Page, languages: string[]): Promise<void> {
  await page.addInitScript((langs: string[]) => {
    const record = { spoken: [] as { text: string; lang: string }[], cancelled: 0, current: null as SpeechSynthesisUtterance | null };
    (window as unknown as { __speech: typeof record }).__speech = record;
    const synthesis = window.speechSynthesis;
    const voices = langs.map((lang) => ({ lang, name: `Test ${lang}`, voiceURI: `test-${lang}`, default: false, localService: true }));
    Object.defineProperty(synthesis, "getVoices", { value: () => voices });
    Object.defineProperty(synthesis, "speak", {
      value: (utterance: SpeechSynthesisUtterance) => {
        record.spoken.push({ text: utterance.text, lang: utterance.lang });
        record.current = utterance;
      },
    });
    Object.defineProperty(synthesis, "cancel", {
      value: () => {
        record.cancelled++;
        record.current = null;
      },
    });
    (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking = () => record.current?.onend?.(new Event("end") as SpeechSynthesisEvent);
  }, languages);
}

const spokenOn = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken);

test("with a voice for the page's language, the question, its hint, options and error are read in that language, and stop and replay work from the keyboard", async ({ page, checkA11y }) => {
  await speechEngine(page, ["en-GB", "pl-PL"]);
  await page.goto("/complaint/service");
  // An error first, so it is read too.
  await primaryButton(page).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  const listen = page.getByRole("button", { name: "Listen to this page" });
  await expect(listen).toBeVisible();
  await checkA11y();
  await listen.focus();
  await page.keyboard.press("Enter");
  const stop = page.getByRole("button", { name: "Stop" });
  await expect(stop).toBeFocused();
  const [first] = await spokenOn(page);
  expect(first!.lang).toBe("en");
  const heading = (await page.locator("h1").innerText()).trim();
  const hint = (await page.locator(".govuk-radios__hint, .govuk-hint").first().innerText()).trim();
  const error = (await page.locator(".govuk-error-summary__list a").first().innerText()).trim();
  expect(first!.text).toContain(heading.replace(/\s+/g, " "));
  expect(first!.text).toContain(hint.replace(/\s+/g, " "));
  expect(first!.text).toContain(error);
  for (const label of await page.locator(".govuk-radios__label").allInnerTexts()) expect(first!.text).toContain(label.trim().replace(/\s+/g, " "));
  // In page order: the error summary, then the question.
  expect(first!.text.indexOf(error)).toBeLessThan(first!.text.indexOf(heading.replace(/\s+/g, " ")));
  // Nothing that is not part of the question: not the buttons, not the note about how long answers are kept.
  expect(first!.text).not.toContain("Listen to this page");
  expect(first!.text).not.toContain(await page.locator("#answers-kept").innerText());

  // Stop, with the keyboard: the engine is told to stop, and the button offers to listen again.
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Listen again" })).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { __speech: { cancelled: number } }).__speech.cancelled)).toBeGreaterThan(0);
  await page.keyboard.press("Enter");
  expect(await spokenOn(page)).toHaveLength(2);
  // Once the reading ends by itself, the button offers to listen again.
  await page.evaluate(() => (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking());
  await expect(page.getByRole("button", { name: "Listen again" })).toBeVisible();
});

/** The page's own words that are not a field's label: each group's question (its legend), paragraphs, insets. */
const framingWords = (page: Page) =>
  page.locator("#main-content").locator("legend, p.govuk-body, .govuk-inset-text, .govuk-warning-text__text").evaluateAll((elements) =>
    elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element as HTMLElement).innerText.replace(/\s+/g, " ").trim()),
  );

test("every question on a page is read, a group's as well as a field's, with what the page says around them: the safety questions, and the 999 inset", async ({ page }) => {
  await speechEngine(page, ["en-GB"]);
  const person = personas().youngPerson;
  const listenAt = async (until: string) => {
    await answerAs(page, person, { until });
    await page.getByRole("button", { name: /^(Listen to this page|Listen again)$/ }).click();
    const spoken = (await spokenOn(page)).at(-1)!.text;
    const words = await framingWords(page);
    expect(words.length, until).toBeGreaterThan(0);
    for (const word of words) expect(spoken, until).toContain(word);
    return spoken;
  };
  await page.goto("/complaint");
  // "If a child is in danger now, call 999…" is an inset on the page about what happened.
  expect(await listenAt("what-happened")).toMatch(/999/);
  // Two questions on one page, each a group with a legend: both are read, before their choices.
  const safety = await listenAt("safe-contact");
  expect(safety).toContain("Can we leave a message?");
  expect(safety.indexOf("Can we leave a message?")).toBeLessThan(safety.indexOf("Can we say we are from the council?"));
});

test("a Polish page is read in Polish, and an Arabic one in Arabic when there is an Arabic voice", async ({ page }) => {
  await speechEngine(page, ["pl-PL", "ar-SA"]);
  await page.goto("/complaint/service?lng=pl");
  await page.getByRole("button", { name: "Posłuchaj tej strony" }).click();
  const [polish] = await spokenOn(page);
  expect(polish!.lang).toBe("pl");
  expect(polish!.text).toContain((await page.locator("h1").innerText()).trim().replace(/\s+/g, " "));
  await page.goto("/complaint/service?lng=ar");
  await page.getByRole("button", { name: "استمع إلى هذه الصفحة" }).click();
  const arabic = (await spokenOn(page))[0]!;
  expect(arabic.lang).toBe("ar");
  expect(arabic.text).toMatch(/[\u0600-\u06FF]/);
});

test("with no voice for the page's language there is no button", async ({ page }) => {
  await speechEngine(page, ["en-GB"]);
  await page.goto("/complaint/service?lng=pl");
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.locator(".app-listen")).toHaveCount(0);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });
  test("there is no button", async ({ page }) => {
    await page.goto("/complaint/service");
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.locator(".app-listen")).toHaveCount(0);
  });
});

test("with the locale files out of reach, Listen, Stop and Listen again work from the words the page came with", async ({ page, consoleProblems }) => {
  await speechEngine(page, ["en-GB"]);
  // The connection lost after the page came: the files fetched once the person starts to use it never arrive.
  await page.route(isLocaleFile, (route) => route.abort("internetdisconnected"));
  let failed = 0;
  page.on("requestfailed", (request) => void (isLocaleFile(request.url()) && failed++));
  await page.goto("/complaint/service");
  await page.getByRole("button", { name: "Listen to this page" }).click();
  // The page's namespaces (common and the journey's) were asked for, and did not come.
  await expect.poll(() => failed).toBe(2);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("button", { name: "Listen again" })).toBeVisible();
  await expect(page.getByText("Sorry, there is a problem with the service")).toHaveCount(0);
  // What the browser says about the files it could not fetch is expected here, and nothing else.
  const unexpected = consoleProblems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|dynamically imported module|net::ERR/.test(problem));
  expect(unexpected).toEqual([]);
  consoleProblems.length = 0;
});
