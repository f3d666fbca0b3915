import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expect, expectNoHorizontalScroll, test } from "./support/fixtures";
import { deliveriesFor } from "./support/deliveries";
import { withPortalDatabase } from "./support/portal-database";
import { personas } from "../support/personas";
import { answerAs, fillPage, sendAnswers, sendPage, walkWithWrongAnswers, type WrongAnswer } from "./support/answer-as";
import { choose, completeQuickComplaint, continueOn, expectHeading, expireSessions, reachWhatHappened, sessionId, storedSubmissions, type } from "./support/journey";

/**
 * Wrong answers for some complaint pages, by page id, and the error each must show. Every other page the persona
 * is shown is sent empty first: where that is refused, its error state gets the same checks.
 */
const wrongAnswers: Record<string, WrongAnswer> = {
  service: { error: "Select which service your complaint is about" },
  "who-are-you": { values: { role: "someone-else" }, error: "Tell us who you are" },
  "about-who": { error: "Select who the complaint is about" },
  "child-details": { values: { "child-name": "Sam", "child-age": "eight" }, error: "Enter their age as a number, like 8" },
  "child-agrees": { error: "Select if Sam knows about this complaint and agrees with it" },
  "parental-responsibility": { error: "Select if you have parental responsibility" },
  "what-happened": { values: { "what-happened": "x".repeat(6001) }, error: "What happened must be 6,000 characters or fewer" },
  "about-to-happen": { values: { "about-to-happen": "yes", "what-happens": "A move" }, error: "Enter the date it will happen, or tick ‘I don’t know’" },
  when: { values: { "when-year": "2024" }, error: "Enter the month it happened" },
  "why-now": { error: "Tell us why you did not complain sooner" },
  "put-right": { values: { "put-right": "y".repeat(2001) }, error: "What you would like to happen must be 2,000 characters or fewer" },
  "complained-before": { error: "Select if you have complained about this before" },
  advocate: { error: "Select if Sam would like an advocate" },
  "reply-format": { values: { format: "another-language" }, error: "Enter the language you would like us to use" },
  "your-name": { values: { "full-name": "n".repeat(201) }, error: "Your name must be 200 characters or fewer" },
  contact: { values: { method: "post", "address-line-1": "1 School Lane", "address-town": "Exampleton", "address-postcode": "nowhere" }, error: "Enter a full UK postcode, like EX1 1AA" },
  "safe-post": { error: "Select if we can put the council’s name on the envelope" },
};

async function startComplaint(page: Page) {
  await page.goto("/complaint");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectHeading(page, "Which service is your complaint about?");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    // On the narrowest screen WCAG asks pages to fit (1.4.10): an error state indents its fields, and without
    // JavaScript every reveal is open.
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 800 } });

    test("every question page shows a specific error, keeps what was typed, fits 320 px and passes axe", async ({ page, checkA11y }) => {
      test.setTimeout(180_000);
      const persona = personas().teacherForChild;
      await startComplaint(page);
      const checkErrorState = async () => {
        await expectNoHorizontalScroll(page);
        await checkA11y();
      };
      await walkWithWrongAnswers(page, persona, wrongAnswers, { javaScriptEnabled, checkErrorState });
      await expectHeading(page, "Check your answers before sending your complaint");
      await expect(page.getByText("Sam’s teacher")).toBeVisible();
      await expect(page.getByText("EX1 1AA")).toBeVisible();
    });
  });
}

test.describe("how people reached the portal, for the annual report", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("a complaint sent with JavaScript on a phone, check answers reached by its link, is recorded as such", async ({ page }) => {
    // Every step a link or a Continue made with JavaScript, not a page loaded afresh: the hidden fields must survive
    // the render that pressing Send makes.
    await completeQuickComplaint(page, "Reached on a phone");
    const reference = await sendAnswers(page);
    const stored = await withPortalDatabase((db) => db.get<{ state: string }>("SELECT state FROM cases WHERE reference = ?", [reference]));
    expect((JSON.parse(stored!.state) as { reach: unknown }).reach).toEqual({ language: "en", javascript: true, widthBand: "narrow" });
  });
});

