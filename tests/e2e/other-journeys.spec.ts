import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { computeCheckSymbol } from "../../app/reference";
import { deliveriesFor } from "./support/deliveries";
import { expect, test } from "./support/fixtures";
import { personas, withAnswers } from "../support/personas";
import { answerAs, fillPage, sendAnswers, startAs, walkWithWrongAnswers } from "./support/answer-as";
import { continueOn, expectHeading, storedSubmissions, type } from "./support/journey";

async function send(page: Page, button: string): Promise<string> {
  await expect(page.getByRole("button", { name: button })).toBeVisible();
  return sendAnswers(page);
}

function validReference(body: string): string {
  return `${body[0]}-${body.slice(1, 5)}-${body.slice(5, 9)}-${computeCheckSymbol(body)}`;
}


for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    // Each walks a whole journey, a wrong answer and an accessibility check on every page, then waits for the email
    // and the webhook: 30-56 s on a quiet machine of 2 cores, too near the default minute on a busy one.
    test.describe.configure({ timeout: 180_000 });

    test("an anonymous compliment reaches the standards team, with both permissions stored", async ({ page, checkA11y }) => {
      const people = personas();
      const persona = withAnswers(people.thanks, {
        service: { service: "childrens-social-care" },
        "about-whom": { "about-whom": "H, my social worker" },
        message: { message: "H you are the best social worker ever. You moved me like I asked." },
        "annual-report": { "annual-report": "no" },
      });
      await page.goto("/");
      await page.getByRole("button", { name: "Say thank you" }).click();
      await expectHeading(page, "Say thank you");
      await page.getByRole("button", { name: "Continue" }).click();
      await walkWithWrongAnswers(page, persona, {
        service: { error: "Select which service you would like to thank" },
        message: { error: "Tell us what you would like to say" },
        "pass-on": { error: "Select yes if we can pass your words on" },
        "annual-report": { error: "Select yes if we can use your words in our annual report" },
      }, { javaScriptEnabled, checkErrorState: checkA11y });
      await expectHeading(page, "Check your answers before sending your thanks");
      await checkA11y();
      const reference = await send(page, "Send thanks");
      await expect(page.locator(".govuk-panel__title")).toHaveText("Thank you");
      await checkA11y();
      const stored = (await storedSubmissions()).find((s) => s.reference === reference)!;
      expect(stored.answers["pass-on"]).toEqual({ "pass-on": "yes" });
      expect(stored.answers["annual-report"]).toEqual({ "annual-report": "no" });
      expect(stored.answers["your-name"]?.["full-name"] ?? "").toBe("");
      const { mail, webhooks } = await deliveriesFor(reference, 1);
      expect(mail[0]!.to).toEqual(["standards-team@example.org"]);
      expect(mail[0]!.subject).toBe(`Compliment · Children's social care · ${reference}`);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "compliment.submitted" });
      expect(webhooks[0]!.verified).toBe(true);
    });

    test("a carer asks for an advocate for a child, and the advocacy service and complaints team are told", async ({ page, checkA11y }) => {
      const persona = withAnswers(personas().advocateForChild, {
        "your-name": { "full-name": "Robin Carer" },
        contact: { method: "email", email: "robin@example.org" },
      });
      await page.goto("/advocate");
      await page.getByRole("button", { name: "Continue" }).click();
      await walkWithWrongAnswers(page, persona, {
        "for-whom": { error: "Select who the advocate is for" },
        "young-person": { error: "Enter a first name" },
        agrees: { error: "Select if Kai knows and agrees" },
      }, { javaScriptEnabled, checkErrorState: checkA11y, until: "contact" });
      // An advocate has to reach someone: there is no "Do not contact me" here.
      await expect(page.getByLabel("Do not contact me")).toHaveCount(0);
      await walkWithWrongAnswers(page, persona, {
        contact: { error: "Select how we should contact you" },
        "safe-contact": { error: "Select if we can leave a message" },
      }, { javaScriptEnabled, checkErrorState: checkA11y });
      await checkA11y();
      const reference = await send(page, "Ask for an advocate");
      await expect(page.getByText(/An advocate will contact you by/)).toBeVisible();
      await expect(page.getByText(/An advocate from Example Advocacy Service will get in touch/)).toBeVisible();
      const { mail, webhooks } = await deliveriesFor(reference, 3);
      expect(mail.map((m) => m.to[0]).sort()).toEqual(["advocacy-referrals@example.org", "childrens-complaints@example.org", "robin@example.org"]);
      expect(mail.find((m) => m.to[0] === "advocacy-referrals@example.org")!.subject).toBe(`Advocate request · Children's social care · ${reference} · UNDER 18`);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "advocate.requested", data: { reference } });
    });

    test("someone asks for the complaints leaflet in large print by post", async ({ page, checkA11y }) => {
      const persona = withAnswers(personas().formatByEmail, {
        delivery: { delivery: "post", "address-line-1": "2 Harbour Row", "address-town": "Exampleton", "address-postcode": "EX12AB" },
        "your-name": { "full-name": "Pat Reader" },
        "safe-post": { "say-council": "yes" },
      });
      await page.goto("/");
      await page.getByRole("button", { name: "Ask for another format" }).click();
      await page.getByRole("button", { name: "Continue" }).click();
      await walkWithWrongAnswers(page, persona, {
        "what-you-need": { error: "Select what you need in another format" },
        format: { error: "Select which format you need" },
        "your-name": { error: "Enter your name" },
      }, { javaScriptEnabled, checkErrorState: checkA11y });
      await expect(page.getByText("EX1 2AB")).toBeVisible();
      const reference = await send(page, "Send request");
      const { mail, webhooks } = await deliveriesFor(reference, 1);
      expect(mail[0]!.to).toEqual(["accessible-communications@example.org"]);
      expect(mail[0]!.subject).toBe(`Other format request · No service given · ${reference} · FORMAT`);
      expect(mail[0]!.text).toContain("2 Harbour Row");
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "other-format.requested" });
    });

    test("a mistyped escalation reference is caught by its check character, and the request reaches the team", async ({ page, checkA11y }) => {
      const good = validReference("C7K4M2Q9P");
      const swapped = `${good.slice(0, 2)}${good[3]}${good[2]}${good.slice(4)}`;
      const persona = withAnswers(personas().escalateWithReference, {
        reference: { reference: good.toLowerCase().replaceAll("-", " ") },
        service: { service: "public-health" },
        why: { why: "The reply did not answer my question about the clinic." },
        advocate: { advocate: "no" },
        "your-name": { "full-name": "" },
        contact: { method: "email", email: "escalating@example.org" },
      });
      await page.goto("/escalate");
      await page.getByRole("button", { name: "Continue" }).click();
      await expectHeading(page, "What is your complaint reference?");
      await fillPage(page, { reference: swapped });
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.locator(".govuk-error-summary").getByRole("link", { name: "Check your reference: one of the letters or numbers is not right, or two are swapped" })).toBeVisible();
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(swapped);
      await checkA11y();
      await walkWithWrongAnswers(page, persona, {
        reference: { values: { reference: "" }, error: "Enter your complaint reference, or tick ‘I do not have my reference’" },
        stage: { error: "Select which stage you are asking for" },
        why: { error: "Tell us why you are still unhappy" },
      }, { javaScriptEnabled, checkErrorState: checkA11y });
      await expect(page.getByText(good)).toBeVisible();
      const reference = await send(page, "Send request");
      await expect(page.getByText(/We aim to send you our written reply by/)).toBeVisible();
      // The request has a reference of its own; the complaint is still looked up by the complaint's.
      await expect(page.getByText(`Your complaint keeps its own reference number, ${good}: use that one, not this request's, to check where your complaint is or if you contact us about it.`)).toBeVisible();
      const stored = (await storedSubmissions()).find((s) => s.reference === reference)!;
      expect(stored.answers.reference).toEqual({ reference: good, "no-reference": [] });
      const { mail, webhooks } = await deliveriesFor(reference, 2);
      const staff = mail.find((m) => m.to[0] === "public-health-complaints@example.org")!;
      // Sent by someone who had not checked the complaint with a code: the team confirms it with the person before
      // anything is added to the case (decision 075).
      // The journey's name says it is an escalation: the subject does not say it twice.
      expect(staff.subject).toBe(`Escalation · Public health · ${reference} · NOT CHECKED`);
      expect(staff.text).toContain("NOT CHECKED: Whoever sent this knew the complaint’s reference, but had not checked the complaint with a code");
      // Public health has one stage at the council: a request to look again is answered in that stage's time.
      expect(staff.text).toMatch(/Reply by [^.]+ \(public health: 10 working days\)\./);
      const acknowledgement = mail.find((m) => m.to[0] === "escalating@example.org")!;
      expect(acknowledgement.subject).toBe("We have your request");
      expect(acknowledgement.text).toContain(reference);
      expect(acknowledgement.text).toContain(`Your complaint keeps its own reference number, ${good}: use that one`);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "escalate.requested" });
    });
  });
}

