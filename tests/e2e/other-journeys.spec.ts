import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { computeCheckSymbol } from "../../app/reference";
import { deliveriesFor } from "./support/deliveries";
import { expect, test } from "./support/fixtures";
import { choose, continueOn, expectHeading, storedSubmissions, type } from "./support/journey";

/** On a page with a required answer: Continue with nothing, see a specific error, and pass axe in that state. */
async function expectErrorFirst(page: Page, checkA11y: () => Promise<void>, message: string) {
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-summary").getByRole("link", { name: message })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await checkA11y();
}

async function send(page: Page, button: string): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
  expect(reference).toMatch(/^[TAFE]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
  return reference;
}

function validReference(body: string): string {
  return `${body[0]}-${body.slice(1, 5)}-${body.slice(5, 9)}-${computeCheckSymbol(body)}`;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("an anonymous compliment reaches the standards team, with both permissions stored", async ({ page, checkA11y }) => {
      await page.goto("/");
      await page.getByRole("button", { name: "Say thank you" }).click();
      await expectHeading(page, "Say thank you");
      await page.getByRole("button", { name: "Continue" }).click();
      await expectHeading(page, "Which service would you like to thank?");
      await expectErrorFirst(page, checkA11y, "Select which service you would like to thank");
      await choose(page, /Children’s social care/);
      await continueOn(page);
      await type(page, "Who would you like to thank? (optional)", "H, my social worker");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Tell us what you would like to say");
      await type(page, "What would you like to tell us?", "H you are the best social worker ever. You moved me like I asked.");
      await continueOn(page);
      await expectHeading(page, "Who are you? (optional)");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Select yes if we can pass your words on");
      await choose(page, "Yes");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Select yes if we can use your words in our annual report");
      await choose(page, "No");
      await continueOn(page);
      await continueOn(page); // no name
      await choose(page, "Do not contact me");
      await continueOn(page);
      await expectHeading(page, "Check your answers before sending your thanks");
      await checkA11y();
      const reference = await send(page, "Send thanks");
      await expect(page.locator(".govuk-panel__title")).toHaveText("Thank you");
      await checkA11y();
      const stored = (await storedSubmissions()).find((s) => s.reference === reference)!;
      expect(stored.answers["pass-on"]).toEqual({ "pass-on": "yes" });
      expect(stored.answers["annual-report"]).toEqual({ "annual-report": "no" });
      expect(stored.answers["your-name"]).toEqual({ "full-name": "" });
      const { mail, webhooks } = await deliveriesFor(reference, 1);
      expect(mail[0]!.to).toEqual(["standards-team@example.org"]);
      expect(mail[0]!.subject).toBe(`Compliment · Children's social care · ${reference}`);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "compliment.submitted" });
      expect(webhooks[0]!.verified).toBe(true);
    });

    test("a carer asks for an advocate for a child, and the advocacy service and complaints team are told", async ({ page, checkA11y }) => {
      await page.goto("/advocate");
      await page.getByRole("button", { name: "Continue" }).click();
      await expectHeading(page, "Who is the advocate for?");
      await expectErrorFirst(page, checkA11y, "Select who the advocate is for");
      await choose(page, "A child or young person I care for");
      await continueOn(page);
      await expectHeading(page, "About the child or young person");
      await expectErrorFirst(page, checkA11y, "Enter a first name");
      await type(page, "Their first name", "Kai");
      await type(page, "Their age", "11");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Select if Kai knows and agrees");
      await choose(page, "Yes");
      await continueOn(page);
      await type(page, "What would Kai like help with? (optional)", "A meeting about where Kai lives.");
      await continueOn(page);
      await choose(page, "Yes");
      await continueOn(page);
      await type(page, "What is your name? (optional)", "Robin Carer");
      await continueOn(page);
      await expect(page.getByLabel("Do not contact me")).toHaveCount(0);
      await expectErrorFirst(page, checkA11y, "Select how we should contact you");
      await choose(page, "Email");
      await type(page, "Email address", "robin@example.org");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Select if we can leave a message");
      await page.getByRole("group", { name: "Can we leave a message?" }).getByLabel("Yes").check();
      await page.getByRole("group", { name: "Can we say we are from the council?" }).getByLabel("Yes").check();
      await continueOn(page);
      await checkA11y();
      const reference = await send(page, "Ask for an advocate");
      await expect(page.getByText(/An advocate will contact you by/)).toBeVisible();
      await expect(page.getByText(/An advocate from Example Advocacy Service will get in touch/)).toBeVisible();
      const { mail, webhooks } = await deliveriesFor(reference, 3);
      expect(mail.map((m) => m.to[0]).sort()).toEqual(["advocacy-referrals@example.org", "childrens-complaints@example.org", "robin@example.org"]);
      expect(mail.find((m) => m.to[0] === "advocacy-referrals@example.org")!.subject).toBe(`Advocate request · Children's social care · ${reference} · ADVOCATE · UNDER 18`);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "advocate.requested", data: { reference } });
    });

    test("someone asks for the complaints leaflet in large print by post", async ({ page, checkA11y }) => {
      await page.goto("/");
      await page.getByRole("button", { name: "Ask for another format" }).click();
      await page.getByRole("button", { name: "Continue" }).click();
      await expectErrorFirst(page, checkA11y, "Select what you need in another format");
      await choose(page, "How to complain (our leaflet)");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Select which format you need");
      await choose(page, "Large print");
      await continueOn(page);
      await choose(page, "Post");
      await type(page, "Address line 1", "2 Harbour Row");
      await type(page, "Town or city", "Exampleton");
      await type(page, "Postcode", "EX12AB");
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Enter your name");
      await type(page, "What is your name?", "Pat Reader");
      await continueOn(page);
      await expect(page.getByText("EX1 2AB")).toBeVisible();
      const reference = await send(page, "Send request");
      const { mail, webhooks } = await deliveriesFor(reference, 1);
      expect(mail[0]!.to).toEqual(["accessible-communications@example.org"]);
      expect(mail[0]!.subject).toBe(`Other format request · No service given · ${reference} · FORMAT`);
      expect(mail[0]!.text).toContain("2 Harbour Row");
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "format.requested" });
    });

    test("a mistyped escalation reference is caught by its check character, and the request reaches the team", async ({ page, checkA11y }) => {
      const good = validReference("C7K4M2Q9P");
      const swapped = `${good.slice(0, 2)}${good[3]}${good[2]}${good.slice(4)}`;
      await page.goto("/complaint/confirmation");
      await page.goto("/escalate");
      await page.getByRole("button", { name: "Continue" }).click();
      await expectHeading(page, "What is your complaint reference?");
      await expectErrorFirst(page, checkA11y, "Enter your complaint reference, or tick ‘I do not have my reference’");
      await type(page, "What is your complaint reference?", swapped);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.locator(".govuk-error-summary").getByRole("link", { name: "Check your reference: one of the letters or numbers is not right, or two are swapped" })).toBeVisible();
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(swapped);
      await checkA11y();
      await type(page, "What is your complaint reference?", good.toLowerCase().replaceAll("-", " "));
      await continueOn(page);
      await choose(page, /Public health/);
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Select which stage you are asking for");
      await choose(page, /Stage 2: an investigation/);
      await continueOn(page);
      await expectErrorFirst(page, checkA11y, "Tell us why you are still unhappy");
      await type(page, "Why are you still unhappy?", "The reply did not answer my question about the clinic.");
      await continueOn(page);
      await choose(page, "No");
      await continueOn(page);
      await continueOn(page);
      await choose(page, "Email");
      await type(page, "Email address", "escalating@example.org");
      await continueOn(page);
      await page.getByRole("group", { name: "Can we leave a message?" }).getByLabel("No").check();
      await page.getByRole("group", { name: "Can we say we are from the council?" }).getByLabel("No").check();
      await continueOn(page);
      await expect(page.getByText(good)).toBeVisible();
      const reference = await send(page, "Send request");
      await expect(page.getByText(/We will reply to your stage 2 investigation by/)).toBeVisible();
      const stored = (await storedSubmissions()).find((s) => s.reference === reference)!;
      expect(stored.answers.reference).toEqual({ reference: good, "no-reference": [] });
      const { mail, webhooks } = await deliveriesFor(reference, 2);
      const staff = mail.find((m) => m.to[0] === "public-health-complaints@example.org")!;
      expect(staff.subject).toBe(`Escalation · Public health · ${reference} · ESCALATION`);
      const acknowledgement = mail.find((m) => m.to[0] === "escalating@example.org")!;
      expect(acknowledgement.subject).toBe(`We have your request: ${reference}`);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "escalation.requested" });
    });
  });
}

