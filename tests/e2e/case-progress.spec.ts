// Case progress through the real interfaces (issue 14): a complaint sent through the portal, the case system's
// signed events over HTTP (and the replayed, stale, wrongly signed and out-of-order ones refused, changing nothing),
// staff typing an event with `npm run case`, and the person checking their complaint in Chromium with the code from
// the real SMTP server, with JavaScript on and off, at 320 px, axe on every page; then asking for stage 2.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { refusedCaseEvents } from "../../app/cases/case-events-api.server";
import { formatLongDate } from "../../app/format-date";
import { journeyById } from "../../app/journeys/journeys";
import { addWorkingDays } from "../../app/working-days";
import { formatReference } from "../../app/reference";
import { answerJourney } from "../support/answer-journey";
import { HttpJourney } from "../support/journey-over-http";
import { earlierComplaintReference, londonToday, personas, type Persona } from "../support/personas";
import { caseCommand, expectProblem, postCaseEvent } from "./support/case-system";
import { expect, expectNoHorizontalScroll, test } from "./support/fixtures";
import { answerAs, sendAnswers } from "./support/answer-as";
import { deliveriesFor } from "./support/deliveries";
import { closeViewedCase, continueOn, expectHeading, expireSessions, sessionId } from "./support/journey";
import { e2eCaseEventsSecret } from "./support/global-setup";
import { startOwnPortal, type OwnPortal } from "./support/own-portal";
import { withPortalDatabase } from "./support/portal-database";
import { withLondonDayLeft } from "./support/london-day";

const run = promisify(execFile);

// Reply-by dates are worked out here from today and read on the portal's pages and in its emails.
withLondonDayLeft();

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

async function mailTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(process.env.E2E_INSPECT_URL!);
  return ((await response.json()) as { mail: CaughtMail[] }).mail.filter((m) => m.to.includes(address));
}

/** Sends the persona's complaint through the portal's pages, as a browser without JavaScript does. */
async function sendComplaint(baseURL: string, persona: Persona): Promise<string> {
  const { answers } = answerJourney(journeyById(persona.journey)!, persona, londonToday());
  // The portal's bot check (BOT_MIN_SECONDS, 1.5 s by default) quietly drops a faster send: take 2 s, as a person would.
  return new HttpJourney([baseURL]).send(persona.journey, answers, { minimumMs: 2_000 });
}

function emailOf(persona: Persona): string {
  return String(persona.answers.contact?.email);
}

/** The stored state of a case, as `npm run case -- show` prints it for staff. */
async function shown(reference: string): Promise<string> {
  const result = await caseCommand("show", reference);
  expect(result.code, result.stderr).toBe(0);
  // The command's own log lines (JSON, with the time) are not part of what it shows.
  return result.stdout
    .split("\n")
    .filter((line) => !line.startsWith("{"))
    .join("\n");
}

/** The code emailed for `address`: waits for the (n+1)th code email there. */
async function codeSentTo(address: string, before: number): Promise<string> {
  let code = "";
  await expect
    .poll(
      async () => {
        // The code is only inside the email: its subject shows on a locked phone.
        const codes = (await mailTo(address)).filter((m) => m.subject === "Your code");
        code = /Your code is (\d{6})\./.exec(codes[before]?.text ?? "")?.[1] ?? "";
        return code.length;
      },
      { timeout: 20_000 },
    )
    .toBe(6);
  return code;
}

/** From the start page, where the link to Check your complaint is, to the code page. */
async function askForCode(page: Page, reference: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: "Check where your complaint is" }).click();
  await expectHeading(page, "Check your complaint");
  await page.getByLabel("What is your reference number?", { exact: false }).fill(reference);
  await continueOn(page);
  await expectHeading(page, "Enter the code we sent you");
}

/**
 * The case as if everything in it had happened `weeks` weeks earlier: every date in its opening, its events and its
 * state moved back together (whole weeks keep each on its weekday). Events cannot be dated before the case was
 * received, and the portal's clock is the real one: this is how a test gets a reply that was sent long ago.
 */
