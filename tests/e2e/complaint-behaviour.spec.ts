import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expect, test } from "./support/fixtures";
import { deliveriesFor } from "./support/deliveries";
import { withPortalDatabase } from "./support/portal-database";
import { choose, completeQuickComplaint, continueOn, expectHeading, expireSessions, sessionId, storedSubmissions, type } from "./support/journey";

interface Step {
  heading: string;
  /** Puts the page in an error state (nothing chosen, or too much typed). */
  invalid?: (page: Page) => Promise<void>;
  valid: (page: Page) => Promise<void>;
  error: string;
}

const lateDate = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 14);
  return d;
};

/** A route that reaches every complaint question: an adult, about a child, late, by post, in another language. */
const everyQuestion: Step[] = [
  { heading: "Which service is your complaint about?", error: "Select which service your complaint is about", valid: (p) => choose(p, /I’m not sure/) },
  { heading: "Who are you?", error: "Tell us who you are", invalid: (p) => choose(p, "Someone else"), valid: async (p) => { await choose(p, "Someone else"); await type(p, "Tell us who you are", "Sam’s teacher"); } },
  { heading: "Who is the complaint about?", error: "Select who the complaint is about", valid: (p) => choose(p, "A child or young person I care about") },
  { heading: "About the child or young person", error: "Enter their age as a number, like 8", invalid: async (p) => { await type(p, "Their first name", "Sam"); await type(p, "Their age", "eight"); }, valid: async (p) => { await type(p, "Their first name", "Sam"); await type(p, "Their age", "8"); } },
  { heading: "Does Sam know about this complaint and agree with it?", error: "Select if Sam knows about this complaint and agrees with it", valid: (p) => choose(p, "They are too young to say") },
  { heading: "Do you have parental responsibility for Sam?", error: "Select if you have parental responsibility", valid: (p) => choose(p, "I’m not sure") },
  { heading: "What happened?", error: "What happened must be 6,000 characters or fewer", invalid: (p) => type(p, "Tell us what happened", "x".repeat(6001)), valid: (p) => type(p, "Tell us what happened", "Sam was moved to a new school without anyone asking.") },
  { heading: "When did it happen?", error: "Enter the month it happened", invalid: (p) => type(p, "Year", "2024"), valid: async (p) => { await type(p, "Month", String(lateDate().getUTCMonth() + 1)); await type(p, "Year", String(lateDate().getUTCFullYear())); } },
  { heading: "Why are you telling us now?", error: "Tell us why you did not complain sooner", valid: (p) => type(p, "Tell us why you did not complain sooner", "I only found out last week.") },
  { heading: "What would you like to happen to put things right? (optional)", error: "Your answer must be 2,000 characters or fewer", invalid: (p) => type(p, "What would you like to happen to put things right? (optional)", "y".repeat(2001)), valid: (p) => type(p, "What would you like to happen to put things right? (optional)", "") },
  { heading: "Have you complained about this before?", error: "Select if you have complained about this before", valid: (p) => choose(p, "No") },
  { heading: "Would Sam like an advocate?", error: "Select if Sam would like an advocate", valid: (p) => choose(p, "Yes") },
  { heading: "How would you like us to reply?", error: "Enter the language you would like us to use", invalid: (p) => choose(p, "In another language"), valid: async (p) => { await choose(p, "In another language"); await type(p, "Which language?", "Urdu"); } },
  { heading: "What is your name? (optional)", error: "Your name must be 200 characters or fewer", invalid: (p) => type(p, "What is your name? (optional)", "n".repeat(201)), valid: (p) => type(p, "What is your name? (optional)", "Alex Teacher") },
  { heading: "How should we contact you?", error: "Enter a full UK postcode, like EX1 1AA", invalid: async (p) => { await choose(p, "Post"); await type(p, "Address line 1", "1 School Lane"); await type(p, "Town or city", "Exampleton"); await type(p, "Postcode", "nowhere"); }, valid: async (p) => { await choose(p, "Post"); await type(p, "Address line 1", "1 School Lane"); await type(p, "Town or city", "Exampleton"); await type(p, "Postcode", "ex1 1aa"); } },
  // Written to by post: only the envelope question (the safe-contact page, for calls and texts, is walked elsewhere).
  { heading: "Can we put the council’s name on the envelope?", error: "Select if we can put the council’s name on the envelope", valid: (p) => choose(p, "No") },
];