test("without a reference, an escalation asks for the name and date instead", async ({ page }) => {
  await page.goto("/escalate/reference");
  await page.getByLabel("I do not have my reference").check();
  await continueOn(page);
  await expectHeading(page, "About your complaint");
  await type(page, "The name the complaint was made in", "Sam Parent");
  await type(page, "Month", "4");
  await type(page, "Year", "2026");
  await continueOn(page);
  await expectHeading(page, "Which service was your complaint about?");
});

test("a complaint about something complained about before offers the next stage", async ({ page }) => {
  await page.goto("/complaint/service");
  await choose(page, /Children’s social care/);
  await continueOn(page);
  await choose(page, "A parent");
  await continueOn(page);
  await choose(page, "Me");
  await continueOn(page);
  await type(page, "Tell us what happened", "x");
  await continueOn(page);
  await page.getByLabel("It is still happening").check();
  await continueOn(page);
  await continueOn(page);
  await expectHeading(page, "Have you complained about this before?");
  await page.getByRole("link", { name: /ask for stage 2 or stage 3/ }).click();
  await expectHeading(page, "Take your complaint to the next stage");
});

test.describe("in Polish", () => {
  const pl = JSON.parse(readFileSync("locales/pl/compliment.json", "utf8")) as { pages: Record<string, { title: string; fields: Record<string, { options?: Record<string, { label: string }> }> }>; checkAnswers: { send: string }; confirmation: { title: string } };
  const plCommon = JSON.parse(readFileSync("locales/pl/common.json", "utf8")) as { buttons: { continue: string } };
  type Labelled = { label: string; options: Record<string, { label: string }> };
  const plFields = (JSON.parse(readFileSync("locales/pl/compliment.json", "utf8")) as { pages: Record<string, { fields: Record<string, Labelled> }> }).pages;
  const plContact = plFields.contact!.fields as Record<string, Labelled>;
  const plSafe = plFields["safe-contact"]!.fields as Record<string, Labelled>;
  test("a compliment, start to finish", async ({ page }) => {
    const next = () => continueOn(page, plCommon.buttons.continue);
    await page.goto("/compliment?lng=pl");
    await page.getByRole("button", { name: plCommon.buttons.continue }).click();
    await choose(page, pl.pages.service!.fields.service!.options!["public-health"]!.label);
    await next();
    await next();
    await type(page, pl.pages.message!.title, "Dziękuję pielęgniarce szkolnej za pomoc.");
    await next();
    await next();
    await choose(page, pl.pages["pass-on"]!.fields["pass-on"]!.options!.yes!.label);
    await next();
    await choose(page, pl.pages["annual-report"]!.fields["annual-report"]!.options!.yes!.label);
    await next();
    await next();
    await choose(page, pl.pages.contact!.fields.method!.options!.email!.label);
    await page.getByLabel(plContact.email!.label, { exact: true }).fill("wdzieczna@example.org");
    await next();
    await page.getByRole("group", { name: plSafe["leave-message"]!.label }).getByLabel(plSafe["leave-message"]!.options.no!.label, { exact: true }).check();
    await page.getByRole("group", { name: plSafe["say-council"]!.label }).getByLabel(plSafe["say-council"]!.options.no!.label, { exact: true }).check();
    await next();
    await page.getByRole("button", { name: pl.checkAnswers.send }).click();
    await expect(page.locator(".govuk-panel__title")).toHaveText(pl.confirmation.title);
    const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
    expect((await storedSubmissions()).find((s) => s.reference === reference)?.language).toBe("pl");
    const { mail } = await deliveriesFor(reference, 2);
    const acknowledgement = mail.find((m) => m.to[0] === "wdzieczna@example.org")!;
    expect(acknowledgement.html).toContain('lang="pl"');
    expect(acknowledgement.subject).toContain(reference);
  });
});
