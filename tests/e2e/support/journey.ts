// Small steps for walking a journey the way a person does: pick, type, continue.
import { exampleCouncil } from "../../../app/config/example-council";
import { parseKeyring, Sealer } from "../../../app/services/encryption.server";
import { expect, type Page } from "@playwright/test";
import { personas, type Persona } from "../../support/personas";
import { answerAs } from "./answer-as";
import { withPortalDatabase } from "./portal-database";

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

/** The neutral site Exit this page opens. It is outside this machine, so the browser answers it itself and the test stays on loopback. */
export async function answerNeutralSite(page: Page): Promise<string> {
  const neutral = exampleCouncil.exitUrl;
  await page.route(neutral, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>" }));
  return neutral;
}

/** Presses Exit this page (the button with JavaScript, the link without) and waits until the neutral site is open, so no later step races the exit. */
export async function exitThisPage(page: Page): Promise<void> {
  const neutral = await answerNeutralSite(page);
  await page.getByRole("button", { name: /Exit this page/ }).or(page.getByRole("link", { name: /Emergency Exit this page/ })).first().click();
  await expect(page).toHaveURL(neutral);
}

export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

function sealer(): Sealer {
  const keys = process.env.E2E_DATA_KEYS;
  if (!keys) throw new Error("E2E_DATA_KEYS is not set");
  return new Sealer(parseKeyring(keys));
}

/** The durable record: what the portal stored, read straight from its database and opened with its key. */
export function storedSubmissions(): Promise<{ reference: string; answers: Record<string, Record<string, unknown>>; language: string; reply_by: string }[]> {
  return withPortalDatabase(async (db) =>
    (await db.all<{ reference: string; answers: string; language: string; reply_by: string }>("SELECT reference, answers, language, reply_by FROM submissions")).map((row) => ({
      ...row,
      answers: JSON.parse(sealer().open(row.answers)) as Record<string, Record<string, unknown>>,
    })),
  );
}

/** The id part of this browser's session cookie, so a test touches only its own session. */
export async function sessionId(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "session");
  if (!cookie) throw new Error("No session cookie");
  return cookie.value.split(".")[0] ?? "";
}

/** What a post sent outside the browser needs to pass as this page's form: the page's form token and the cookies. */
export async function formCredentials(page: Page): Promise<{ csrf: string; cookie: string }> {
  const csrf = (await page.locator('input[name="csrf"]').getAttribute("value")) ?? "";
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { csrf, cookie };
}

/**
 * As if the page about the complaint this browser's session opened with a code had been open for the idle time,
 * while the session itself went on (the person, or someone else, looked at other pages meanwhile).
 */
export async function closeViewedCase(page: Page): Promise<void> {
  const id = await sessionId(page);
  await withPortalDatabase(async (db) => {
    const row = await db.get<{ data: string }>("SELECT data FROM sessions WHERE id = ?", [id]);
    if (!row) throw new Error("No session row");
    const data = JSON.parse(sealer().open(row.data)) as { progress?: { viewing?: { until?: number } } };
    if (!data.progress?.viewing) throw new Error("The session has no case open");
    data.progress.viewing.until = Date.now() - 1;
    await db.run("UPDATE sessions SET data = ? WHERE id = ?", [sealer().seal(JSON.stringify(data)), id]);
  });
}

/** As if the idle limit had passed for this browser's session. */
export async function expireSessions(page: Page): Promise<void> {
  const id = await sessionId(page);
  await withPortalDatabase((db) => db.run("UPDATE sessions SET expires_at = 0 WHERE id = ?", [id]));
}

/** A parent complaining about public health for themselves, up to "What happened?". */
export async function reachWhatHappened(page: Page): Promise<void> {
  await page.goto("/complaint/service");
  await answerAs(page, publicHealthParent(), { until: "what-happened" });
}

/** A parent complaining about public health, wanting an email reply. */
function publicHealthParent(what = "The health visitor never came."): Persona {
  const parent = personas().parent;
  return { ...parent, answers: { ...parent.answers, service: { service: "public-health" }, "what-happened": { "what-happened": what }, contact: { method: "email", email: "parent@example.org" } } };
}

/** A short complaint from a parent, to check answers, with email contact. */
export async function completeQuickComplaint(page: Page, what = "The health visitor never came."): Promise<void> {
  await page.goto("/complaint/service");
  await answerAs(page, publicHealthParent(what));
  await expectHeading(page, "Check your answers before sending your complaint");
}
