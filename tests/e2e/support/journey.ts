// Small steps for walking a journey the way a person does: pick, type, continue.
import Database from "better-sqlite3";
import { parseKeyring, Sealer } from "../../../app/services/encryption.server";
import { expect, type Page } from "@playwright/test";

export async function choose(page: Page, label: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: typeof label === "string" }).check();
}

export async function type(page: Page, label: string | RegExp, text: string): Promise<void> {
  await page.getByLabel(label, { exact: typeof label === "string" }).fill(text);
}

/** Presses the button and waits for the next page, so no step acts on the page being left. */
export async function continueOn(page: Page, button = "Continue"): Promise<void> {
  const before = page.url();
  await page.getByRole("button", { name: button }).click();
  await expect(page).not.toHaveURL(before);
}

export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

function sealer(): Sealer {
  const keys = process.env.E2E_DATA_KEYS;
  if (!keys) throw new Error("E2E_DATA_KEYS is not set");
  return new Sealer(parseKeyring(keys));
}

/** The durable record: what the portal stored, read straight from its SQLite file and opened with its key. */
export function storedSubmissions(): { reference: string; answers: Record<string, Record<string, unknown>>; language: string; reply_by: string }[] {
  const file = process.env.E2E_DATABASE;
  if (!file) throw new Error("E2E_DATABASE is not set");
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT reference, answers, language, reply_by FROM submissions").all() as { reference: string; answers: string; language: string; reply_by: string }[]).map(
      (row) => ({ ...row, answers: JSON.parse(sealer().open(row.answers)) as Record<string, Record<string, unknown>> }),
    );
  } finally {
    db.close();
  }
}

/** The id part of this browser's session cookie, so a test touches only its own session. */
export async function sessionId(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "session");
  if (!cookie) throw new Error("No session cookie");
  return cookie.value.split(".")[0] ?? "";
}

/** As if the idle limit had passed for this browser's session. */
export async function expireSessions(page: Page): Promise<void> {
  const file = process.env.E2E_DATABASE;
  if (!file) throw new Error("E2E_DATABASE is not set");
  const db = new Database(file);
  try {
    db.prepare("UPDATE sessions SET expires_at = 0 WHERE id = ?").run(await sessionId(page));
  } finally {
    db.close();
  }
}

/** A short complaint from a parent, to check answers, with email contact. */
export async function completeQuickComplaint(page: Page, what = "The health visitor never came.") {
  await page.goto("/complaint/service");
  await choose(page, /Public health/);
  await continueOn(page);
  await choose(page, "A parent");
  await continueOn(page);
  await choose(page, "Me");
  await continueOn(page);
  await type(page, "What happened?", what);
  await continueOn(page);
  await page.getByLabel("It is still happening").check();
  await continueOn(page);
  await continueOn(page);
  await choose(page, "No");
  await continueOn(page);
  await choose(page, "No");
  await continueOn(page);
  await choose(page, "A standard letter or email");
  await continueOn(page);
  await continueOn(page);
  await choose(page, "Email");
  await type(page, "Email address", "parent@example.org");
  await continueOn(page);
  await page.getByRole("group", { name: "Can we leave a message?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: "Can we say we are from the council?" }).getByLabel("Yes").check();
  await continueOn(page);
  await expectHeading(page, "Check your answers before sending your complaint");
}
