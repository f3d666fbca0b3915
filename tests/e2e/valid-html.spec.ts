// Every page, error state and email passes the W3C Nu Html Checker (issue 19): the documents exactly as the
// portal sent them (not as a browser repaired them), in English, Polish and Arabic, collected while people walk
// the journeys with JavaScript off, giving a wrong answer on every page first, and the emails those walks caused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { personas } from "../support/personas";
import { sendAnswers, startAs, walkWithWrongAnswers } from "./support/answer-as";
import { expect, test } from "./support/fixtures";

const require = createRequire(import.meta.url);
const vnuJar = require.resolve("vnu-jar/build/dist/vnu.jar");

test.use({ javaScriptEnabled: false });
test.setTimeout(240_000);

/** Every HTML document the browser is sent, as sent, by address; the promise returned waits for those still being read. */
function keepDocuments(page: Page, into: Map<string, string>): () => Promise<void> {
  const reading: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "document" || !(response.headers()["content-type"] ?? "").includes("text/html")) return;
    reading.push(
      // A document without a body to read (a redirect) is not one to check.
      response.text().then(
        (body) => {
          if (body) into.set(`${new URL(response.url()).pathname}${new URL(response.url()).search} #${into.size}`, body);
        },
        () => undefined,
      ),
    );
  });
  return async () => {
    await Promise.all(reading);
  };
}

test("pages, their error states and the emails they cause have no HTML errors, in every language", async ({ browser, baseURL, request }) => {
  const documents = new Map<string, string>();
  const tag = `vnu${Date.now().toString(36)}`;
  const people = personas({ tag });
  let confirmations = 0;
  for (const [language, persona] of [
    ["en", people.parent],
    ["ar", people.youngPerson],
    ["pl", people.thanks],
  ] as const) {
    // Each person in a browser of their own.
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    const allRead = keepDocuments(page, documents);
    await startAs(page, persona, { language, until: persona.journey === "complaint" ? "service" : undefined });
    if (persona.journey === "complaint") await walkWithWrongAnswers(page, persona, {}, { javaScriptEnabled: false, checkErrorState: async () => {} });
    await sendAnswers(page);
    // Every page read in full, the confirmation too, before the browser is closed.
    await allRead();
    expect([...documents.keys()].filter((name) => /\/confirmation /.test(name)).length, `${language}: the confirmation was kept`).toBe(++confirmations);
    await context.close();
  }
  for (const path of ["/", "/privacy", "/cookies", "/contact", "/accessibility-statement", "/no-such-page", "/answers-deleted", "/refused?reason=forgery&back=/", "/progress", "/progress?closed", "/advocate", "/other-format", "/escalate"]) {
    for (const language of ["en", "ar"]) {
      const response = await request.get(`${path}${path.includes("?") ? "&" : "?"}lng=${language}`);
      documents.set(`${path} (${language})`, await response.text());
    }
  }
  // The emails those walks caused, once the worker has sent them (it polls every second).
  const emailsSoFar = async () => ((await (await fetch(process.env.E2E_INSPECT_URL!)).json()) as { mail: { to: string[]; subject: string; html: string; text: string }[] }).mail.filter((mail) => mail.html && mail.text.includes(tag));
  await expect.poll(async () => (await emailsSoFar()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  const emails = await emailsSoFar();
  emails.forEach((mail, index) => documents.set(`email ${index}: ${mail.subject}`, mail.html));
  expect(documents.size).toBeGreaterThan(40);

  const folder = mkdtempSync(path.join(tmpdir(), "portal-vnu-"));
  const files = new Map<string, string>();
  [...documents].forEach(([name, html], index) => {
    const file = path.join(folder, `document-${index}.html`);
    writeFileSync(file, html);
    files.set(file, name);
  });
  // And one with a deliberate error, so a checker that finds nothing cannot pass.
  const broken = path.join(folder, "broken.html");
  writeFileSync(broken, [...documents.values()][0]!.replace("<main", "<li>out of a list</li><main"));
  const result = spawnSync("java", ["-jar", vnuJar, "--format", "json", ...files.keys(), broken], { encoding: "utf8", timeout: 180_000 });
  const messages = (JSON.parse(result.stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] }).messages;
  const errors = messages.filter((message) => message.type === "error").map((message) => ({ file: new URL(message.url).pathname, text: `${message.lastLine}: ${message.message}` }));
  expect(errors.filter((error) => error.file === broken).length).toBeGreaterThan(0);
  expect(errors.filter((error) => error.file !== broken).map((error) => `${files.get(error.file)}: ${error.text}`)).toEqual([]);
  // Every page ends as a document should: nothing after </html>.
  for (const [name, html] of documents) if (!name.startsWith("email")) expect(html.trimEnd().endsWith("</html>"), name).toBe(true);

  // GOV.UK markup exactly: every GOV.UK class a page uses is one GOV.UK Frontend has, with rules in the page's
  // stylesheet or in its own templates' markup (some, like govuk-template__header, have no rules). A misspelt class
  // (govuk-heading-x1, govuk-radio__item) would otherwise leave something unstyled or unscripted, unnoticed.
  const pages = [...documents].filter(([name]) => !name.startsWith("email"));
  const stylesheetHref = /<link rel="stylesheet" href="([^"]+)"/.exec(pages[0]![1])?.[1];
  expect(stylesheetHref).toBeTruthy();
  // A connection of its own: the request context's last one has been idle past the server's keep-alive wait.
  const known = govukFrontendClasses(await (await fetch(new URL(stylesheetHref!, baseURL))).text());
  // So that a check that knows every class, or none, cannot pass.
  expect(known.has("govuk-heading-x1")).toBe(false);
  for (const each of ["govuk-summary-list__row", "govuk-!-margin-bottom-0", "govuk-template__header", "govuk-js-exit-this-page-button"]) expect(known.has(each), each).toBe(true);
  const unknown = new Set<string>();
  for (const [name, html] of pages) {
    for (const [, classes] of html.matchAll(/\sclass="([^"]*)"/g)) {
      for (const each of classes!.split(/\s+/)) if (each.startsWith("govuk-") && !known.has(each)) unknown.add(`${each} (${name})`);
    }
  }
  expect([...unknown]).toEqual([]);
});

/**
 * Every class GOV.UK Frontend has: a selector in the stylesheet (unescaped: `.govuk-\!-margin-bottom-0` is
 * `govuk-!-margin-bottom-0`), or a class in the markup of its page template and its components' examples.
 */
function govukFrontendClasses(css: string): Set<string> {
  const known = new Set([...css.replace(/"[^"]*"|'[^']*'/g, "").matchAll(/\.((?:[\w-]|\\.)+)/g)].map(([, name]) => name!.replace(/\\(.)/g, "$1")));
  const dist = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk");
  const templates = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((file) => /(^|\/)template[^/]*\.(njk|html)$/.test(file));
  for (const file of templates) {
    // The words of each class attribute, without a template's own tags ({% if %}, {{ params.classes }}).
    for (const [, classes] of readFileSync(path.join(dist, file), "utf8").matchAll(/class="([^"]*)"/g)) {
      for (const each of classes!.replace(/\{([{%#])[\s\S]*?[}%#]\}/g, " ").split(/\s+/)) if (/^govuk-[\w!-]+$/.test(each)) known.add(each);
    }
  }
  return known;
}
