// A child whose messages someone else reads: what they told us about contacting them safely decides what we
// send them (nothing that shows the council), what the confirmation tells them, and what staff see first.
import { expect, test } from "./support/fixtures";
import { deliveriesFor } from "./support/deliveries";
import { personas, withAnswers } from "../support/personas";
import { sendAnswers, startAs } from "./support/answer-as";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("someone who said we may not say we are from the council gets no email, is told so, and staff see it first", async ({ page, checkA11y }) => {
      const address = `young-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.org`;
      const persona = withAnswers(personas().unsafeEmail, { contact: { method: "email", email: address } });
      await startAs(page, persona);
      // All they gave is an email address, which we may not use: they are told before they send that we cannot reply.
      await expect(page.locator(".govuk-warning-text")).toContainText("email is the only way you have given us to contact you");
      const reference = await sendAnswers(page);

      // Nothing on the confirmation promises what cannot happen: no reply date, no "we will contact you", no page
      // about the complaint that needs an emailed code. It says how to get a reply.
      await expect(page.getByText("so we cannot reply to you. If you want a reply, call us on")).toBeVisible();
      await expect(page.getByText("A manager will look at your complaint, but we will not be able to tell you what they find.")).toBeVisible();
      await expect(page.getByText(/We aim to reply by/)).toHaveCount(0);
      await expect(page.getByText(/contact you to talk about it/)).toHaveCount(0);
      await expect(page.getByRole("link", { name: "check where your complaint is" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "ask for the next stage" })).toHaveCount(0);
      // The confirmation says plainly that we have not emailed them, and asks them to keep the reference now.
      const banner = page.locator(".govuk-notification-banner, .govuk-warning-text, .govuk-inset-text").filter({ hasText: "We have not emailed you" });
      await expect(banner).toBeVisible();
      // Only the number: a screenshot or a printout could be found by the person they told us about, and would show
      // what they wrote. So no print button, and the answers stay folded if the page is printed all the same.
      await expect(page.getByText("Write down your reference number now and keep it somewhere only you can find it.")).toBeVisible();
      await expect(page.getByRole("button", { name: /Print/ })).toHaveCount(0);
      await page.emulateMedia({ media: "print" });
      await expect(page.getByText("My foster carer reads my emails.")).toBeHidden();
      await page.emulateMedia({ media: "screen" });
      // "Not sure" about an advocate: the advocacy service is not asked, and they are not told it was.
      await expect(page.getByText(/You asked for an advocate/)).toHaveCount(0);
      await checkA11y();

      // Staff are told (and the advocacy service is not asked: "not sure"); nothing goes to the person.
      const { mail, webhooks } = await deliveriesFor(reference, 1);
      expect(mail.map((m) => m.to[0])).toEqual(["childrens-complaints@example.org"]);
      expect(mail.some((m) => m.to.includes(address))).toBe(false);
      const staff = mail[0]!;
      expect(staff.subject.startsWith(`SAFE CONTACT · Complaint · Children's social care · ${reference}`)).toBe(true);
      // The safety box comes before everything else in the email, the answers included.
      const text = staff.text;
      expect(text.indexOf("Do not say you are from the council.")).toBeGreaterThan(-1);
      // They were told we cannot reply: staff are told so too, in the same box.
      expect(text.indexOf("so they were told we cannot reply. Do not email them.")).toBeGreaterThan(-1);
      expect(text.indexOf("so they were told we cannot reply.")).toBeLessThan(text.indexOf("Their answers, in the order they gave them"));
      expect(text.indexOf("Do not say you are from the council.")).toBeLessThan(text.indexOf("Their answers, in the order they gave them"));
      expect(text.indexOf("Do not say you are from the council.")).toBeLessThan(text.indexOf("My foster carer reads my emails."));
      expect(JSON.parse(webhooks[0]!.body)).toMatchObject({ data: { reference, flags: expect.arrayContaining(["safe-contact"]) } });
    });
  });
}

test("someone who gave a mobile number and said we may not say we are from the council is not told about an email they never expected", async ({ page }) => {
  const persona = withAnswers(personas().unsafeEmail, { contact: { method: "text", mobile: "07700 900982" } });
  await startAs(page, persona);
  // A number can still be used carefully (a call at a safe time): no warning that we cannot reply.
  await expect(page.locator(".govuk-warning-text").filter({ hasText: "the only way you have given us to contact you" })).toHaveCount(0);
  const reference = await sendAnswers(page);
  await expect(page.getByText(reference).first()).toBeVisible();
  await expect(page.getByText("We have not emailed you")).toHaveCount(0);
  await expect(page.getByText(/we have not sent you an email/)).toHaveCount(0);
  const { mail } = await deliveriesFor(reference, 1);
  expect(mail.map((m) => m.to[0])).toEqual(["childrens-complaints@example.org"]);
});

test("someone who said we may leave messages and say who we are gets their acknowledgement as before", async ({ page }) => {
  const address = `parent-${Date.now()}@example.org`;
  const persona = withAnswers(personas().parent, { contact: { method: "email", email: address } });
  await startAs(page, persona);
  const reference = await sendAnswers(page);
  await expect(page.getByText("We have not emailed you")).toHaveCount(0);
  await expect(page.getByText(/We aim to reply by/)).toBeVisible();
  await expect(page.getByRole("link", { name: "check where your complaint is" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ask for the next stage" })).toBeVisible();
  const { mail } = await deliveriesFor(reference, 2);
  expect(mail.map((m) => m.to[0]).sort()).toEqual([address, "childrens-complaints@example.org"].sort());
  expect(mail.find((m) => m.to[0] === "childrens-complaints@example.org")!.subject.startsWith("SAFE CONTACT")).toBe(false);
});

test("a child about to be moved asks us to wait: URGENT leads, the duty manager is told, and they are told when we will call", async ({ page }) => {
  const address = `moving-${Date.now()}@example.org`;
  const persona = withAnswers(personas().urgentMove, { contact: { method: "email", email: address } });
  await startAs(page, persona);
  const reference = await sendAnswers(page);
  await expect(page.getByText(/Because you told us something is about to happen, someone will contact you by/)).toBeVisible();
  // The team, the advocacy service, the duty manager, and the young person.
  const { mail, webhooks } = await deliveriesFor(reference, 4);
  expect(mail.map((m) => m.to[0]).sort()).toEqual([address, "advocacy-referrals@example.org", "childrens-complaints@example.org", "duty-manager@example.org"].sort());
  const duty = mail.find((m) => m.to[0] === "duty-manager@example.org")!;
  expect(duty.subject.startsWith(`URGENT · Complaint · Children's social care · ${reference}`)).toBe(true);
  expect(duty.text).toContain("They are moving me to a new foster home.");
  const payload = JSON.parse(webhooks[0]!.body) as { data: { urgent: boolean; urgentBy: string | null; flags: string[] } };
  expect(payload.data.urgent).toBe(true);
  expect(payload.data.urgentBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(payload.data.flags[0]).toBe("urgent");
});
