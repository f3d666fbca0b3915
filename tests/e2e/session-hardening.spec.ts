// Issue 20, items 5 to 7, over plain HTTP against the portal: the id a session had before a send opens nothing;
// reading pages without a cookie stores nothing; the bot checks' start time belongs to one run of one journey, and a
// send judged to be a bot's looks, from outside, exactly like a person's.
import { journeyById } from "../../app/journeys/journeys";
import { answerJourney } from "../support/answer-journey";
import { londonToday, personas } from "../support/personas";
import { expect, test } from "./support/fixtures";
import { storedSubmissions } from "./support/journey";
import { withPortalDatabase } from "./support/portal-database";

const form = { "content-type": "application/x-www-form-urlencoded" };

/** A browser without JavaScript: one cookie jar, the last page's hidden fields. */
class Visitor {
  cookie = "";
  hidden: [string, string][] = [];
  constructor(private readonly base: string) {}

  async get(path: string, { keepCookie = false } = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, { redirect: "manual", headers: { cookie: this.cookie } });
    if (!keepCookie) this.take(response);
    if (response.status === 200 && (response.headers.get("content-type") ?? "").includes("text/html")) {
      const html = await response.clone().text();
      this.hidden = [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map(([tag]) => [/name="([^"]+)"/.exec(tag)?.[1] ?? "", (/value="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&amp;", "&")]);
    }
    return response;
  }

