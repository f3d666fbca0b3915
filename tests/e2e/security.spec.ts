import { Agent, request as httpRequest } from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { deliveriesFor } from "./support/deliveries";
import { withPortalDatabase } from "./support/portal-database";
import { freePort } from "../support/postgres-cluster";
import { personas, withAnswers } from "../support/personas";
import { answerAs } from "./support/answer-as";
import { choose, completeQuickComplaint, continueOn, expectHeading, formCredentials, reachWhatHappened, sessionId, storedSubmissions } from "./support/journey";
import { serverNodeFlags } from "../support/portal-command";
import { awayFromRateWindowEnd, rateWindowMinutes } from "./support/rate-window";

const pages = [
  "/", "/privacy", "/cookies", "/contact", "/accessibility-statement", "/no-such-page", "/answers-deleted", "/refused?reason=forgery&back=/",
  "/complaint", "/complaint/service", "/compliment", "/compliment/service", "/advocate", "/advocate/for-whom",
  "/other-format", "/other-format/what-you-need", "/escalate", "/escalate/reference",
];

test("every page carries the security headers, with a fresh CSP nonce each time", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path);
      const headers = response.headers();
      const csp = headers["content-security-policy"] ?? "";
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) expect(csp, path).toContain(directive);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      const html = await response.text();
      // Every inline script carries this response's nonce; there are no inline styles.
      for (const script of html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []) expect(script, path).toContain(`nonce="${nonce}"`);
      expect(html, path).not.toMatch(/<style\b|\sstyle="/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["x-powered-by"]).toBeUndefined();
    }
  }
  expect(nonces.size).toBe(pages.length * 2);
  const question = await request.get("/complaint/service");
  expect(question.headers()["cache-control"]).toContain("no-store");
});

test("the Content Security Policy blocks an injected inline script", async ({ page, consoleProblems }) => {
  await page.goto("/");
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    const violation = new Promise<boolean>((resolve) => document.addEventListener("securitypolicyviolation", () => resolve(true), { once: true }));
    document.body.append(script);
    await Promise.race([violation, new Promise((resolve) => setTimeout(resolve, 1000))]);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // The browser reports the blocked script in the console; that is what this test expects.
  expect(consoleProblems.filter((p) => p.includes("Content Security Policy"))).not.toHaveLength(0);
  consoleProblems.length = 0;
});

async function answered(request: APIRequestContext, path: string): Promise<string> {
  const html = await (await request.get(path)).text();
  return /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";
}

