import { request as httpRequest } from "node:http";
// Pages served from memory (server/page-cache.ts) must be exactly the page Remix would render for that person:
// their own CSRF token, this response's nonce, their own answers, errors and language, and never a stale copy.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { withPortalDatabase } from "./support/portal-database";

const form = { "content-type": "application/x-www-form-urlencoded" };

function csrfIn(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no csrf field on the page");
  return token;
}

function nonceOf(response: APIResponse): string {
  return /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";
}

/** The page with this response's own nonce and token taken out, to compare two responses. */
async function pageWithoutTokens(response: APIResponse): Promise<string> {
  const html = await response.text();
  return html.replaceAll(nonceOf(response), "NONCE").replaceAll(csrfIn(html), "CSRF");
}

/** A person who has answered the first question of a complaint, in their own cookie jar. */
async function personPartWay(playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } }, baseURL: string | undefined, headers: Record<string, string> = {}) {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  const csrf = csrfIn(await (await context.get("/complaint/service")).text());
  const posted = await context.post("/complaint/service", { headers: form, data: `csrf=${csrf}&service=public-health`, maxRedirects: 0 });
  expect(posted.status()).toBe(303);
  return context;
}

/** The values of the radios shown as chosen. */
function chosen(html: string): string[] {
  return [...html.matchAll(/<input[^>]*type="radio"[^>]*>/g)].filter(([input]) => / checked=""/.test(input)).map(([input]) => /value="([^"]*)"/.exec(input)?.[1] ?? "");
}

async function sessionIdOf(context: APIRequestContext): Promise<string> {
  const cookie = (await context.storageState()).cookies.find((c) => c.name === "session");
  return cookie!.value.split(".")[0]!;
}

test("a page read again is the same page with a new token and nonce; someone with the same answers never gets that copy", async ({ playwright, baseURL }) => {
  const first = await personPartWay(playwright, baseURL);
  const second = await personPartWay(playwright, baseURL);
  const rendered = await first.get("/complaint/who-are-you");
  const again = await first.get("/complaint/who-are-you");
  const someoneElse = await second.get("/complaint/who-are-you");
  const someoneElseAgain = await second.get("/complaint/who-are-you");
  expect(again.headers()["x-page-cache"]).toBe("hit");
  // Served from someone else's copy, the page would come back faster, and the speed would say that someone had
  // given these answers: each session has its own copies.
  expect(someoneElse.headers()["x-page-cache"]).toBeUndefined();
  expect(someoneElseAgain.headers()["x-page-cache"]).toBe("hit");

  expect(await pageWithoutTokens(again)).toBe(await pageWithoutTokens(rendered));
  expect(await pageWithoutTokens(someoneElse)).toBe(await pageWithoutTokens(rendered));
  expect(chosen(await rendered.text())).toEqual([]);
  const responses = [rendered, again, someoneElse, someoneElseAgain];
  const nonces = responses.map(nonceOf);
  expect(new Set(nonces).size).toBe(4);
  for (const [i, response] of responses.entries()) expect(await response.text()).toContain(`nonce="${nonces[i]}"`);
  expect(again.headers()["cache-control"]).toContain("no-store");
  expect(again.headers()["content-type"]).toContain("text/html");

  // Each copy carries its reader's own token, and a post with it goes through.
  const firstToken = csrfIn(await rendered.text());
  const secondToken = csrfIn(await someoneElseAgain.text());
  expect(secondToken).not.toBe(firstToken);
  const sent = await second.post("/complaint/who-are-you", { headers: form, data: `csrf=${secondToken}&role=parent`, maxRedirects: 0 });
  expect(sent.status()).toBe(303);
  expect(sent.headers().location).not.toContain("/refused");
  await first.dispose();
  await second.dispose();
});

test("their own answers, a failed post's errors and their language are never someone else's copy", async ({ playwright, baseURL }) => {
  const person = await personPartWay(playwright, baseURL);
  const token = csrfIn(await (await person.get("/complaint/who-are-you")).text());
  await person.post("/complaint/who-are-you", { headers: form, data: `csrf=${token}&role=grandparent-or-relative`, maxRedirects: 0 });
  const answered = await (await person.get("/complaint/who-are-you")).text();
  expect(chosen(answered)).toEqual(["grandparent-or-relative"]);

  // A post with nothing chosen comes back with the error, once, and then the page as it was.
  await person.post("/complaint/who-are-you", { headers: form, data: `csrf=${token}`, maxRedirects: 0 });
  const withError = await person.get("/complaint/who-are-you");
  expect(withError.headers()["x-page-cache"]).toBeUndefined();
  expect(await withError.text()).toContain("govuk-error-summary");
  const afterwards = await person.get("/complaint/who-are-you");
  expect(await afterwards.text()).not.toContain("govuk-error-summary");
  expect(chosen(await afterwards.text())).toEqual(["grandparent-or-relative"]);

  // Someone reading in Polish with the same answers gets the Polish page.
  const polish = await personPartWay(playwright, baseURL, { cookie: "lng=pl" });
  const polishPage = await (await polish.get("/complaint/who-are-you")).text();
  expect(polishPage).toContain('lang="pl"');
  expect(polishPage).not.toContain("Who are you?");
  await person.dispose();
  await polish.dispose();
});