  async post(path: string, fields: Record<string, string | string[]> = {}, hidden = this.hidden): Promise<Response> {
    const body = new URLSearchParams(hidden);
    for (const [name, value] of Object.entries(fields)) {
      body.delete(name);
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    const response = await fetch(`${this.base}${path}`, { method: "POST", redirect: "manual", body, headers: { ...form, cookie: this.cookie } });
    this.take(response);
    return response;
  }

  private take(response: Response): void {
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
  }
}

/** Answers as a parent complaining (tagged, so their words are theirs alone) up to check answers; returns what they wrote happened. */
async function toCheckAnswers(visitor: Visitor, tag: string): Promise<string> {
  const persona = personas({ tag: tag.replace(/[^a-z0-9]/gi, "") }).parent;
  const { answers } = answerJourney(journeyById("complaint")!, persona, londonToday());
  let path = `/complaint/${journeyById("complaint")!.firstPage}`;
  for (let step = 0; step < 40 && !path.endsWith("/check-answers"); step++) {
    const page = await visitor.get(path);
    if (page.status === 302 || page.status === 303) {
      path = page.headers.get("location")!;
      continue;
    }
    const slug = path.split("?")[0]!.split("/").pop()!;
    const posted = await visitor.post(path, answers[slug] ?? {});
    expect(posted.status, `${path} took its answers`).toBe(303);
    const next = posted.headers.get("location")!;
    expect(next, `${path} took its answers`).not.toBe(path);
    path = next;
  }
  expect(path).toMatch(/\/check-answers$/);
  expect((await visitor.get(path)).status).toBe(200);
  return String(answers["what-happened"]?.["what-happened"]);
}

const sessionRows = () => withPortalDatabase(async (db) => Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM sessions"))!.n));

test("the id a session had before a send opens nothing: not the confirmation, not its data, not a new cookie", async ({ baseURL }) => {
  const person = new Visitor(baseURL!);
  const what = await toCheckAnswers(person, `oldid${Date.now()}`);
  const oldCookie = person.cookie;
  const oldForm = person.hidden;
  // Wait as long as a person reading check answers would, so the send is not taken for a bot's.
  await expect.poll(() => Date.now() - Number(oldForm.find(([name]) => name === "started")![1].split(".")[0]), { timeout: 10_000 }).toBeGreaterThan(2_000);
  const sent = await person.post("/complaint/check-answers");
  expect(sent.status).toBe(303);
  expect(person.cookie).not.toBe(oldCookie);
  const confirmation = await (await person.get("/complaint/confirmation")).text();
  const reference = /<strong>(?:<span[^>]*>)?([A-Z0-9-]{6,})</.exec(confirmation)?.[1];
  expect(reference).toBeTruthy();

  // Whoever holds the old cookie, at once (well inside the two minutes other tabs get), sees none of it.
  const holder = new Visitor(baseURL!);
  holder.cookie = oldCookie;
  for (const path of ["/complaint/confirmation", "/complaint/confirmation.data", "/complaint/check-answers", "/complaint/check-answers.data", "/complaint/what-happened"]) {
    const response = await holder.get(path, { keepCookie: true });
    const body = await response.text();
    expect(body, path).not.toContain(reference!);
    expect(body, path).not.toContain(what);
    // No cookie that would open the new session, and none that would replace it in the person's own browser.
    expect(response.headers.get("set-cookie"), path).toBeNull();
  }
  // A post with the old cookie and no form made for it is refused, and changes nothing.
  const forged = await holder.post("/complaint/check-answers", {}, []);
  expect(forged.headers.get("location")).toContain("/refused");
  // Another tab's form, made for the old id before the send, still lands on the same confirmation, once.
  const otherTab = new Visitor(baseURL!);
  otherTab.cookie = oldCookie;
  const again = await otherTab.post("/complaint/check-answers", {}, oldForm);
  expect(again.status).toBe(303);
  expect(again.headers.get("location")).toBe("/complaint/confirmation");
  expect(await (await otherTab.get("/complaint/confirmation")).text()).toContain(reference!);
  expect((await storedSubmissions()).filter((s) => s.answers["what-happened"]?.["what-happened"] === what)).toHaveLength(1);
});

test("reading question pages without a cookie, or with one given for reading, stores no session", async ({ baseURL }) => {
  const before = await sessionRows();
  const paths = ["/complaint/service", "/compliment/service", "/advocate/for-whom", "/other-format/what-you-need", "/escalate/reference", "/complaint/who-are-you", "/progress"];
  // 350 cookieless visits, as a crawler or an attack sends them, each given a cookie it never sends back.
  await Promise.all(
    Array.from({ length: 5 }, async (_, lane) => {
      for (let i = 0; i < 70; i++) {
        const response = await fetch(`${baseURL}${paths[(lane + i) % paths.length]}`, { redirect: "manual" });
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
      }
    }),
  );
  // One visitor who keeps the cookie and reads on: still nothing stored, and the cookie is not replaced each time.
  const reader = new Visitor(baseURL!);
  await reader.get("/complaint/service");
  const given = reader.cookie;
  expect(given).toMatch(/^session=/);
  for (const path of paths) expect((await reader.get(path)).headers.get("set-cookie"), path).toBeNull();
  // Other tests run beside this one and store their own sessions: this test's 357 reads may add none. Everything
  // else running at once stores far fewer than that.
  expect((await sessionRows()) - before).toBeLessThan(50);
  // Its first answer stores the session, under the id its form was made for: the form's token still passes.
  const answered = await reader.post("/complaint/service", { service: "public-health" });
  expect(answered.status).toBe(303);
  expect(answered.headers.get("location")).toBe("/complaint/who-are-you");
  expect(reader.cookie.split(".")[0]).toBe(given.split(".")[0]);
  expect(await withPortalDatabase(async (db) => (await db.get("SELECT id FROM sessions WHERE id = ?", [given.split("=")[1]!.split(".")[0]!])) !== undefined)).toBe(true);
});

test("a start time from another run is a bot's, and a bot's send gets exactly what a person's gets", async ({ baseURL }) => {
  // A genuine run, whose signed start time a bot keeps.
  const first = new Visitor(baseURL!);
  await toCheckAnswers(first, `firstrun${Date.now()}`);
  const keptStart = first.hidden.find(([name]) => name === "started")![1];

  // Later, the bot's own run, sent at once with the old (long past, genuinely signed) start time.
  const bot = new Visitor(baseURL!);
  const botWhat = await toCheckAnswers(bot, `replayed${Date.now()}`);
  const botCookie = bot.cookie;
  const botSend = await bot.post("/complaint/check-answers", { started: keptStart });

  // A person's send of the same, after a person's pause.
  const person = new Visitor(baseURL!);
  const personWhat = await toCheckAnswers(person, `person${Date.now()}`);
  const personCookie = person.cookie;
  const started = Number(person.hidden.find(([name]) => name === "started")![1].split(".")[0]);
  await expect.poll(() => Date.now() - started, { timeout: 10_000 }).toBeGreaterThan(2_000);
  const personSend = await person.post("/complaint/check-answers");

  // The same status, the same place, the same headers (names and cookie attributes), a new cookie for both.
  const shape = (response: Response) => ({
    status: response.status,
    location: response.headers.get("location"),
    headers: [...response.headers.keys()].filter((name) => !["date", "content-security-policy", "x-request-id", "content-length"].includes(name)).sort(),
    cookie: response.headers.get("set-cookie")?.replace(/=[^;]+/, "=…"),
  });
  expect(shape(botSend)).toEqual(shape(personSend));
  expect(bot.cookie).not.toBe(botCookie);
  expect(person.cookie).not.toBe(personCookie);
  // Both confirmation pages are the same page apart from the reference, their own words and the per-response tokens.
  const page = async (visitor: Visitor) =>
    (await (await visitor.get("/complaint/confirmation")).text())
      .replace(/[A-Z]-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/g, "REF")
      // Each one's own words (their tag) are shown back to them in their answers.
      .replace(/(replayed|person)\d+/g, "TAG")
      .replace(/nonce="[^"]+"/g, "")
      .replace(/name="csrf" value="[^"]+"/g, "")
      .replace(/\\"csrf\\",\\"[^"\\]+\\"/g, "")
      .replace(/\\"requestId\\",\\"[^"\\]+\\"/g, "");
  expect(await page(bot)).toBe(await page(person));

  // Only the person's complaint was stored.
  const stored = await storedSubmissions();
  expect(stored.filter((s) => s.answers["what-happened"]?.["what-happened"] === botWhat)).toHaveLength(0);
  expect(stored.filter((s) => s.answers["what-happened"]?.["what-happened"] === personWhat)).toHaveLength(1);
});
