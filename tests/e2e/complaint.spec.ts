import { expect, test } from "./support/fixtures";
import { deliveriesFor } from "./support/deliveries";
import type { Page } from "@playwright/test";
import { personas, withAnswers } from "../support/personas";
import { answerAs } from "./support/answer-as";
import { expectHeading, storedSubmissions } from "./support/journey";

const story = "My social worker cancelled our meetings 3 times 😞\nNobody told me why.";


async function startComplaint(page: Page, javaScriptEnabled: boolean) {
  await page.goto("/complaint");
  await expectHeading(page, "Make a complaint");
  await expect(page.getByText("Select the ‘Exit this page’ button at the top of the page.")).toBeVisible();
  // The keyboard shortcut only where the script that makes it work runs.
  await expect(page.getByText("press the Shift key 3 times")).toBeVisible({ visible: javaScriptEnabled });
  await page.getByRole("button", { name: "Continue" }).click();
}

function referenceOn(text: string | null): string {
  const match = /C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/.exec(text ?? "");
  if (!match) throw new Error(`No reference in ${text}`);
  return match[0];
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a 14-year-old complains for themselves, wants an advocate, and is texted", async ({ page, checkA11y }) => {
      const persona = withAnswers(personas().youngPerson, { "what-happened": { "what-happened": story } });
      await startComplaint(page, javaScriptEnabled);
      await expectHeading(page, "Which service is your complaint about?");
      await checkA11y();
      await answerAs(page, persona, { until: "what-happened" });
      await expectHeading(page, "What happened?");
      // What to do if a child is in danger comes before the box for the complaint, not after it.
      const danger = page.getByText("If a child is in danger now, call 999.");
      await expect(danger).toBeVisible();
      expect((await danger.boundingBox())!.y).toBeLessThan((await page.getByLabel("Tell us what happened").boundingBox())!.y);
      await answerAs(page, persona, { until: "advocate" });
      await expectHeading(page, "Help from an advocate");
      await expect(page.getByRole("group", { name: "Would you like an advocate?" })).toBeVisible();
      await expect(page.getByText("An advocate is someone who is on your side")).toBeVisible();
      await answerAs(page, persona, { until: "safe-contact" });
      await expectHeading(page, "Is it safe for us to contact you?");
      await answerAs(page, persona);
      await expectHeading(page, "Check your answers before sending your complaint");
      await expect(page.getByText("07700 900982")).toBeVisible();
      // They asked to be texted, and said messages are not safe: told before they send that we will call instead.
      await expect(page.locator(".govuk-warning-text")).toContainText("we will not send you text messages. We will call you instead.");
      await checkA11y();
      await page.getByRole("button", { name: "Send complaint" }).click();

      await expect(page.locator(".govuk-panel__title")).toHaveText("Complaint sent");
      const reference = referenceOn(await page.locator(".govuk-panel__body").textContent());
      await expect(page.getByText(/We aim to reply by/)).toBeVisible();
      // They asked for an advocate: told that the advocacy service has been told, not only that they could call it.
      await expect(page.getByText("You asked for an advocate. We have told Example Advocacy Service, and they will get in touch with you in the way you told us is safe.")).toBeVisible();
      // In the sentence below the panel, the reference stays on one line, never split at a hyphen.
      const inSentence = page.locator("p.govuk-body .app-reference");
      await expect(inSentence).toHaveText(reference);
      const box = (await inSentence.boundingBox())!;
      expect(box.height).toBeLessThan(40);
      await checkA11y();
      const stored = (await storedSubmissions()).find((s) => s.reference === reference);
      expect(stored?.answers["what-happened"]?.["what-happened"]).toBe(story);
      expect(stored?.answers.advocate).toEqual({ advocate: "yes" });
      expect(stored?.answers.contact).toEqual({ method: "text", mobile: "07700 900982" });
      expect(stored?.answers["safe-contact"]).toMatchObject({ "leave-message": "no", "say-council": "no" });
      expect(stored?.answers["child-details"]).toBeUndefined();

      // The team and the advocacy service are told; a signed webhook reaches the case system.
      const { mail, webhooks } = await deliveriesFor(reference, 2);
      expect(mail.map((m) => m.to[0]).sort()).toEqual(["advocacy-referrals@example.org", "childrens-complaints@example.org"]);
      // They said we may not say we are from the council: no message to them, and staff see that first.
      expect(mail[0]!.subject).toBe(`SAFE CONTACT · Complaint · Children's social care · ${reference} · ADVOCATE · UNDER 18`);
      expect(mail[0]!.text).toContain("Nobody told me why.");
      expect(mail[0]!.text).toContain("07700 900982");
      expect(webhooks[0]!.verified).toBe(true);
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ type: "complaint.submitted", data: { reference, language: "en" } });
    });

    test("a grandparent complains for a grandchild about something 14 months ago", async ({ page }) => {
      const persona = withAnswers(personas().grandparent, { "your-name": { "full-name": "Margaret O’Brien" }, contact: { method: "email", email: "margaret@example.org" } });
      await startComplaint(page, javaScriptEnabled);
      await answerAs(page, persona, { until: "child-agrees" });
      await expectHeading(page, "Does Sam know about this complaint and agree with it?");
      await answerAs(page, persona, { until: "parental-responsibility" });
      await expectHeading(page, "Do you have parental responsibility for Sam?");
      await answerAs(page, persona, { until: "why-now" });
      await expectHeading(page, "Why are you telling us now?");
      await expect(page.getByText("We can still look at it if")).toBeVisible();
      await answerAs(page, persona, { until: "advocate" });
      await expectHeading(page, "Help from an advocate");
      // The question is asked once, about the child, below what an advocate is.
      await expect(page.getByRole("group", { name: "Would Sam like an advocate?" })).toBeVisible();
      await answerAs(page, persona);
      await expectHeading(page, "Check your answers before sending your complaint");
      await expect(page.getByText("I was in hospital for a long time.")).toBeVisible();
      await page.getByRole("button", { name: "Send complaint" }).click();
      const reference = referenceOn(await page.locator(".govuk-panel__body").textContent());
      const stored = (await storedSubmissions()).find((s) => s.reference === reference);
      expect(stored?.answers["why-now"]).toEqual({ "why-now": "I was in hospital for a long time." });
      expect(stored?.answers["reply-format"]).toMatchObject({ format: "large-print" });
      expect(stored?.answers["child-details"]).toEqual({ "child-name": "Sam", "child-age": "9" });

      const { mail } = await deliveriesFor(reference, 3);
      expect(mail.map((m) => m.to[0]).sort()).toEqual(["accessible-communications@example.org", "childrens-complaints@example.org", "margaret@example.org"]);
      const acknowledgement = mail.find((m) => m.to[0] === "margaret@example.org")!;
      // The reference is inside, not in the subject, which shows on a locked phone and in a list of emails.
      expect(acknowledgement.subject).toBe("We have your complaint");
      expect(acknowledgement.text).toContain(reference);
      expect(acknowledgement.text).toContain("We aim to reply by");
      const staff = mail.find((m) => m.to[0] === "childrens-complaints@example.org")!;
      expect(staff.subject).toContain("· FORMAT · LATE");
      expect(staff.subject).not.toContain("Margaret");
    });

    test("someone who gives no contact details is warned, and the complaint is still accepted", async ({ page }) => {
      const persona = personas().anonymousPublicHealth;
      await startComplaint(page, javaScriptEnabled);
      await answerAs(page, persona, { until: "contact" });
      await expect(page.getByText("If you choose ‘Do not contact me’, we cannot reply to you.")).toBeVisible();
      await answerAs(page, persona);
      await expectHeading(page, "Check your answers before sending your complaint");
      await expect(page.getByText("You have not given us a way to contact you, so we cannot reply to you.")).toBeVisible();
      await page.getByRole("button", { name: "Send complaint" }).click();
      await expect(page.locator(".govuk-panel__title")).toHaveText("Complaint sent");
    });
  });
}
