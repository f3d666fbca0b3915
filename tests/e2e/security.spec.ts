import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { choose, completeQuickComplaint, continueOn, expectHeading, sessionId } from "./support/journey";

const pages = ["/", "/privacy", "/cookies", "/contact", "/accessibility-statement", "/complaint", "/complaint/service", "/no-such-page"];

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
    const refused = await request.get("/refused?reason=forgery&back=/complaint/service");
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("This page was open too long, or came from somewhere else");
    // The earlier answer is still the one saved.
    await page.goto("/complaint/service");
    await expect(page.getByLabel(/Public health/)).toBeChecked();
  });

  test("a body over 64 KB is refused with a clear page", async ({ page }) => {
    await page.goto("/complaint/service");
    const csrf = (await page.locator('input[name="csrf"]').getAttribute("value")) ?? "";
    const response = await page.request.post("/complaint/service", {
      data: `csrf=${encodeURIComponent(csrf)}&service=${"x".repeat(70_000)}`,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("What you sent is too long");
  });
});

test("the session id changes when a submission is made", async ({ page }) => {
  await completeQuickComplaint(page, "Rotation test");
  const before = await sessionId(page);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expectHeading(page, /Complaint sent/);
  expect(await sessionId(page)).not.toBe(before);
});