test("a request for the next stage says what happens at the stage asked for, and not at the other", async ({ page }) => {
  for (const [stage, other] of [["2", "3"], ["3", "2"]] as const) {
    await startAs(page, withAnswers(personas().escalateWithReference, { service: { service: "childrens-social-care" }, stage: { stage: `stage-${stage}` } }));
    await sendAnswers(page);
    await expect(page.getByText(new RegExp(`^For stage ${stage}, `))).toBeVisible();
    await expect(page.getByText(new RegExp(`^For stage ${other}, `))).toHaveCount(0);
    // What comes after: stage 3 after stage 2 (and by when to ask), the Ombudsman after stage 3.
    if (stage === "2") await expect(page.getByText("If you are still unhappy after that, you can ask for stage 3: a review panel of 3 independent people. Ask within 20 working days of getting our reply.")).toBeVisible();
    else await expect(page.getByText("If you are still unhappy after that, you can ask the Local Government and Social Care Ombudsman to look at your complaint.")).toBeVisible();
    await page.context().clearCookies();
  }
});

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
  await answerAs(page, personas().parent, { until: "complained-before" });
  await expectHeading(page, "Have you complained about this before?");
  await page.getByRole("link", { name: /ask for stage 2 or stage 3/ }).click();
  await expectHeading(page, "Take your complaint to the next stage");
});