async function startComplaint(page: Page) {
  await page.goto("/complaint");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectHeading(page, "Which service is your complaint about?");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("every question page shows a specific error, keeps what was typed, and passes axe", async ({ page, checkA11y }) => {
      test.setTimeout(180_000);
      await startComplaint(page);
      for (const step of everyQuestion) {
        await expectHeading(page, step.heading);
        await step.invalid?.(page);
        const typed = await page.locator("input[type=text], textarea").evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value).filter(Boolean));
        await page.getByRole("button", { name: "Continue" }).click();
        const summary = page.locator(".govuk-error-summary");
        await expect(summary).toContainText("There is a problem");
        await expect(summary.getByRole("link", { name: step.error })).toBeVisible();
        await expect(page.locator("p.govuk-error-message", { hasText: step.error })).toBeVisible();
        await expect(page).toHaveTitle(/^Error: /);
        if (javaScriptEnabled) await expect(summary).toBeFocused();
        const kept = await page.locator("input[type=text], textarea").evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value).filter(Boolean));
        expect(kept, "everything typed is shown again").toEqual(typed);
        await checkA11y();
        await step.valid(page);
        await continueOn(page);
      }
      await expectHeading(page, "Check your answers before sending your complaint");
      await expect(page.getByText("Sam’s teacher")).toBeVisible();
      await expect(page.getByText("EX1 1AA")).toBeVisible();
    });
  });
}

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
    await checkA11y();
    await page.getByRole("link", { name: "Start again" }).click();
    await expectHeading(page, "Make a complaint");
  });
});

test("with JavaScript, a warning before the idle limit lets the person keep their answers", async ({ page }) => {
  await page.clock.install();
  await startComplaint(page);
  await choose(page, /Public health/);
  await continueOn(page);
  // The warning's timers start once the page has hydrated and mounted it.
  await expect(page.locator("#timeout-extended")).toBeAttached();
  await page.waitForTimeout(300);
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
  const pl = JSON.parse(readFileSync("locales/pl/complaint.json", "utf8")) as { pages: Record<string, { title: string; fields: Record<string, { label?: string; options?: Record<string, { label: string }> }> }>; checkAnswers: { send: string }; confirmation: { title: string } };
  const plEmails = JSON.parse(readFileSync("locales/pl/emails.json", "utf8")) as { acknowledgement: { heading: string; types: { complaint: string } } };
  const option = (page: string, field: string, value: string) => pl.pages[page]!.fields[field]!.options![value]!.label;
  const plCommon = JSON.parse(readFileSync("locales/pl/common.json", "utf8")) as { buttons: { continue: string }; date: { month: string; year: string } };

  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 640 } });
      const page = await context.newPage();
      const next = () => continueOn(page, plCommon.buttons.continue);
      await page.goto("/complaint?lng=pl");
      await expect(page.locator("html")).toHaveAttribute("lang", "pl");
      await page.getByRole("button", { name: plCommon.buttons.continue }).click();
      await expectHeading(page, pl.pages.service!.title);
      await choose(page, option("service", "service", "childrens-social-care"));
      await next();
      await choose(page, option("who-are-you", "role", "care-leaver"));
      await next();
      await choose(page, option("about-who", "about", "me"));
      await next();
      await type(page, pl.pages["what-happened"]!.fields["what-happened"]!.label!, "Nikt nie oddzwonił. Zażółć gęślą jaźń.");
      await next();
      await type(page, plCommon.date.month, "10");
      await type(page, plCommon.date.year, "2026");
      await next();
      await next();
      await choose(page, option("complained-before", "before", "no"));
      await next();
      await choose(page, option("advocate", "advocate", "yes"));
      await next();
      await choose(page, option("reply-format", "format", "easy-read"));
      await next();
      await type(page, pl.pages["your-name"]!.title, "Ola Nowak");
      await next();
      await choose(page, option("contact", "method", "email"));
      await type(page, pl.pages.contact!.fields.email!.label!, "ola@example.org");
      await next();
      const safe = pl.pages["safe-contact"]!.fields;
      await page.getByRole("group", { name: safe["leave-message"]!.label! }).getByLabel(safe["leave-message"]!.options!.no!.label, { exact: true }).check();
      await page.getByRole("group", { name: safe["say-council"]!.label! }).getByLabel(safe["say-council"]!.options!.no!.label, { exact: true }).check();
      await next();
      await page.getByRole("button", { name: pl.checkAnswers.send }).click();
      await expect(page.locator(".govuk-panel__title")).toHaveText(pl.confirmation.title);
      const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
      const stored = (await storedSubmissions()).find((s) => s.reference === reference);
      expect(stored?.language).toBe("pl");
      expect(stored?.answers["what-happened"]).toEqual({ "what-happened": "Nikt nie oddzwonił. Zażółć gęślą jaźń." });
      // Children's complaints, the advocacy service, accessible communications (easy read), and Ola.
      const { mail, webhooks } = await deliveriesFor(reference, 4);
      const acknowledgement = mail.find((m) => m.to[0] === "ola@example.org")!;
      expect(acknowledgement.text).toContain(plEmails.acknowledgement.heading.replace("{{type}}", plEmails.acknowledgement.types.complaint));
      expect(acknowledgement.html).toContain('lang="pl"');
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ data: { reference, language: "pl" } });
      await context.close();
    });
  }
});