test("data responses, which carry a person's answers with JavaScript on, are never kept in a cache", async ({ page }) => {
  await page.goto("/complaint/service");
  await answerAs(page, personas().parent, { until: "when" });
  for (const path of ["/complaint/who-are-you.data", "/complaint/what-happened.data", "/complaint/check-answers.data", "/complaint/confirmation.data", "/progress.data", "/_root.data", "/no-such-page.data"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toContain("no-store");
  }
  const body = await (await page.request.get("/complaint/what-happened.data")).text();
  expect(body, "the data response is the one that carries the answers").toContain("The social worker did not come to the meeting.");
});

test.describe("forged posts are refused and nothing is stored", () => {
  test("no token, a wrong token, another session's token, and a cross-site post", async ({ page, browser }) => {
    await page.goto("/complaint/service");
    await choose(page, /Public health/);
    await continueOn(page);
    const request = page.request;
    const good = await answered(request, "/complaint/who-are-you");
    expect(good).not.toBe("");
    const other = await browser.newContext();
    const otherToken = await answered(other.request, "/complaint/service");
    await other.close();
    const attempts: { body: string; headers?: Record<string, string> }[] = [
      { body: "service=childrens-social-care" },
      { body: "service=childrens-social-care&csrf=wrong" },
      { body: `service=childrens-social-care&csrf=${encodeURIComponent(otherToken)}` },
      { body: `service=childrens-social-care&csrf=${encodeURIComponent(good)}`, headers: { Origin: "https://evil.example.com", "Sec-Fetch-Site": "cross-site" } },
    ];
    for (const attempt of attempts) {
      const response = await request.post("/complaint/service", { data: attempt.body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...attempt.headers }, maxRedirects: 0 });
      expect(response.status(), attempt.body).toBe(303);
      expect(response.headers().location).toMatch(/^\/refused\?reason=forgery/);
    }
    // The same from another site as Remix's data request is refused before the route (and Remix's own check, which
    // would answer 500) sees it; any other method Remix would run an action for is not answered at all.
    const crossSite = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example.com", "Sec-Fetch-Site": "cross-site" };
    const data = await request.fetch("/complaint/service.data", { method: "POST", data: `service=childrens-social-care&csrf=${encodeURIComponent(good)}`, headers: crossSite, maxRedirects: 0 });
    expect(data.status()).toBe(303);
    expect(data.headers().location).toBe(`/refused?reason=forgery&back=${encodeURIComponent("/complaint/service.data")}`);
    for (const [method, path] of [["PUT", "/complaint/service"], ["DELETE", "/complaint/check-answers"]] as const) {
      const response = await request.fetch(path, { method, data: `service=childrens-social-care&csrf=${encodeURIComponent(good)}`, headers: crossSite, maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
    }
    const refused = await request.get("/refused?reason=forgery&back=/complaint/service");
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("This page was open too long, or came from somewhere else");
    // The earlier answer is still the one saved.
    await page.goto("/complaint/service");
    await expect(page.getByLabel(/Public health/)).toBeChecked();
  });

  test("a browser that keeps no cookies is told so, not that the page came from somewhere else", async ({ baseURL }) => {
    // The page is fetched, and its form sent back from it, with the cookie it set thrown away, as such a browser does.
    const opened = await fetch(`${baseURL}/complaint/service`);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await opened.text())?.[1] ?? "";
    const post = (site: string) =>
      fetch(`${baseURL}/complaint/service`, { method: "POST", redirect: "manual", body: `csrf=${encodeURIComponent(csrf)}&service=public-health`, headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": site } });
    const fromOurPage = await post("same-origin");
    expect(fromOurPage.status).toBe(303);
    expect(fromOurPage.headers.get("location")).toBe(`/refused?reason=cookies&back=${encodeURIComponent("/complaint/service")}`);
    const page = await fetch(`${baseURL}${fromOurPage.headers.get("location")}`);
    expect(page.status).toBe(403);
    const text = await page.text();
    expect(text).toContain("Your browser is not keeping this website’s cookie");
    expect(text).toContain("Turn on cookies for this website in your browser’s settings, then start again.");
    expect(text).not.toContain("Answers you saved before are still there");
    // From another site, a post comes without the cookie too: that is a forgery, as ever.
    expect((await post("cross-site")).headers.get("location")).toMatch(/^\/refused\?reason=forgery/);
  });

  test("a body over 128 KB is refused with a clear page", async ({ page }) => {
    await page.goto("/complaint/service");
    const { csrf } = await formCredentials(page);
    const response = await page.request.post("/complaint/service", {
      data: `csrf=${encodeURIComponent(csrf)}&service=${"x".repeat(140_000)}`,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status()).toBe(413);
    const text = await response.text();
    expect(text).toContain("What you sent is too long");
    expect(text).toContain("We can only accept up to 128KB in one go");
  });

  // 14,000 Arabic letters are about 84 KB as a browser sends them: more than the server once read at all.
  const pastedArabic = "حدث هذا في اجتماع المدرسة الأسبوع الماضي ولم يستمع إلينا أحد. ".repeat(226).slice(0, 14_000);
  for (const javaScriptEnabled of [false, true]) {
    test(`an answer pasted far past its limit gets its own error and is kept to shorten, JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      try {
        await reachWhatHappened(page);
        await page.getByLabel("Tell us what happened").fill(pastedArabic);
        await page.getByRole("button", { name: "Continue" }).click();
        await expect(page.getByRole("alert").getByRole("link", { name: "What happened must be 6,000 characters or fewer" })).toBeVisible();
        await expect(page).toHaveURL(/\/complaint\/what-happened$/);
        await expect(page.getByLabel("Tell us what happened")).toHaveValue(pastedArabic);
      } finally {
        await context.close();
      }
    });
  }

  test("a body over 128 KB is answered on a connection kept open: its rest is read and dropped, never cut off with a reset", async ({ page, baseURL }) => {
    await page.goto("/complaint/service");
    const { csrf, cookie } = await formCredentials(page);
    // One connection for both requests: the second goes on it only if the first answer left it open.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status?: number; location?: string; reused: boolean }>((resolve, reject) => {
        const headers = body === undefined ? { cookie } : { cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) };
        const sent = httpRequest(`${baseURL}${path}`, { method, agent, headers }, (response) => {
          response.resume();
          response.once("end", () => resolve({ status: response.statusCode, ...(response.headers.location ? { location: response.headers.location } : {}), reused: sent.reusedSocket }));
        });
        sent.on("error", reject);
        sent.end(body);
      });
    try {
      expect(await send("POST", "/complaint/service", `csrf=${encodeURIComponent(csrf)}&service=${"x".repeat(140_000)}`)).toEqual({ status: 303, location: "/refused?reason=too-large&back=%2Fcomplaint%2Fservice", reused: false });
      expect(await send("GET", "/healthz")).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });

  test("a body over 128 KB sent with JavaScript, through Remix's own form, gets the same page", async ({ page, consoleProblems }) => {
    await reachWhatHappened(page);
    await page.getByLabel("Tell us what happened").fill("x".repeat(140_000));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/refused\?reason=too-large/);
    await expect(page.getByText("What you sent is too long")).toBeVisible();
    // The refused page's data answers 413, as it should, and the browser notes that; nothing else may go wrong.
    const expected = consoleProblems.filter((problem) => problem.includes("/refused.data?reason=too-large"));
    expect(expected.length).toBeGreaterThan(0);
    consoleProblems.splice(0, consoleProblems.length, ...consoleProblems.filter((problem) => !expected.includes(problem)));
  });

  test("a body over 128 KB sent in chunks, without a length, is refused the same way", async ({ page, baseURL }) => {
    await page.goto("/complaint/service");
    const { csrf, cookie } = await formCredentials(page);
    const answer = await new Promise<{ status?: number; location?: string }>((resolve, reject) => {
      const post = httpRequest(`${baseURL}/complaint/service`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", cookie } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, location: response.headers.location });
      });
      post.on("error", reject);
      post.write(`csrf=${encodeURIComponent(csrf)}&service=`);
      for (let i = 0; i < 18; i++) post.write("x".repeat(8_000));
      post.end();
    });
    expect(answer).toEqual({ status: 303, location: "/refused?reason=too-large&back=%2Fcomplaint%2Fservice" });
  });
});

test("the session id changes when a submission is made", async ({ page }) => {
  await completeQuickComplaint(page, "Rotation test");
  const before = await sessionId(page);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectHeading(page, /Complaint sent/);
  expect(await sessionId(page)).not.toBe(before);
});

test("viewing the confirmation again does not keep what was sent any longer", async ({ page }) => {
  await completeQuickComplaint(page, "Kept no longer");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectHeading(page, /Complaint sent/);
  const id = await sessionId(page);
  // As if most of the idle time had passed since the send: someone opening the page from the browser's history
  // must not give it another hour.
  const soon = Date.now() + 5 * 60_000;
  await withPortalDatabase((db) => db.run("UPDATE sessions SET expires_at = ? WHERE id = ?", [soon, id]));
  await page.reload();
  await expectHeading(page, /Complaint sent/);
  await expect(page.getByText("We delete this copy of your answers from this browser 60 minutes after you last use this service, to keep them private. What you sent has reached us and is not affected.")).toBeVisible();
  expect(await withPortalDatabase(async (db) => Number((await db.get<{ e: number }>("SELECT expires_at AS e FROM sessions WHERE id = ?", [id]))!.e))).toBe(soon);
});

test.describe("bots, without a CAPTCHA", () => {
  test("a filled honeypot gets an ordinary confirmation, and nothing is stored or delivered", async ({ page }) => {
    const marker = `honeypot ${Date.now()}`;
    await completeQuickComplaint(page, marker);
    await page.locator("#website").evaluate((input) => ((input as HTMLInputElement).value = "http://spam.example"));
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expectHeading(page, /Complaint sent/);
    expect((await storedSubmissions()).filter((s) => s.answers["what-happened"]?.["what-happened"] === marker)).toHaveLength(0);
  });

  test("a send faster than a person could fill the form in is not delivered", async ({ page }) => {
    const marker = `too fast ${Date.now()}`;
    await completeQuickComplaint(page, marker);
    await page.locator('input[name="started"]').evaluate((input) => ((input as HTMLInputElement).value = `${Date.now()}.forged`));
    await page.getByRole("button", { name: "Send complaint" }).click();
    await expectHeading(page, /Complaint sent/);
    expect((await storedSubmissions()).filter((s) => s.answers["what-happened"]?.["what-happened"] === marker)).toHaveLength(0);
  });

  test("the honeypot is hidden from sight, screen readers and the keyboard", async ({ page }) => {
    await completeQuickComplaint(page, "hidden honeypot");
    const trap = page.locator("#website");
    await expect(trap).toBeHidden();
    await expect(trap).toHaveAttribute("autocomplete", "off");
    await expect(trap).toHaveAttribute("tabindex", "-1");
    await expect(page.getByRole("textbox", { name: "Leave this empty" })).toHaveCount(0);
  });
});

test("posts over the rate limit get a clear page with when to try again, and keep what was typed, with JavaScript off or on", async ({ request, page, browser, consoleProblems }) => {
  const { spawn } = await import("node:child_process");
  const port = await freePort();
  const dir = process.env.E2E_DATA_DIR!;
  const portal = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: `file:${dir}/rate-limit.db`, RATE_LIMIT_POSTS: "3", RATE_LIMIT_WINDOW_MINUTES: String(rateWindowMinutes), WORKER_ENABLED: "false" },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0, { timeout: 20_000 }).toBe(200);
    // Every post below in one window of the limit: its end would start the count again.
    await awayFromRateWindowEnd(120_000);
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await request.post(`${base}/complaint/service`, { data: "service=public-health", headers: { "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
      statuses.push(response.headers().location ?? "");
    }
    expect(statuses.slice(0, 3).every((location) => location.includes("reason=forgery"))).toBe(true);
    expect(statuses.slice(3).every((location) => location.includes("reason=rate"))).toBe(true);
    const refusedPage = await request.get(`${base}${statuses[4]}`);
    expect(refusedPage.status()).toBe(429);
    expect(Number(refusedPage.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await refusedPage.text()).toContain("You have sent a lot of answers in a short time");
    // With JavaScript, the post is Remix's data request: the person still lands on the page that explains.
    await page.goto(`${base}/complaint/service`);
    await choose(page, /Public health/);
    await continueOn(page);
    await expect(page).toHaveURL(/\/refused\?reason=rate&retry=\d+&back=%2Fcomplaint%2Fservice$/);
    await expectHeading(page, "You have sent a lot of answers in a short time");
    // The refused page's data answers 429, as it should, and the browser notes that; nothing else may go wrong.
    const expected = consoleProblems.filter((problem) => problem.includes("/refused.data?reason=rate"));
    expect(expected.length).toBeGreaterThan(0);
    consoleProblems.splice(0, consoleProblems.length, ...consoleProblems.filter((problem) => !expected.includes(problem)));
    await page.getByRole("link", { name: /Go back/ }).click();
    await expect(page).toHaveURL(`${base}/complaint/service`);
    // What they chose is still chosen, kept unchecked (decision 080).
    await expect(page.getByRole("radio", { name: /Public health/ })).toBeChecked();
    await expect(page.locator(".govuk-error-summary")).toHaveCount(0);
    // Without JavaScript, the same.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${base}/complaint/service`);
      await choose(plain, /Children/);
      await continueOn(plain);
      await expect(plain).toHaveURL(/\/refused\?reason=rate&retry=\d+&back=%2Fcomplaint%2Fservice$/);
      await plain.getByRole("link", { name: /Go back/ }).click();
      await expect(plain.getByRole("radio", { name: /Children/ })).toBeChecked();
      // Past the first few refused posts of the window, nothing more is read or written for this address.
      for (let i = 0; i < 3; i++) await request.post(`${base}/complaint/service`, { data: "service=public-health", headers: { "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
      await choose(plain, /Public health/);
      await continueOn(plain);
      await expect(plain).toHaveURL(/\/refused\?reason=rate/);
      await plain.getByRole("link", { name: /Go back/ }).click();
      await expect(plain.getByRole("radio", { checked: true })).toHaveCount(0);
    } finally {
      await noScript.close();
    }
  } finally {
    portal.kill("SIGTERM");
  }
});

test("logs are structured, carry request ids, and hold none of what people typed", async ({ page }) => {
  const { readFileSync } = await import("node:fs");
  const marker = `MRK${Date.now()}`;
  // Everything typed carries the marker; none of it may reach the log.
  const persona = withAnswers(personas().teacherForChild, {
    "who-are-you": { role: "someone-else", "role-other": `${marker}-role` },
    "child-details": { "child-name": `${marker}-child`, "child-age": "7" },
    "what-happened": { "what-happened": `${marker}-story` },
    "about-to-happen": { "about-to-happen": "no" },
    "put-right": { "put-right": `${marker}-outcome` },
    "your-name": { "full-name": `${marker}-name` },
    contact: { method: "email", email: `${marker.toLowerCase()}@example.org` },
    "safe-contact": { "safe-times": `${marker}-times`, "leave-message": "no", "say-council": "no" },
  });
  await page.goto("/complaint/service");
  await answerAs(page, persona);
  await page.getByRole("button", { name: "Send complaint" }).click();
  const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
  await deliveriesFor(reference, 3);
  const lines = readFileSync(process.env.E2E_LOG_FILE!, "utf8").split("\n").filter(Boolean);
  expect(lines.join("\n").toLowerCase()).not.toContain(marker.toLowerCase());
  const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === "request");
  expect(requests.some((entry) => String(entry.route).startsWith("/:journey/check-answers") && entry.method === "POST" && typeof entry.requestId === "string" && typeof entry.status === "number")).toBe(true);
  expect(lines.some((line) => /"cookie"|session=|csrf=/i.test(line))).toBe(false);
});

test("odd methods get 405, and whatever a client sends, every log line is JSON naming only the route's pattern", async ({ baseURL }) => {
  const { readFileSync } = await import("node:fs");
  const { request: httpRequest } = await import("node:http");
  const marker = `ODD${Date.now()}`;
  // Sent raw: fetch refuses TRACE and will not send a path it cannot encode.
  const answer = (method: string, path: string) =>
    new Promise<{ status: number; location?: string; requestId: string }>((resolve, reject) => {
      const url = new URL(baseURL!);
      const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, requestId: String(res.headers["x-request-id"] ?? "") }));
      });
      req.on("error", reject);
      req.end();
    });
  const raw = async (method: string, path: string) => (await answer(method, path)).status;
  for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"]) expect(await raw(method, `/complaint/service?${marker}`), method).toBe(405);
  expect(await raw("GET", `/complaint/%E0%A4%A-${marker}`)).toBeLessThan(500);
  expect(await raw("GET", `/${marker}/%%%`)).toBeLessThan(500);
  expect(await raw("GET", `/no-such-${marker}.data`)).toBe(404);
  // A path the URL parser reads as another is refused: "/api/../complaint/service" would be exempt from the post
  // checks as an /api/ path and then answered as the complaint page; "//host/x" would be another host's.
  for (const [method, path] of [["POST", "/api/../complaint/service"], ["POST", "/api/%2e%2e/progress"], ["GET", "/api/../complaint/service"], ["POST", "//evil.example/x"], ["GET", "/\\evil.example/x"], ["GET", "//\\evil.example/x"]]) {
    expect(await raw(method!, `${path!}?${marker}`), `${method} ${path}`).toBe(400);
  }
  // A link put together with a slash too many ("//progress", which browsers do send) goes to the page it meant, on
  // this site: "//evil.example/x" to our own "/evil.example/x", never to that host.
  expect(await answer("GET", `//progress?${marker}`)).toMatchObject({ status: 301, location: `/progress?${marker}` });
  expect(await answer("GET", `//evil.example/x?${marker}`)).toMatchObject({ status: 301, location: `/evil.example/x?${marker}` });
  // Remix's "?_data=" of apps without single fetch, which ours never send: the page is the page, and nothing is
  // logged as an error (it was, for every such request, with an empty answer).
  const dataAsked: string[] = [];
  for (const [path, status] of [["/?_data=x", 200], ["/privacy?_data=routes/privacy", 200], ["/complaint/service?_data=root", 200]] as const) {
    const answered = await answer("GET", `${path}&${marker}`);
    expect(answered.status, path).toBe(status);
    dataAsked.push(answered.requestId);
  }
  expect(await raw("GET", `/assets/%E0%A4%A-${marker}.js`)).toBeLessThan(500);
  const lines = await expect
    .poll(() => readFileSync(process.env.E2E_LOG_FILE!, "utf8").split("\n").filter((line) => line.includes('"method":"TRACE"')).length, { timeout: 10_000 })
    .toBeGreaterThan(0)
    .then(() => readFileSync(process.env.E2E_LOG_FILE!, "utf8").split("\n").filter(Boolean));
  for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 120)).not.toThrow();
  const dataLines = () =>
    readFileSync(process.env.E2E_LOG_FILE!, "utf8")
      .split("\n")
      .filter((line) => dataAsked.some((id) => line.includes(id)))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
  await expect.poll(() => dataLines().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(dataAsked.length);
  expect(dataLines().filter((entry) => entry.level >= 40)).toEqual([]);
  expect(lines.join("\n")).not.toContain(marker);
  // A page or data that does not exist is the client's mistake, never an error in our log.
  const entries = lines.map((line) => JSON.parse(line) as { level: number; status?: number; msg: string });
  expect(entries.filter((entry) => entry.level >= 50 && entry.msg !== "request" && (entry.status ?? 500) < 500)).toEqual([]);
  expect(entries.filter((entry) => entry.level >= 50 && /not found/i.test(entry.msg))).toEqual([]);
});