test.describe("in Polish", () => {
  const pl = JSON.parse(readFileSync("locales/pl/compliment.json", "utf8")) as { checkAnswers: { send: string; title: string }; confirmation: { title: string } };
  test("a compliment, start to finish", async ({ page }) => {
    const persona = withAnswers(personas().thanksWithEmail, {
      service: { service: "public-health" },
      "about-whom": { "about-whom": "" },
      message: { message: "Dziękuję pielęgniarce szkolnej za pomoc." },
      "who-are-you": { role: "parent" },
      "annual-report": { "annual-report": "yes" },
      "your-name": { "full-name": "" },
      contact: { method: "email", email: "wdzieczna@example.org" },
    });
    await page.goto("/compliment?lng=pl");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await answerAs(page, persona);
    await expectHeading(page, pl.checkAnswers.title);
    await page.getByRole("button", { name: pl.checkAnswers.send }).click();
    await expect(page.locator(".govuk-panel__title")).toHaveText(pl.confirmation.title);
    const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
    expect((await storedSubmissions()).find((s) => s.reference === reference)?.language).toBe("pl");
    const { mail } = await deliveriesFor(reference, 2);
    const acknowledgement = mail.find((m) => m.to[0] === "wdzieczna@example.org")!;
    expect(acknowledgement.html).toContain('lang="pl"');
    expect(acknowledgement.subject).not.toContain(reference);
    expect(acknowledgement.text).toContain(reference);
  });
});
