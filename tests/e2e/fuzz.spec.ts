// Hostile and random form posts to every question page of every registered journey and to each final send: none
// may cause a 5xx, and a person's journey afterwards still stores exactly what they typed.
import fc from "fast-check";
import { allFields } from "../../app/journeys/journey-engine";
import { registeredJourneys } from "../../app/journeys/journeys";
import { expect, test } from "./support/fixtures";
import { completeQuickComplaint, formCredentials, storedSubmissions } from "./support/journey";

const runsPerPage = Number(process.env.FUZZ_RUNS ?? 300);

// In order, in one worker: the second test checks what the fuzzing might have broken, so it must come after.
test.describe.configure({ mode: "serial" });

const fieldNames = [...new Set(registeredJourneys.flatMap((journey) => journey.pages).flatMap((page) => allFields(page.fields).flatMap((f) => (f.kind === "date" ? [`${f.name}-day`, `${f.name}-month`, `${f.name}-year`] : [f.name]))))];

const hostileValue = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("\r\nBcc: x@example.com", "<script>alert(1)</script>", "'; DROP TABLE submissions; --", "\u0000\u0007\u001b", "%E0%A4%A", "{{childName}}", "__proto__", "constructor", "-1", "99999999999999999999", "2024-02-30"),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(500)),
  fc.constantFrom("yes", "no", "me", "a-child", "email", "post", "none", "childrens-social-care", "public-health"),
);

const fieldName = fc.oneof(fc.constantFrom(...fieldNames, "csrf", "started", "website"), fc.string({ maxLength: 30 }));

const body = fc.record({
  pairs: fc.array(fc.tuple(fieldName, hostileValue), { maxLength: 25 }),
  garbage: fc.option(fc.constantFrom("%", "%%%", "&&&==&", "a=%ZZ", "\u0000"), { nil: undefined }),
  contentType: fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data", "application/json", "text/plain", "", "application/x-www-form-urlencoded; charset=latin1"),
});

test("no random or hostile post to any journey's question pages or final send causes a 5xx", async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  await completeQuickComplaint(page, "fuzz baseline");
  const { csrf, cookie } = await formCredentials(page);
  const targets = registeredJourneys.flatMap((journey) => [...journey.pages.map((p) => `/${journey.id}/${p.id}`), `/${journey.id}/check-answers`]);
  const failures: string[] = [];
  for (const target of targets) {
    await fc.assert(
      fc.asyncProperty(body, async ({ pairs, garbage, contentType }) => {
        const withToken: [string, string][] = [["csrf", csrf], ...pairs];
        const encoded = withToken.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&") + (garbage ?? "");
        const response = await fetch(`${baseURL}${target}`, {
          method: "POST",
          redirect: "manual",
          headers: { cookie, ...(contentType ? { "content-type": contentType } : {}) },
          body: encoded,
        });
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${target} ${response.status} ${encoded.slice(0, 120)}`);
        return response.status < 500;
      }),
      { numRuns: runsPerPage, seed: Number(process.env.FUZZ_SEED ?? 20261126) },
    );
  }
  expect(failures).toEqual([]);
});

test("after the fuzzing, a person's complaint stores exactly what they typed", async ({ page }) => {
  const typed = `Exactly this, with “quotes”, emoji 🧒 and Polish: zażółć\nand a second line`;
  await completeQuickComplaint(page, typed);
  await page.getByRole("button", { name: "Send complaint" }).click();
  const reference = (await page.locator(".govuk-panel__body strong").textContent()) ?? "";
  const stored = (await storedSubmissions()).find((s) => s.reference === reference);
  expect(stored?.answers["what-happened"]).toEqual({ "what-happened": typed });
});