test("a page served from memory keeps the session alive, and an ended session is never served one", async ({ playwright, baseURL }) => {
  const person = await personPartWay(playwright, baseURL);
  await person.get("/complaint/who-are-you");
  const id = await sessionIdOf(person);
  const deadline = () => withPortalDatabase(async (db) => Number((await db.get<{ expires_at: number }>("SELECT expires_at FROM sessions WHERE id = ?", [id]))!.expires_at));

  // Near its idle limit, a view from memory still pushes the deadline on.
  await withPortalDatabase((db) => db.run("UPDATE sessions SET expires_at = ? WHERE id = ?", [Date.now() + 5_000, id]));
  const view = await person.get("/complaint/who-are-you");
  expect(view.headers()["x-page-cache"]).toBe("hit");
  expect(await deadline()).toBeGreaterThan(Date.now() + 30 * 60_000);

  // Past it, the person is told their answers were deleted, not shown the page.
  await withPortalDatabase((db) => db.run("UPDATE sessions SET expires_at = 0 WHERE id = ?", [id]));
  const ended = await person.get("/complaint/who-are-you", { maxRedirects: 0 });
  expect(ended.status()).toBe(302);
  expect(ended.headers().location).toContain("/answers-deleted");
  await person.dispose();
});

test("a request whose Host or target could make Remix render another page is refused, so no copy is kept under the wrong address", async ({ baseURL }) => {
  const statusOf = (path: string, host: string) =>
    new Promise<number | undefined>((resolve, reject) => {
      const url = new URL(baseURL!);
      const sent = httpRequest({ host: url.hostname, port: url.port, path, headers: { host } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      sent.on("error", reject);
      sent.end();
    });
  const host = new URL(baseURL!).host;
  expect(await statusOf("/complaint/service", "x/complaint/other?change=1#")).toBe(400);
  expect(await statusOf("/complaint/service", "x#")).toBe(400);
  // Sent on to this site's own "/evil.example/complaint/service" (decision 087): a redirect, nothing rendered or kept.
  expect(await statusOf("//evil.example/complaint/service", host)).toBe(301);
  expect(await statusOf("/complaint/service", host)).toBe(200);
});

test("a public page read again comes from memory (server/front-door.ts) as the page and headers it was rendered with, in the reader's language", async ({ playwright, baseURL }) => {
  /** What two answers for the same page and language must share: all but the nonce, request id, date and length. */
  const sameness = async (response: APIResponse) => {
    const nonce = nonceOf(response);
    const { date: _date, "x-request-id": _id, "content-length": _length, "transfer-encoding": _chunked, "x-page-cache": _hit, ...headers } = response.headers();
    headers["content-security-policy"] = headers["content-security-policy"]!.replaceAll(nonce, "NONCE");
    return { status: response.status(), headers, page: (await response.text()).replaceAll(nonce, "NONCE") };
  };
  for (const [path, language, words] of [["/", "en", "Make a complaint"], ["/privacy", "pl", 'lang="pl"'], ["/complaint", "ar", 'dir="rtl"']] as const) {
    for (const encoding of ["identity", "gzip, deflate, br"]) {
      const reader = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "accept-language": language, "accept-encoding": encoding } });
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await reader.get(path));
      // Served at the front door (server/front-door.ts), before Express, at least the third time.
      expect(answers.at(-1)!.headers()["x-page-cache"], `${path} ${encoding}`).toBe("front-door");
      const first = await sameness(answers[0]!);
      expect(first.page).toContain(words);
      for (const answer of answers.slice(1)) expect(await sameness(answer), `${path} ${encoding}`).toEqual(first);
      // Each with its own nonce, in its CSP and in its scripts.
      expect(new Set(answers.map(nonceOf)).size).toBe(3);
      for (const answer of answers) expect(await answer.text()).toContain(`nonce="${nonceOf(answer)}"`);
      await reader.dispose();
    }
  }
});