test("after a send, the journey can be started again: a complaint about a second child, or the other service", async ({ page }) => {
  await completeQuickComplaint(page, "The first complaint");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectHeading(page, /Complaint sent/);
  // The journey's start, then its first question: empty, not the confirmation again.
  await page.goto("/complaint");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectHeading(page, "Which service is your complaint about?");
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  // Only seeing the question starts nothing: the confirmation is still there, and the rest of the journey leads to it.
  await page.goto("/complaint/who-are-you");
  await expectHeading(page, /Complaint sent/);
  await expect(page.getByText("The first complaint")).toHaveCount(1);
  // Answering it begins the new complaint, which is sent as a complaint of its own.
  await completeQuickComplaint(page, "The second complaint");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectHeading(page, /Complaint sent/);
  await expect(page.getByText("The second complaint")).toHaveCount(1);
  await expect(page.getByText("The first complaint")).toHaveCount(0);
  const sent = (await storedSubmissions()).filter((s) => ["The first complaint", "The second complaint"].includes(String(s.answers["what-happened"]?.["what-happened"])));
  expect(new Set(sent.map((s) => s.reference)).size).toBe(2);
});

test("a change link returns to check answers, and a new branch asks its questions first", async ({ page }) => {
  await completeQuickComplaint(page);
  await page.getByRole("link", { name: "Change how to contact you" }).click();
  await choose(page, "Phone call");
  await type(page, "Phone number", "01632 960001");
  await continueOn(page);
  await expectHeading(page, "Check your answers before sending your complaint");
  await expect(page.getByText("01632 960001")).toBeVisible();
  await expect(page.getByText("parent@example.org")).toHaveCount(0);

  await page.getByRole("link", { name: "Change who the complaint is about" }).click();
  await expect(page.getByRole("link", { name: "Back" })).toHaveAttribute("href", "/complaint/check-answers");
  await choose(page, "A child or young person I care about");
  await continueOn(page);
  await type(page, "Their first name", "Ola");
  await type(page, "Their age", "4");
  await continueOn(page);
  await choose(page, "They are too young to say");
  await continueOn(page);
  // The page left had a "Yes" too: choose on the new page only.
  await expectHeading(page, "Do you have parental responsibility for Ola?");
  await choose(page, "Yes");
  await continueOn(page);
  await expectHeading(page, "Check your answers before sending your complaint");
  await expect(page.getByText("Ola", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Change who the complaint is about" }).click();
  await choose(page, "Me");
  await continueOn(page);
  await expectHeading(page, "Check your answers before sending your complaint");
  await expect(page.getByText("Ola", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Send complaint" }).click();
  const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
  const stored = (await storedSubmissions()).find((s) => s.reference === reference);
  expect(stored?.answers["child-details"], "answers off the new route are not submitted").toBeUndefined();
  expect(stored?.answers.contact).toEqual({ method: "phone", phone: "01632 960001" });
});

test("opening a later question first sends the person to the first unanswered one", async ({ page }) => {
  await page.goto("/complaint/contact");
  await expectHeading(page, "Which service is your complaint about?");
  await page.goto("/complaint/check-answers");
  await expectHeading(page, "Which service is your complaint about?");
  await page.goto("/complaint/nonsense-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test.describe("sending twice stores one complaint", () => {
  test.use({ javaScriptEnabled: false });

  test("the back button then send again shows the same confirmation", async ({ page }) => {
    const marker = `back-button ${Date.now()}`;
    await completeQuickComplaint(page, marker);
    await page.getByRole("button", { name: "Send complaint" }).click();
    const reference = await page.locator(".govuk-panel__body strong").textContent();
    // A public health complaint has one stage at the council, then the Ombudsman: no stages 2 and 3 are offered.
    await expect(page.getByText(/one stage at the council rather than three/)).toBeVisible();
    await expect(page.getByText(/Stage 2|ask for the next stage/)).toHaveCount(0);
    await page.goBack();
    await expectHeading(page, /Check your answers|Complaint sent/);
    if (await page.getByRole("button", { name: "Send complaint" }).isVisible()) {
      await page.getByRole("button", { name: "Send complaint" }).click();
    }
    await expect(page.locator(".govuk-panel__body strong")).toHaveText(reference ?? "");
    expect((await storedSubmissions()).filter((s) => s.answers["what-happened"]?.["what-happened"] === marker)).toHaveLength(1);
  });

  test("sending from two tabs at once stores it once", async ({ page, context }) => {
    const marker = `two tabs ${Date.now()}`;
    await completeQuickComplaint(page, marker);
    const second = await context.newPage();
    await second.goto("/complaint/check-answers");
    await Promise.all([
      page.getByRole("button", { name: "Send complaint" }).click(),
      second.getByRole("button", { name: "Send complaint" }).click(),
    ]);
    const first = await page.locator(".govuk-panel__body strong").textContent();
    await expect(second.locator(".govuk-panel__body strong")).toHaveText(first ?? "");
    expect((await storedSubmissions()).filter((s) => s.answers["what-happened"]?.["what-happened"] === marker)).toHaveLength(1);
  });
});

test.describe("an expired session", () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ mode: "serial" });

  test("lands on 'Your answers have been deleted', never a silent restart", async ({ page, checkA11y }) => {
    await startComplaint(page);
    await choose(page, /Public health/);
    await continueOn(page);
    await expireSessions(page);
    await choose(page, "A parent");
    await page.getByRole("button", { name: "Continue" }).click();
    await expectHeading(page, "Your answers have been deleted");
    await expect(page.getByText("we deleted your answers")).toBeVisible();
    // Nothing written on that page was there to keep (a choice is not shown back).
    await expect(page.getByRole("heading", { name: "What you wrote on the last page" })).toHaveCount(0);
    await checkA11y();
    await page.getByRole("link", { name: "Start again" }).click();
    await expectHeading(page, "Make a complaint");
  });

  test("keeps what was written on the page sent after the time was up, to copy, shown once", async ({ page, checkA11y }) => {
    await reachWhatHappened(page);
    const story = "The health visitor never came.\nNobody called to say why.";
    await page.getByRole("textbox", { name: "Tell us what happened" }).fill(story);
    const id = await sessionId(page);
    await expireSessions(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await expectHeading(page, "Your answers have been deleted");
    await expect(page.getByRole("heading", { name: "What you wrote on the last page" })).toBeVisible();
    await expect(page.locator(".govuk-inset-text").filter({ hasText: "The health visitor never came." })).toHaveText(story);
    await checkA11y();
    // Shown once: nothing of it is kept, in the browser's session or the database.
    await page.reload();
    await expectHeading(page, "Your answers have been deleted");
    await expect(page.getByText("The health visitor never came.")).toHaveCount(0);
    expect(await withPortalDatabase(async (db) => (await db.all("SELECT id FROM sessions WHERE id = ?", [id])).length)).toBe(0);
    const cookie = (await page.context().cookies()).find((c) => c.name === "session");
    if (cookie) expect(await withPortalDatabase(async (db) => (await db.all("SELECT id FROM sessions WHERE id = ?", [cookie.value.split(".")[0] ?? ""])).length)).toBe(0);
  });
});

test("with JavaScript, another language on a question page keeps what was typed, unchecked until Continue", async ({ page }) => {
  await reachWhatHappened(page);
  const answer = page.locator("textarea[name='what-happened']");
  await answer.fill("Nikt nie przyszedł. Nobody came.");
  await page.getByRole("link", { name: "Polski" }).click();
  await expect(page).toHaveURL(/\/complaint\/what-happened\?lng=pl$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(answer).toHaveValue("Nikt nie przyszedł. Nobody came.");
  // Kept, not checked: no error, and the title says none.
  await expect(page.locator(".govuk-error-summary")).toHaveCount(0);
  expect(await page.title()).not.toMatch(/^Błąd/);

  // Emptied and switched again: what is typed now is what is kept, and an empty answer is not refused yet.
  await answer.fill("");
  await page.getByRole("link", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(answer).toHaveValue("");
  await expect(page.locator(".govuk-error-summary")).toHaveCount(0);

  // Continue after a switch is an answer sent, as ever (the switch's fields are not left in the form).
  await answer.fill("The health visitor never came.");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(answer).toHaveValue("The health visitor never came.");
  await continueOn(page);
  await expect(page).not.toHaveURL(/what-happened/);
});

test("with JavaScript, a long answer counts the characters left as they are typed", async ({ page }) => {
  // The character count's script is fetched by the page that has one, not by the pages before it (decision 042).
  const fetchedOn: string[] = [];
  page.on("request", (request) => {
    if (/\/assets\/govuk-frontend-fields-[^/]+\.js$/.test(request.url())) fetchedOn.push(new URL(page.url()).pathname);
  });
  await page.goto("/complaint/service");
  expect(fetchedOn).toEqual([]);
  await reachWhatHappened(page);
  await expect.poll(() => fetchedOn).toEqual(["/complaint/what-happened"]);
  const field = page.getByRole("textbox", { name: "Tell us what happened" });
  const status = page.locator(".govuk-character-count__status");
  await expect(status).toHaveText("You have 6,000 characters remaining");
  await field.fill("The health visitor never came.");
  await expect(status).toHaveText("You have 5,970 characters remaining");
});

test("with JavaScript, a warning before the idle limit lets the person keep their answers", async ({ page }) => {
  await page.clock.install();
  await startComplaint(page);
  await choose(page, /Public health/);
  await continueOn(page);
  // The warning's timers start once the new page (not the one left, which had its own) has mounted it.
  await expectHeading(page, "Who are you?");
  await expect(page.locator("dialog.app-timeout-dialog[data-app-timeout-warning-init]")).toBeAttached();
  await page.clock.fastForward("57:30");
  await expect(page.getByRole("dialog", { name: "We will delete your answers soon" })).toBeHidden();
  await page.clock.fastForward("01:00");
  const dialog = page.getByRole("dialog", { name: "We will delete your answers soon" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep my answers" })).toBeFocused();
  const id = await sessionId(page);
  const expiry = () => withPortalDatabase(async (db) => Number((await db.get<{ e: number }>("SELECT expires_at AS e FROM sessions WHERE id = ?", [id]))!.e));
  const before = await expiry();
  await dialog.getByRole("button", { name: "Keep my answers" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("#timeout-extended")).toHaveText("We will keep your answers for another 60 minutes.");
  const after = await expiry();
  expect(after).toBeGreaterThan(before);
  await expectHeading(page, "Who are you?");
});

test("with JavaScript, typing a long answer keeps the answers, quietly, so no warning interrupts it", async ({ page }) => {
  await page.clock.install();
  await reachWhatHappened(page);
  await expect(page.locator("dialog.app-timeout-dialog[data-app-timeout-warning-init]")).toBeAttached();
  const id = await sessionId(page);
  const expiry = () => withPortalDatabase(async (db) => Number((await db.get<{ e: number }>("SELECT expires_at AS e FROM sessions WHERE id = ?", [id]))!.e));
  const before = await expiry();
  // Half an hour spent writing: the next keystrokes keep the session, as sending an answer would.
  await page.clock.fastForward("31:00");
  const field = page.getByRole("textbox", { name: "Tell us what happened" });
  await field.pressSequentially("The health visitor never came");
  await expect.poll(expiry).toBeGreaterThan(before);
  // An hour after the page opened, still writing: no warning (it would have come at 58 minutes), nothing announced.
  await page.clock.fastForward("28:00");
  await field.pressSequentially(" and nobody called.");
  const dialog = page.getByRole("dialog", { name: "We will delete your answers soon" });
  await expect(dialog).toBeHidden();
  await expect(page.locator("#timeout-extended")).toHaveText("");
  await expect(field).toHaveValue("The health visitor never came and nobody called.");
  // Left alone after that, the warning comes as before.
  await page.clock.fastForward("30:00");
  await expect(dialog).toBeVisible();
});

test("with JavaScript, typing does not hold the page open once the server has ended the session", async ({ page }) => {
  await page.clock.install();
  await reachWhatHappened(page);
  await expect(page.locator("dialog.app-timeout-dialog[data-app-timeout-warning-init]")).toBeAttached();
  const id = await sessionId(page);
  await withPortalDatabase((db) => db.run("DELETE FROM sessions WHERE id = ?", [id]));
  // Past half the idle time, typing asks the server to keep the session: it has gone, so nothing is restarted.
  await page.clock.fastForward("31:00");
  const asks: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/session/keep-alive")) asks.push(request.url());
  });
  const asked = page.waitForResponse((response) => response.url().endsWith("/session/keep-alive"));
  await page.getByRole("textbox", { name: "Tell us what happened" }).pressSequentially("The health visitor");
  expect(await (await asked).json()).toEqual({ ok: false });
  // Told the session has gone, the page asks no more, however much is typed.
  await page.getByRole("textbox", { name: "Tell us what happened" }).pressSequentially(" never came.");
  expect(asks).toHaveLength(1);
  // So the warning comes when it would have (at 58 minutes), not half an hour later.
  await page.clock.fastForward("27:30");
  await expect(page.getByRole("dialog", { name: "We will delete your answers soon" })).toBeVisible();
});

test("'Your answers have been deleted' deletes only a session whose time is up, and only when our own page sent the person there", async ({ page }) => {
  await startComplaint(page);
  await choose(page, /Public health/);
  await continueOn(page);
  await expectHeading(page, "Who are you?");
  const id = await sessionId(page);
  const rows = () => withPortalDatabase(async (db) => Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM sessions WHERE id = ?", [id]))!.n));
  const visit = (site: string) => page.request.get("/answers-deleted?from=complaint", { headers: { "Sec-Fetch-Site": site }, maxRedirects: 0 });
  // Still in use, with most of an hour left (another tab kept it alive, or a link sent the person here): nothing is
  // deleted and nobody is told it was; back to the journey.
  const inUse = await visit("same-origin");
  expect(inUse.status()).toBe(302);
  expect(inUse.headers().location).toBe("/complaint");
  expect(await rows()).toBe(1);
  // Its time nearly up, as the browser's timer finds it: a link from another site still deletes nothing...
  await withPortalDatabase((db) => db.run("UPDATE sessions SET expires_at = ? WHERE id = ?", [Date.now() + 20_000, id]));
  const fromElsewhere = await visit("cross-site");
  expect(fromElsewhere.status()).toBe(200);
  expect(await rows()).toBe(1);
  // ...and our own page's timer deletes what is left.
  const fromTimer = await visit("same-origin");
  expect(fromTimer.status()).toBe(200);
  expect(await fromTimer.text()).toContain("Your answers have been deleted");
  expect(await rows()).toBe(0);
});

test.describe("bad requests never cause a 500", () => {
  test("huge, repeated, missing and odd fields get the page again with errors", async ({ page }) => {
    await startComplaint(page);
    const post = (data: string, contentType = "application/x-www-form-urlencoded") =>
      page.request.post("/complaint/service", { headers: { "Content-Type": contentType }, data, maxRedirects: 0 });
    for (const body of [
      `service=${"x".repeat(100_000)}`,
      "service=public-health&service=childrens-social-care&service=",
      "unexpected=1",
      "",
      "service=%E0%A4%A",
      "service[]=1&service[x]=2",
    ]) {
      const response = await post(body);
      expect(response.status(), body.slice(0, 40)).toBeLessThan(500);
    }
    const json = await post('{"service":"public-health"}', "application/json");
    expect(json.status()).toBeLessThan(500);
    await page.goto("/complaint/service");
    await expectHeading(page, "Which service is your complaint about?");
  });

  test("a fault shows 'Sorry, there is a problem with the service' without a stack trace", async ({ page }) => {
    await startComplaint(page);
    // Once a first answer has stored the session, its row is made unreadable.
    await fillPage(page, { service: "public-health" });
    await sendPage(page);
    const id = await sessionId(page);
    await withPortalDatabase((db) => db.run("UPDATE sessions SET data = 'not json' WHERE id = ?", [id]));
    const response = await page.goto("/complaint/service");
    expect(response?.status()).toBe(500);
    await expectHeading(page, "Sorry, there is a problem with the service");
    const html = await page.content();
    expect(html).not.toMatch(/at .+\.(js|ts):\d+/);
    expect(html).not.toContain("SyntaxError");
  });
});

test.describe("the whole journey in Polish", () => {
  const pl = JSON.parse(readFileSync("locales/pl/complaint.json", "utf8")) as { pages: Record<string, { title: string; fields: Record<string, { label?: string; options?: Record<string, { label: string }> }> }>; checkAnswers: { send: string; title: string }; confirmation: { title: string } };
  const plEmails = JSON.parse(readFileSync("locales/pl/emails.json", "utf8")) as { acknowledgement: { heading: string } };
  const plComplaint = JSON.parse(readFileSync("locales/pl/complaint.json", "utf8")) as { submission: { yours: string } };

  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 640 } });
      const page = await context.newPage();
      const persona = personas().polishCareLeaver;
      // The start page's English words beside the Polish are marked English, and no mark shows as it is.
      await page.goto("/?lng=pl");
      await expect(page.locator('#main-content span[lang="en"]').filter({ hasText: /^(care leaver|review panel)$/ })).toHaveCount(2);
      expect(await page.locator("body").innerText()).not.toContain("<en>");
      await page.goto("/complaint?lng=pl");
      await expect(page.locator("html")).toHaveAttribute("lang", "pl");
      await answerAs(page, persona);
      await expectHeading(page, pl.checkAnswers.title);
      // The English word staff use, beside the Polish, is marked as English (a Polish voice would say it in Polish).
      await expect(page.locator('.govuk-summary-list span[lang="en"]')).toHaveText(["care leaver"]);
      expect(await page.locator("body").innerText()).not.toContain("<en>");
      // And around a question: what an advocate is.
      await page.goto("/complaint/advocate");
      await expect(page.locator('#main-content p span[lang="en"]')).toHaveText(["advocate"]);
      expect(await page.locator("body").innerText()).not.toContain("<en>");
      await page.goto("/complaint/check-answers");
      await page.getByRole("button", { name: pl.checkAnswers.send }).click();
      await expect(page.locator(".govuk-panel__title")).toHaveText(pl.confirmation.title);
      const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
      const stored = (await storedSubmissions()).find((s) => s.reference === reference);
      expect(stored?.language).toBe("pl");
      expect(stored?.answers["what-happened"]).toEqual({ "what-happened": "Nikt nie oddzwonił. Zażółć gęślą jaźń." });
      // Children's complaints, the advocacy service, accessible communications (easy read), and Ola.
      const { mail, webhooks } = await deliveriesFor(reference, 4);
      const acknowledgement = mail.find((m) => m.to[0] === "ola@example.org")!;
      expect(acknowledgement.text).toContain(plEmails.acknowledgement.heading.replace("{{type}}", plComplaint.submission.yours));
      expect(acknowledgement.html).toContain('lang="pl"');
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ data: { reference, language: "pl" } });
      await context.close();
    });
  }
});
