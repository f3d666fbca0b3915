// What the test SMTP server and webhook receiver have received, polled until the worker has delivered.
import { expect } from "@playwright/test";
import type { CaughtMail } from "../../support/mail-catcher";
import type { ReceivedWebhook } from "../../support/webhook-receiver";

interface Deliveries {
  mail: Omit<CaughtMail, "raw" | "headers">[];
  webhooks: ReceivedWebhook[];
}

async function current(): Promise<Deliveries> {
  const url = process.env.E2E_INSPECT_URL;
  if (!url) throw new Error("E2E_INSPECT_URL is not set");
  return (await (await fetch(url)).json()) as Deliveries;
}

/** Waits until everything sent for `reference` has arrived: `emails` messages and one webhook. */
export async function deliveriesFor(reference: string, emails: number): Promise<Deliveries> {
  let found: Deliveries = { mail: [], webhooks: [] };
  await expect
    .poll(
      async () => {
        const all = await current();
        found = {
          mail: all.mail.filter((m) => m.subject.includes(reference) || m.text.includes(reference)),
          webhooks: all.webhooks.filter((w) => w.body.includes(reference)),
        };
        return { mail: found.mail.length, webhooks: found.webhooks.length };
      },
      { timeout: 20_000 },
    )
    .toEqual({ mail: emails, webhooks: 1 });
  return found;
}