async function movedBack(reference: string, weeks: number): Promise<void> {
  const back = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => new Date(Date.parse(`${day}T00:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10));
  await withPortalDatabase(async (db) => {
    const row = await db.get<{ id: string; opening: string; state: string; due_on: string | null; acknowledgement_due_on: string | null; closed_on: string | null }>(
      "SELECT id, opening, state, due_on, acknowledgement_due_on, closed_on FROM cases WHERE reference = ?",
      [reference],
    );
    if (!row) throw new Error(`no case ${reference}`);
    const moved = (day: string | null) => (day === null ? null : back(day));
    await db.run("UPDATE cases SET opening = ?, state = ?, due_on = ?, acknowledgement_due_on = ?, closed_on = ? WHERE id = ?", [back(row.opening), back(row.state), moved(row.due_on), moved(row.acknowledgement_due_on), moved(row.closed_on), row.id]);
    for (const event of await db.all<{ id: string; event: string }>("SELECT id, event FROM case_events WHERE case_id = ?", [row.id])) {
      await db.run("UPDATE case_events SET event = ? WHERE id = ?", [back(event.event), event.id]);
    }
  });
}

async function expectStatusRow(page: Page, key: string, value: string | RegExp): Promise<void> {
  const row = page.locator(".govuk-summary-list__row").filter({ has: page.locator(".govuk-summary-list__key", { hasText: key }) });
  await expect(row.locator(".govuk-summary-list__value")).toHaveText(value);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`checking a complaint with JavaScript ${javaScriptEnabled ? "on" : "off"}, at 320 px`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } });

    test("the case system's events move the case on, refused ones change nothing, and the person sees each stage and asks for stage 2", async ({ page, baseURL, checkA11y }) => {
      // Some forty steps, each a page, an event or an accessibility check: half a minute on a quiet machine, and past
      // the minute every test is allowed on a busy one (seen once with a build running beside it).
      test.slow();
      const tag = `cp${javaScriptEnabled ? "js" : "nojs"}${Date.now().toString(36)}`;
      const person = personas({ tag }).parent;
      const reference = await sendComplaint(baseURL!, person);
      const today = londonToday();
      const date = (iso: string) => formatLongDate(iso, "en");

      // The case system acknowledges it.
      const acknowledged = await postCaseEvent(baseURL!, { reference, type: "acknowledged" });
      expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
      expect(acknowledged.body).toMatchObject({ status: "applied", stage: 1, acknowledgedOn: today });
      const stage1Due = String(acknowledged.body.replyDueOn);
      const before = await shown(reference);
      expect(before).toContain(`acknowledged: ${today}`);

      // Refused, each changing nothing: a stale event, a wrong signature, an event out of order, an unknown reference.
      const stale = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "upheld" }, { at: Math.floor(Date.now() / 1000) - 6 * 60 });
      expectProblem(stale, 401);
      const wrongKey = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "upheld" }, { secret: `whsec_${Buffer.alloc(32, 1).toString("base64")}` });
      expectProblem(wrongKey, 401);
      // A 401 says nothing about which part failed.
      expect(Object.keys(wrongKey.body).sort()).toEqual(Object.keys(stale.body).sort());
      const outOfOrder = await postCaseEvent(baseURL!, { reference, type: "stage-started", stage: 3 });
      expectProblem(outOfOrder, 409);
      const pastLimit = await postCaseEvent(baseURL!, { reference, type: "extended", dueDate: "2099-01-01", reason: "complex" });
      expect([409, 422]).toContain(pastLimit.status);
      expect(pastLimit.contentType).toContain("application/problem+json");
      expectProblem(await postCaseEvent(baseURL!, { reference: earlierComplaintReference, type: "acknowledged" }), 404);
      expect(await shown(reference)).toBe(before);

      // The person asks for a code, reads it from the email, and sees stage 1 with its date.
      await askForCode(page, reference);
      await checkA11y();
      await expectNoHorizontalScroll(page);
      const code = await codeSentTo(emailOf(person), 0);
      const codeMail = (await mailTo(emailOf(person))).find((m) => m.subject === "Your code" && m.text.includes(code))!;
      // The code email says nothing about the complaint.
      expect(codeMail.text).not.toContain(reference);
      expect(codeMail.text).not.toContain("social worker");
      await page.getByLabel("Code", { exact: true }).fill(code);
      await continueOn(page);
      await expect(page).toHaveURL(/\/progress\/status$/);
      await expectHeading(page, "Your complaint");
      await expectStatusRow(page, "Reference number", reference);
      await expectStatusRow(page, "Where it is now", "Stage 1: a manager is looking at your complaint");
      await expectStatusRow(page, "When we will reply", `By ${date(stage1Due)}`);
      // Never what they wrote, nor their name.
      await expect(page.locator("main")).not.toContainText("social worker");
      await expect(page.locator("main")).not.toContainText("Pat Parent");
      await checkA11y();
      await expectNoHorizontalScroll(page);

      // Stage 1's reply, then a replay of the same webhook-id: applied once.
      const replyId = `msg_reply_${tag}`;
      const replied = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "partly-upheld" }, { id: replyId });
      expect(replied.body).toMatchObject({ status: "applied" });
      const afterReply = await shown(reference);
      const replay = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "partly-upheld" }, { id: replyId });
      expect(replay.body).toMatchObject({ status: "duplicate" });
      // A replay of the same id with another body is not applied either.
      const forged = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "upheld" }, { id: replyId });
      expect(forged.body).toMatchObject({ status: "duplicate" });
      expect(await shown(reference)).toBe(afterReply);

      await page.reload();
      await expectStatusRow(page, "Where it is now", "Stage 1: we have replied");
      await expectStatusRow(page, "Our reply", `We replied on ${date(today)}`);
      await expect(page.getByText(/you can ask for an investigation \(stage 2\)\. Ask by /)).toBeVisible();
      await checkA11y();
      await expectNoHorizontalScroll(page);

      // From the status page, into the escalation journey with the reference filled in.
      // The link is marked as this page's, and the mark is taken off the address at once (it is never kept in the
      // browser's history, so a later reload or Back is an ordinary visit).
      await expect(page.getByRole("button", { name: "Ask for stage 2" })).toHaveAttribute("href", "/escalate/reference?from=progress");
      await page.getByRole("button", { name: "Ask for stage 2" }).click();
      // Filled in from the session: a reference in the address would stay in the browser's history.
      await expect(page).toHaveURL(/\/escalate\/reference$/);
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(reference);
      await checkA11y();
      // Read again: the copy kept for this session fills in the same case.
      await page.reload();
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(reference);

      // Stage 2 typed by staff with `npm run case`, then shown to the person.
      const typed = await caseCommand("event", reference, "stage-started", "2");
      expect(typed.code, typed.stderr).toBe(0);
      expect(typed.stdout).toContain("stage 2: started");
      // The same rules hold for staff: stage 3 before stage 2's reply is refused, with a one-line reason.
      const refused = await caseCommand("event", reference, "stage-started", "3");
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/^Not recorded: /);
      await page.goto("/progress/status");
      await expectStatusRow(page, "Where it is now", "Stage 2: someone who does not work in that team is looking into your complaint");
      await expect(page.getByRole("button", { name: "Ask for stage 2" })).toHaveCount(0);
      await checkA11y();
      await expectNoHorizontalScroll(page);

      // More time for stage 2, and an advocate arranged: both shown in plain words.
      const extendedTo = addWorkingDays(today, 40);
      expect((await postCaseEvent(baseURL!, { reference, type: "extended", dueDate: extendedTo, reason: "complex" })).body).toMatchObject({ status: "applied", replyDueOn: extendedTo });
      expect((await postCaseEvent(baseURL!, { reference, type: "advocate-assigned" })).body).toMatchObject({ status: "applied" });
      await page.reload();
      await expectStatusRow(page, "When we will reply", `By ${date(extendedTo)}. This is later than we first said, as we needed more time or agreed a later date with you.`);
      await expectStatusRow(page, "Advocate", "An advocate has been arranged for you");
      await checkA11y();
      // Looking again, or going back to the code page or the start, does not keep the page open for longer (decision
      // 056): as if 50 of the idle limit's 60 minutes had passed, the deadline stays where it was.
      const id = await sessionId(page);
      const nearDeadline = Date.now() + 10 * 60_000;
      await withPortalDatabase((db) => db.run("UPDATE sessions SET expires_at = ? WHERE id = ?", [nearDeadline, id]));
      for (const path of ["/progress/status", "/progress/code", "/progress"]) expect((await page.request.get(path)).status(), path).toBe(200);
      const deadline = await withPortalDatabase((db) => db.get<{ expires_at: number | string }>("SELECT expires_at FROM sessions WHERE id = ?", [id]));
      expect(Number(deadline?.expires_at)).toBe(nearDeadline);

      // Every accepted event went on to the webhook receiver as case.updated, in order, signed; refused ones did not.
      await expect
        .poll(
          async () => {
            const { webhooks } = (await (await fetch(process.env.E2E_INSPECT_URL!)).json()) as { webhooks: { json: unknown; verified: boolean }[] };
            return webhooks
              .filter((w) => w.verified)
              .map((w) => w.json as { type: string; data?: { reference?: string; event?: { type: string; sequence: number } } })
              .filter((w) => w.type === "case.updated" && w.data?.reference === reference)
              .sort((a, b) => a.data!.event!.sequence - b.data!.event!.sequence)
              .map((w) => w.data!.event!.type);
          },
          { timeout: 20_000 },
        )
        .toEqual(["acknowledged", "replied", "stage-started", "extended", "advocate-assigned"]);
      // The acknowledgement told the person where to check.
      expect((await mailTo(emailOf(person))).some((m) => m.text.includes("/progress"))).toBe(true);

      // Once the session asks about another reference, the next-stage page no longer fills in this case, even
      // where a copy of it was kept for the session.
      await page.goto("/escalate/reference");
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(reference);
      await askForCode(page, earlierComplaintReference);
      await page.goto("/escalate/reference");
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue("");

      // After the idle time, the page has closed: the person is told so, and that the complaint is not affected, not
      // that their answers were deleted.
      await expireSessions(page);
      const expired = await page.context().cookies();
      // The same link to ask for stage 2, followed from the old tab now: the journey starts afresh, since nothing was
      // typed into it there, and nobody is told their answers were deleted.
      await page.goto("/escalate/reference?from=progress");
      await expect(page).toHaveURL(/\/escalate\/reference$/);
      await expect(page.getByLabel("What is your complaint reference?")).toHaveValue("");
      // Without the link's mark, a journey page after the idle time still says what happened to any answers.
      await page.context().addCookies(expired);
      await page.goto("/escalate/reference");
      await expect(page).toHaveURL(/\/answers-deleted\?from=escalate$/);
      await page.context().addCookies(expired);
      await page.goto("/progress/status");
      await expect(page).toHaveURL(/\/progress\?closed$/);
      await expect(page.getByText("For your privacy, we closed the page about your complaint. Your complaint is not affected.")).toBeVisible();
      await expectHeading(page, "Check your complaint");
      await checkA11y();
    });
  });
}

test.describe("a complaint at stage 3, at 360 px without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });

  test("the person sees when the review panel will meet, then that it met and the reply's date from the meeting; staff see the same", async ({ page, baseURL, checkA11y }) => {
    const person = personas({ tag: `panel${Date.now().toString(36)}` }).parent;
    const reference = await sendComplaint(baseURL!, person);
    const today = londonToday();
    const date = (iso: string) => formatLongDate(iso, "en");
    for (const event of [
      { type: "replied", stage: 1, outcome: "not-upheld" },
      { type: "stage-started", stage: 2 },
      { type: "replied", stage: 2, outcome: "not-upheld" },
      { type: "stage-started", stage: 3 },
    ]) {
      const posted = await postCaseEvent(baseURL!, { reference, ...event });
      expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    }
    const panelBy = addWorkingDays(today, 30);
    expect(await shown(reference)).toContain(`review panel to meet by ${panelBy};`);
    await askForCode(page, reference);
    await page.getByLabel("Code", { exact: true }).fill(await codeSentTo(emailOf(person), 0));
    await continueOn(page);
    await expectStatusRow(page, "Where it is now", "Stage 3: a review panel of 3 independent people is looking at your complaint");
    await expectStatusRow(page, "Review panel", `It will meet by ${date(panelBy)}`);
    await expectStatusRow(page, "When we will reply", `By ${date(addWorkingDays(today, 50))}`);
    await checkA11y();
    await expectNoHorizontalScroll(page);

    // Staff record the meeting: the reply is then due 20 working days after it.
    const held = await caseCommand("event", reference, "panel-held");
    expect(held.code, held.stderr).toBe(0);
    expect(held.stdout).toContain(`review panel met ${today};`);
    const again = await caseCommand("event", reference, "panel-held");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/^Not recorded: The panel has met/);
    await page.reload();
    await expectStatusRow(page, "Review panel", `It met on ${date(today)}. You and the director will get its report, and the director will then reply to you.`);
    await expectStatusRow(page, "When we will reply", `By ${date(addWorkingDays(today, 20))}`);
    await checkA11y();

    // Asking about the complaint from here, its service is chosen already: a wrong one would send it to another team.
    await page.goto("/escalate/reference?from=progress");
    await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(reference);
    await continueOn(page);
    await expectHeading(page, "Which service was your complaint about?");
    await expect(page.getByLabel("Children’s social care")).toBeChecked();
    await checkA11y();
    // Given another reference, nothing is chosen for them; given theirs as they might type it, it is.
    await page.goto("/escalate/reference");
    await page.getByLabel("What is your complaint reference?").fill(earlierComplaintReference);
    await continueOn(page);
    await expectHeading(page, "Which service was your complaint about?");
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
    await page.goto("/escalate/reference");
    await page.getByLabel("What is your complaint reference?").fill(reference.toLowerCase().replaceAll("-", " "));
    await continueOn(page);
    await expect(page.getByLabel("Children’s social care")).toBeChecked();
    // At stage 3 there is no next stage at the council to choose for them.
    await continueOn(page);
    await expectHeading(page, "Which stage are you asking for?");
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  });

  test("after stage 1's reply, the next-stage form chooses the case's service and stage 2 for them to check", async ({ page, baseURL, checkA11y }) => {
    const person = personas({ tag: `next${Date.now().toString(36)}` }).parent;
    const reference = await sendComplaint(baseURL!, person);
    expect((await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "not-upheld" })).status).toBe(200);
    await askForCode(page, reference);
    await page.getByLabel("Code", { exact: true }).fill(await codeSentTo(emailOf(person), 0));
    await continueOn(page);
    await page.getByRole("button", { name: "Ask for stage 2" }).click();
    await expect(page.getByLabel("What is your complaint reference?")).toHaveValue(reference);
    await continueOn(page);
    await expect(page.getByLabel("Children’s social care")).toBeChecked();
    await continueOn(page);
    await expectHeading(page, "Which stage are you asking for?");
    await expect(page.getByLabel("Stage 2: an investigation")).toBeChecked();
    await checkA11y();
    // They can still choose the other.
    await page.getByLabel("Stage 3: a review panel").check();
    await continueOn(page);
    await page.goBack();
    await expect(page.getByLabel("Stage 3: a review panel")).toBeChecked();
    await continueOn(page);
    // Sent from the session that checked the case with its code: added to the case, and their page says so
    // (decision 075). The team is not asked to check it. Stages go in order: it is recorded as a request for stage
    // 2, and the confirmation tells them of stage 2 and its reply date, not of the panel they picked.
    const asking = personas({ tag: `next${Date.now().toString(36)}` }).escalateWithReference;
    await answerAs(page, { ...asking, answers: { ...asking.answers, reference: { reference }, stage: { stage: "stage-3" }, advocate: { advocate: "no" } } });
    const request = await sendAnswers(page);
    await expect(page.getByText(`We aim to send you our written reply by ${formatLongDate(addWorkingDays(londonToday(), 25), "en")}.`)).toBeVisible();
    await expect(page.getByText("For stage 2, an investigating officer")).toBeVisible();
    await expect(page.getByText("For stage 3, we will contact you to arrange the review panel")).toHaveCount(0);
    await page.goto("/progress/status");
    await expect(page.getByText(`You asked for stage 2 on ${formatLongDate(londonToday(), "en")}. We will tell you when it starts.`)).toBeVisible();
    const { mail } = await deliveriesFor(request, 2);
    expect(mail.find((m) => m.to[0] === "childrens-complaints@example.org")?.subject).not.toContain("NOT CHECKED");
  });
});

// The council decides whether to take a request made after the time to ask: the person is promised that decision, by
// the time a complaint is acknowledged in, not the stage's reply (decision 090), on the page, in the email and on the
// page about their complaint.
test("a request for stage 2 made after the time to ask is promised the council's decision on it, not stage 2's reply", async ({ page, baseURL, checkA11y }) => {
  const person = personas({ tag: `lateask${Date.now().toString(36)}` }).parent;
  const reference = await sendComplaint(baseURL!, person);
  expect((await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "not-upheld" })).status).toBe(200);
  await movedBack(reference, 13);
  await askForCode(page, reference);
  await page.getByLabel("Code", { exact: true }).fill(await codeSentTo(emailOf(person), 0));
  await continueOn(page);
  await expect(page.getByText(/The usual time to ask for stage 2 ended on .+\. You can still ask for stage 2: tell us why it took longer\./)).toBeVisible();
  await page.getByRole("link", { name: "ask for stage 2" }).click();
  const asking = personas({ tag: `lateask${Date.now().toString(36)}` }).escalateWithReference;
  await answerAs(page, { ...asking, answers: { ...asking.answers, reference: { reference }, advocate: { advocate: "no" } } });
  const request = await sendAnswers(page);
  const decideBy = formatLongDate(addWorkingDays(londonToday(), 5), "en");
  const promise = `You asked after the usual time to ask for the next stage had ended. We will decide whether we can still take your complaint to the next stage, and tell you by ${decideBy}.`;
  await expect(page.getByText(promise)).toBeVisible();
  await expect(page.getByText("We aim to send you our written reply by")).toHaveCount(0);
  // What happens next: if the council takes it, or not; not stage 2 as if it had started.
  await expect(page.getByText("If we can take your complaint to stage 2, an investigating officer and an independent person will look into it")).toBeVisible();
  await expect(page.getByText("If we cannot, we will tell you why")).toBeVisible();
  await expect(page.getByText("For stage 2, an investigating officer")).toHaveCount(0);
  await checkA11y();
  await page.goto("/progress/status");
  await expect(page.getByText(`You asked for stage 2 on ${formatLongDate(londonToday(), "en")}, after the usual time to ask. We will tell you whether we can still look at your complaint at stage 2.`)).toBeVisible();
  await expect(page.getByText("We will tell you when it starts.")).toHaveCount(0);
  const { mail } = await deliveriesFor(request, 2);
  const acknowledgement = mail.find((m) => m.to[0] === emailOf(asking));
  expect(acknowledgement?.text).toContain(promise);
  const team = mail.find((m) => m.to[0] === "childrens-complaints@example.org");
  expect(team?.text).toContain(`Reply by ${decideBy} (asked after the time to ask: decide whether to take it, and tell them within 5 working days).`);
});

// The page about a complaint closes after the idle time even while the session goes on (decision 075); then the
// reference it was opened with is not kept to fill in on "Check your complaint", where whoever picks the phone up
// next would find it, nor does opening that page keep it.
test("the person can close the page about their complaint when they have finished, and once it has closed its reference is not filled in again", async ({ page, baseURL, checkA11y }) => {
  const person = personas({ tag: `closed${Date.now().toString(36)}` }).parent;
  const reference = await sendComplaint(baseURL!, person);
  await askForCode(page, reference);
  await page.getByLabel("Code", { exact: true }).fill(await codeSentTo(emailOf(person), 0));
  await continueOn(page);
  await expect(page).toHaveURL(/\/progress\/status$/);
  // Finished, before handing the phone over: closed at once, and said so.
  await page.getByRole("button", { name: "Close this page now" }).click();
  await expect(page).toHaveURL(/\/progress\?closed$/);
  await expect(page.getByText("For your privacy, we closed the page about your complaint. Your complaint is not affected.")).toBeVisible();
  await expect(page.getByLabel("What is your reference number?", { exact: false })).toHaveValue("");
  await checkA11y();
  await page.goBack();
  await page.reload();
  await expect(page).toHaveURL(/\/progress$/);
  await page.goto("/progress/status");
  await expect(page).toHaveURL(/\/progress$/);

  // Open again with a new code; then its time runs out while the session goes on.
  await askForCode(page, reference);
  await page.getByLabel("Code", { exact: true }).fill(await codeSentTo(emailOf(person), 1));
  await continueOn(page);
  await expect(page).toHaveURL(/\/progress\/status$/);
  // While it is open, going back to the start finds the reference there.
  await page.goto("/progress");
  await expect(page.getByLabel("What is your reference number?", { exact: false })).toHaveValue(reference);
  await closeViewedCase(page);
  for (let visit = 0; visit < 2; visit++) {
    await page.goto("/progress");
    await expectHeading(page, "Check your complaint");
    await expect(page.getByLabel("What is your reference number?", { exact: false })).toHaveValue("");
  }
  await page.goto("/progress/status");
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.getByLabel("What is your reference number?", { exact: false })).toHaveValue("");
});

test("someone who said we may not say we are from the council is sent no code, and the page does not show it", async ({ page, baseURL }) => {
  const tag = `cpsafe${Date.now().toString(36)}`;
  const people = personas({ tag });
  const safe = await sendComplaint(baseURL!, people.parent);
  const unsafe = await sendComplaint(baseURL!, people.unsafeEmail);

  await askForCode(page, unsafe);
  const unsafeWords = await page.locator("main").innerText();
  await askForCode(page, safe);
  const safeWords = await page.locator("main").innerText();
  expect(unsafeWords).toBe(safeWords);

  // Both requests were queued alike; once the worker has dealt with every code request (the safe person's code has
  // arrived and none is pending), nothing has gone to the unsafe person's address.
  await codeSentTo(emailOf(people.parent), 0);
  await expect
    .poll(() => withPortalDatabase(async (db) => Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM delivery_jobs WHERE kind = 'progress-code' AND state = 'pending'"))?.n ?? 0)), { timeout: 20_000 })
    .toBe(0);
  expect(await mailTo(emailOf(people.unsafeEmail))).toEqual([]);
});

test("an address whose posts keep failing their signature is told to wait for the rest of the window; signed posts never count, and are always answered", async () => {
  // A portal of its own: its count of refusals from this address must be this test's alone.
  const portal = await startOwnPortal({ CASE_EVENTS_SECRET: e2eCaseEventsSecret, WORKER_ENABLED: "false" });
  try {
    const event = { reference: earlierComplaintReference, type: "acknowledged" };
    const wrongKey = { secret: `whsec_${Buffer.alloc(32, 1).toString("base64")}` };
    // The case system's own posts, however many, are never counted: each is answered for what it says.
    for (let i = 0; i < refusedCaseEvents.limit + 5; i++) expectProblem(await postCaseEvent(portal.base, event), 404);
    for (let i = 0; i < refusedCaseEvents.limit; i++) expectProblem(await postCaseEvent(portal.base, event, wrongKey), 401);
    // Past the limit, a refused post is told when to try again; a rightly signed one is still answered for what it
    // says (whoever else shares the address cannot shut the case system out).
    const refused = await postCaseEvent(portal.base, event, wrongKey);
    expectProblem(refused, 429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(refusedCaseEvents.windowMs / 1000);
    expectProblem(await postCaseEvent(portal.base, event), 404);
  } finally {
    await portal.stop();
  }
});

test("the complaints manager's digest comes from the digest hour on a working day, once however many workers run, with deadlines and no personal data", async () => {
  // A portal and database of its own: workers on a moved clock claim every job due in the database they run on,
  // and must never take another test's deliveries.
  const portal = await startOwnPortal(
    { SMTP_URL: process.env.E2E_SMTP_URL, CASE_EVENTS_SECRET: e2eCaseEventsSecret, DATA_KEYS: process.env.E2E_DATA_KEYS, RATE_LIMIT_POSTS: "100000" },
    { engine: test.info().project.name === "postgres" ? "postgres" : "sqlite" },
  );
  try {
    await digestsArriveFrom(portal);
  } finally {
    await portal.stop();
  }
});

async function digestsArriveFrom(portal: OwnPortal): Promise<void> {
  const baseURL = portal.base;
  const tag = `cpdigest${Date.now().toString(36)}`;
  const people = personas({ tag });
  const acknowledged = await sendComplaint(baseURL, people.parent);
  const silent = await sendComplaint(baseURL, people.grandparent);
  const applied = await postCaseEvent(baseURL, { reference: acknowledged, type: "acknowledged" });
  expect(applied.body).toMatchObject({ status: "applied" });
  const due = String(applied.body.replyDueOn);
  // Stage 1's reply is due 10 working days after the complaint arrived (the council's timetable).
  expect(due).toBe(addWorkingDays(londonToday(), 10));
  const dayBefore = addWorkingDays(londonToday(), 9);
  const dayAfter = addWorkingDays(due, 1);
  const manager = "complaints-manager@example.org";
  // This portal's digests (the other project's portal mails the same catcher): those naming this test's case.
  const digestsOn = async (day: string) => (await mailTo(manager)).filter((m) => m.subject.startsWith(`Complaints to act on, ${formatLongDate(day, "en")}:`) && m.text.includes(acknowledged));

  // Delivery workers sharing the portal's database, run once on a clock the test sets.
  const workersAt = async (iso: string, count = 1) => {
    await run(process.execPath, ["--import", "tsx", "--import", "./scripts/register-glob.mjs", "tests/support/clocked-workers.ts", iso, String(count)], { env: portal.env });
  };
  // The working day before the reply is due, before the digest hour: nothing yet.
  await workersAt(`${dayBefore}T05:30:00Z`);
  expect(await digestsOn(dayBefore)).toEqual([]);
  // From the digest hour, two workers: one digest between them.
  await workersAt(`${dayBefore}T10:00:00Z`, 2);
  await expect.poll(async () => (await digestsOn(dayBefore)).length, { timeout: 20_000 }).toBe(1);
  const [digest] = await digestsOn(dayBefore);
  expect(digest!.text).toContain(`${acknowledged}, stage 1: due ${formatLongDate(due, "en")}, 1 working day left`);
  expect(digest!.text).toContain(`${silent}, stage 1: due ${formatLongDate(due, "en")}, 1 working day left`);
  expect(digest!.text).toMatch(new RegExp(`${silent}: acknowledgement was due .*, \\d+ working days over`));
  expect(digest!.text).not.toContain(`${acknowledged}: acknowledgement`);
  expect(digest!.text).not.toMatch(/Pat Parent|Margaret|@example\.org|social worker/);
  // A worker starting later the same day sends nothing more.
  await workersAt(`${dayBefore}T11:00:00Z`);
  expect(await digestsOn(dayBefore)).toHaveLength(1);
  // The working day after it was due, the reply is a day overdue.
  await workersAt(`${dayAfter}T10:00:00Z`);
  await expect.poll(async () => (await digestsOn(dayAfter)).length, { timeout: 20_000 }).toBe(1);
  expect((await digestsOn(dayAfter))[0]!.text).toContain(`${acknowledged}, stage 1: due ${formatLongDate(due, "en")}, 1 working day over`);
}

test("a complaint sent as 'not sure' which service is settled by staff, typed or posted, once", async ({ baseURL }) => {
  const today = londonToday();
  const registered = await caseCommand("register", "--received", today, "--service", "not-sure", "--channel", "phone", "--role", "parent");
  expect(registered.code, registered.stderr).toBe(0);
  const reference = /^(C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])\s*$/m.exec(registered.stdout)?.[1] ?? "";
  const settled = await caseCommand("event", reference, "service-settled", "public-health");
  expect(settled.code, settled.stderr).toBe(0);
  expect(settled.stdout).toContain(`${reference}  public-health, received ${today} by phone`);
  // Settled once: the case system is told why a second is refused, naming the field.
  const again = await postCaseEvent(baseURL!, { reference, type: "service-settled", service: "childrens-social-care" });
  expectProblem(again, 409);
  expect(again.body).toMatchObject({ title: "The service is settled", errors: [expect.objectContaining({ field: "service" })] });
  const notSure = await caseCommand("event", reference, "service-settled", "not-sure");
  expect(notSure.code).not.toBe(0);
  expect(notSure.stderr.split("\n")[0]).toMatch(/service must be one of childrens-social-care, public-health/);
});

test("a phone complaint registered by staff takes the case system's events, and bad input is refused naming the field, changing nothing", async ({ baseURL }) => {
  // Events sent without a date take the portal's day: the test's "today" is that day when they arrive (withLondonDayLeft).
  const today = londonToday();
  const registered = await caseCommand("register", "--received", today, "--service", "childrens-social-care", "--channel", "phone", "--role", "parent");
  expect(registered.code, registered.stderr).toBe(0);
  const reference = /^(C-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])\s*$/m.exec(registered.stdout)?.[1] ?? "";
  expect(reference).not.toBe("");
  expect((await postCaseEvent(baseURL!, { reference, type: "acknowledged" })).body).toMatchObject({ status: "applied", acknowledgedOn: today });
  const before = await shown(reference);

  const malformed = await postCaseEvent(baseURL!, null, { raw: `{"reference": "${reference}", "type": ` });
  expectProblem(malformed, 400);
  expect(malformed.body.errors).toEqual([expect.objectContaining({ field: "body" })]);
  const badDate = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "upheld", date: "02/12/2026" });
  expectProblem(badDate, 422);
  expect(badDate.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "date" })]));
  const badOutcome = await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "sorted" });
  expectProblem(badOutcome, 422);
  expect(badOutcome.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "outcome" })]));
  // A date outside the years whose bank holidays the portal holds is refused by name, over HTTP and when typed.
  const farFuture = await postCaseEvent(baseURL!, { reference, type: "extended", reason: "complex", dueDate: "2099-01-05" });
  expectProblem(farFuture, 422);
  expect(farFuture.body.errors).toEqual([expect.objectContaining({ field: "dueDate" })]);
  const longAgo = await caseCommand("register", "--received", "1999-11-02", "--service", "childrens-social-care", "--channel", "phone");
  expect(longAgo.code).toBe(2);
  // Its first line names the problem, as for any bad input, then the usage of register, not of every command.
  expect(longAgo.stderr.split("\n")[0]).toMatch(/^--received must be a date in the years \d{4} to \d{4}$/);
  expect(longAgo.stderr).toContain("npm run case -- register --received YYYY-MM-DD");
  expect(longAgo.stderr).not.toContain("npm run case -- event");
  const tooLarge = await postCaseEvent(baseURL!, { reference, type: "acknowledged", padding: "x".repeat(65 * 1024) });
  expectProblem(tooLarge, 413);
  expect(await shown(reference)).toBe(before);
  // A public health complaint has one stage at the council: it cannot be registered at stage 2.
  const publicHealthAtStage2 = await caseCommand("register", "--received", today, "--service", "public-health", "--channel", "letter", "--stage", "2");
  expect(publicHealthAtStage2.code).toBe(2);
  expect(publicHealthAtStage2.stderr.split("\n")[0]).toBe("--stage 2: public health complaints have one stage at the council, then the Ombudsman");
  // A reference is read as the person's form reads it (lower case, no dashes, a copied one's invisible characters);
  // a mistyped one is said to be, and another journey's reference is said not to be a case's.
  expect(await shown(reference.toLowerCase().replaceAll("-", ""))).toBe(before);
  const mistyped = await caseCommand("show", `${reference.slice(0, -1)}${reference.endsWith("X") ? "Y" : "X"}`);
  expect(mistyped.stderr.split("\n")[0]).toBe("check the reference: one of its letters or numbers is not right, or two are swapped");
  const request = formatReference("E", "7K4M2Q9P");
  const requestReference = await caseCommand("show", request);
  expect(requestReference.stderr.split("\n")[0]).toBe(`${request} is not a case's reference (a case's starts with C): a request, for the next stage say, has its own; give the complaint's, which the request's email names`);
  expect((await postCaseEvent(baseURL!, { reference: `\u2066${reference.toLowerCase()}\u2069`, type: "advocate-assigned" })).body).toMatchObject({ status: "applied", reference });
  // A request for the next stage already waiting is not recorded twice (the same call typed again).
  expect((await caseCommand("event", reference, "next-stage-requested", "2")).code).toBe(0);
  const again = await caseCommand("event", reference, "next-stage-requested", "2");
  expect(again.code).not.toBe(0);
  expect(again.stderr).toContain(`A request for stage 2 made on ${today} is waiting`);
  expectProblem(await postCaseEvent(baseURL!, { reference, type: "next-stage-requested", stage: 2 }), 409);
  expect((await caseCommand("event", reference, "next-stage-declined", "2")).code).toBe(0);
  const answered = await shown(reference);

  expect(answered).not.toBe(before);
  // Closed: nothing but the Ombudsman or a reopening.
  expect((await postCaseEvent(baseURL!, { reference, type: "replied", stage: 1, outcome: "resolved" })).body).toMatchObject({ status: "applied" });
  expect((await postCaseEvent(baseURL!, { reference, type: "closed" })).body).toMatchObject({ status: "applied" });
  const closed = await shown(reference);
  expectProblem(await postCaseEvent(baseURL!, { reference, type: "stage-started", stage: 2 }), 409);
  expect(await shown(reference)).toBe(closed);
});
