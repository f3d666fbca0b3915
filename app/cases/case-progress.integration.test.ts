// Case progress against real servers, on both engines: complaints open cases, signed events move them on (and
// nothing else does), closed cases leave statistics rows, the digest goes once a working day, and progress codes
// reach only the people who may be written to, through a real SMTP server.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "~/config/config.server";
import { formatLongDate } from "~/format-date";
import { sign } from "~/delivery/webhook-signature.server";
import { DeliveryWorker } from "~/delivery/delivery-worker.server";
import { journeyById } from "~/journeys/journeys";
import { maxBodyBytes } from "~/journeys/read-form.server";
import { storeJourneySubmission } from "~/journeys/submit-journey.server";
import { createMailTransport, createServices, workerDeps, type Services } from "~/services/services.server";
import { answerJourney } from "../../tests/support/answer-journey";
import { MailCatcher } from "../../tests/support/mail-catcher";
import { personas, type Persona } from "../../tests/support/personas";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { WebhookReceiver } from "../../tests/support/webhook-receiver";
import { addWorkingDays, workingDaysBetween } from "~/working-days";
import { receiveCaseEvent } from "./case-events-api.server";
import { ProgressCodes, progressCodeRules } from "./progress-codes.server";
import { caseUpdatedPayloadSchema } from "./case-webhook";
import { inboxPreview } from "../../tests/support/inbox-preview";

const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
const rotated = `whsec_${Buffer.alloc(32, 8).toString("base64")}`;
const outboundSecret = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
const received = "2026-11-16";

describe.each(engines)("case progress on %s", (engine) => {
  let dir: string;
  let database: TestDatabase;
  let services: Services;
  let mail: MailCatcher;
  let receiver: WebhookReceiver;
  let clock: number;
  const workers: DeliveryWorker[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "cases-"));
    database = await createTestDatabase(engine, dir);
    mail = new MailCatcher();
    await mail.start();
    receiver = new WebhookReceiver(outboundSecret, () => clock);
    await receiver.start();
    services = await createServices(
      loadConfig({ DATA_DIR: dir, DATABASE_URL: database.url, SMTP_URL: mail.url, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: outboundSecret, CASE_EVENTS_SECRET: `${secret},${rotated}` }, () => {}),
    );
    clock = Date.now();
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await services.db.close();
    await database.drop();
    await mail.stop();
    await receiver.stop();
  });

  /** A worker on the test's clock; the clock is first brought up to now, so jobs just written are due. */
  function worker(keepClock = false, digestHour: number | null = 7): DeliveryWorker {
    if (!keepClock) clock = Math.max(clock, Date.now());
    const created = new DeliveryWorker(workerDeps(services, createMailTransport(services.config), { now: () => clock, log: () => {}, retention: undefined }), { digestHour });
    workers.push(created);
    return created;
  }

  /** Sends a persona's answers; `checked`: the case the sending session checked with a code (decision 075). */
  async function send(persona: Persona, today = received, checked: string | null = null) {
    const journey = journeyById(persona.journey)!;
    const { answers } = answerJourney(journey, persona, today);
    const found = checked ? await services.cases.byReference(checked) : null;
    const checkedCase = found ? { caseId: found.id, reference: found.reference, until: Date.now() + 60_000 } : null;
    return storeJourneySubmission(services, { journey, answers, language: "en", runId: randomUUID(), today, checkedCase });
  }

  /** Posts an event as the case system does, signed now (or as given). */
  async function post(body: unknown, { id = randomUUID(), key = secret, at = Math.floor(Date.now() / 1000), raw }: { id?: string; key?: string; at?: number; raw?: string } = {}) {
    const text = raw ?? JSON.stringify(body);
    const headers = new Headers({ "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(at), "webhook-signature": sign(key, id, at, text) });
    const response = await receiveCaseEvent({ headers, body: Buffer.from(text), tooLarge: Buffer.byteLength(text) > maxBodyBytes }, services.config.env.CASE_EVENTS_SECRET, services.cases, Math.floor(Date.now() / 1000));
    return { status: response.status, type: response.headers.get("content-type"), json: (await response.json()) as Record<string, unknown> };
  }

  const people = personas({ today: received });

  it("opens a case with every complaint, keeping an email address only where it may be written to", async () => {
    const parent = await send(people.parent);
    const young = await send(people.unsafeEmail);
    const opened = await services.cases.byReference(parent.reference);
    expect(opened?.state).toMatchObject({ service: "childrens-social-care", role: "parent", receivedOn: received, channel: "portal", firstStage: 1, acknowledgedOn: null });
    expect(opened?.state.stages[0]).toMatchObject({ stage: 1, dueOn: "2026-11-30" });
    expect(await services.cases.contactOf(opened!.id)).toMatchObject({ email: "parent@example.org", language: "en" });
    const restricted = await services.cases.byReference(young.reference);
    expect(await services.cases.contactOf(restricted!.id)).toBeNull();
    // A compliment opens no case.
    const thanks = await send(people.thanks);
    expect(await services.cases.byReference(thanks.reference)).toBeNull();
  });

  it("takes signed events, refuses the rest plainly, and applies each webhook-id once", async () => {
    const { reference } = await send(people.parent);
    const acknowledged = await post({ reference, type: "acknowledged", date: "2026-11-17" }, { id: "evt_1" });
    expect(acknowledged).toMatchObject({ status: 200, json: { status: "applied", stage: 1, acknowledgedOn: "2026-11-17" } });
    expect(await post({ reference, type: "acknowledged" }, { id: "evt_1" })).toMatchObject({ status: 200, json: { status: "duplicate" } });
    // The rotated secret signs as well as the first.
    expect((await post({ reference, type: "advocate-assigned", date: "2026-11-18" }, { key: rotated })).status).toBe(200);
    for (const bad of [{ key: `whsec_${Buffer.alloc(32, 1).toString("base64")}` }, { at: Math.floor(Date.now() / 1000) - 600 }, { at: Math.floor(Date.now() / 1000) + 600 }, { id: "" }]) {
      const refused = await post({ reference, type: "closed" }, bad);
      expect(refused).toEqual({ status: 401, type: "application/problem+json", json: { type: "about:blank", title: "Unauthorized", status: 401 } });
    }
    expect(await post(null, { raw: "{not json" })).toMatchObject({ status: 400, type: "application/problem+json", json: { errors: [{ field: "body" }] } });
    expect(await post({ reference, type: "replied", stage: 1, outcome: "sort-of" })).toMatchObject({ status: 422, json: { errors: [{ field: "outcome" }] } });
    expect(await post({ reference, type: "acknowledged", date: "17/11/2026" })).toMatchObject({ status: 422, json: { errors: [{ field: "date" }] } });
    expect(await post({ type: "acknowledged" })).toMatchObject({ status: 422, json: { errors: [{ field: "reference" }] } });
    expect(await post({ reference: "C-0000-0000-0", type: "acknowledged" })).toMatchObject({ status: 422, json: { errors: [{ field: "reference" }] } });
    expect(await post({ reference: "C-7K4M-2Q9P-W".replace(/.$/, "") + "Z", type: "acknowledged" })).toMatchObject({ status: 422 });
    const unknown = (await services.cases.byReference("C-7K4M-2Q9P-6")) ? null : "C-7K4M-2Q9P-6";
    if (unknown) expect((await post({ reference: unknown, type: "acknowledged" })).status).toBeGreaterThanOrEqual(404);
    expect(await post({ reference, type: "stage-started", stage: 3 })).toMatchObject({ status: 409, json: { title: "Stages go in order", errors: [{ field: "stage" }] } });
    expect(await post({ reference, type: "extended", dueDate: "2027-06-01", reason: "complex", date: "2026-11-18" })).toMatchObject({ status: 409, json: { errors: [{ field: "dueDate" }] } });
    expect(await post({ reference, type: "closed", note: "x".repeat(70 * 1024) })).toMatchObject({ status: 413 });
    // Nothing refused was stored: two events on the timeline, the acknowledgement and the advocate.
    const found = await services.cases.byReference(reference);
    expect((await services.cases.timeline(found!.id)).map((entry) => entry.event.type)).toEqual(["acknowledged", "advocate-assigned"]);
  });

  it("writes a statistics row when the case closes, takes it back if it reopens, and sends every event on as case.updated", async () => {
    const { reference } = await send(people.youngPerson);
    for (const event of [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-20" },
      { type: "closed", date: "2026-11-20" },
    ]) expect((await post({ reference, ...event })).status).toBe(200);
    const rows = () => services.db.all<{ record: string }>("SELECT record FROM statistics WHERE kind = 'case'");
    expect(JSON.parse((await rows())[0]!.record)).toMatchObject({ closedOn: "2026-11-20", advocateAsked: true, stages: [{ stage: 1, outcome: "not-upheld", timeliness: "in-time" }] });
    expect(await post({ reference, type: "stage-started", stage: 2 })).toMatchObject({ status: 409, json: { title: "The case is closed" } });
    expect((await post({ reference, type: "reopened", date: "2026-11-24" })).status).toBe(200);
    expect(await rows()).toEqual([]);
    expect((await post({ reference, type: "stage-started", stage: 2, date: "2026-11-24" })).status).toBe(200);
    await worker().runOnce();
    const updates = receiver.accepted().filter((hook) => (hook.json as { type?: string }).type === "case.updated").map((hook) => caseUpdatedPayloadSchema.parse(hook.json)).filter((payload) => payload.data.reference === reference);
    expect(updates.map((u) => [u.data.event.sequence, u.data.event.type, u.data.case.stage, u.data.case.closedOn]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [1, "replied", 1, null],
      [2, "closed", 1, "2026-11-20"],
      [3, "reopened", 1, null],
      [4, "stage-started", 2, null],
    ]);
    expect(JSON.stringify(updates)).not.toMatch(/social worker|07700|Pat/);
  });

  it("records a request for the next stage on the case it names, and flags one made after the time to ask", async () => {
    const complaint = await send(people.parent);
    expect((await post({ reference: complaint.reference, type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-18" })).status).toBe(200);
    const asking = (today: string, checked: string | null = complaint.reference) => send({ ...people.escalateWithReference, answers: { ...people.escalateWithReference.answers, reference: { reference: complaint.reference } } }, today, checked);
    // From a session that did not check the complaint with a code (anyone may know a reference): sent to the team
    // "not checked", and nothing added to the case, not even the advocate it asks for.
    const unchecked = await asking("2026-11-30", null);
    expect(unchecked.flags).toContain("not-checked");
    expect((await services.cases.byReference(complaint.reference))?.state).toMatchObject({ nextStageRequests: [], advocateAsked: false, lastEventOn: "2026-11-18" });
    // Nor from a session that checked another complaint.
    const other = await send(people.grandparent);
    expect((await asking("2026-11-30", other.reference)).flags).toContain("not-checked");
    expect((await services.cases.byReference(complaint.reference))?.state.nextStageRequests).toEqual([]);
    const inTime = await asking("2026-12-01");
    expect(inTime.flags).not.toContain("late");
    expect(inTime.flags).not.toContain("not-checked");
    // Stage 3 picked while the case is at stage 1: stored as settled (a request for stage 2, with what they picked),
    // so the timeline replays the same, and sent on so.
    const picked3 = { ...people.escalateWithReference, answers: { ...people.escalateWithReference.answers, reference: { reference: complaint.reference }, stage: { stage: "stage-3" } } };
    const sentPicked3 = await send(picked3, "2026-12-02", complaint.reference);
    // Promised what is recorded: stage 2's reply, 25 working days from the request, not stage 3's 50.
    const { stage2 } = services.config.council.timetable.childrensSocialCare;
    expect(sentPicked3).toMatchObject({ recordedStage: 2, replyBy: addWorkingDays("2026-12-02", stage2.replyWithin) });
    expect(sentPicked3.late).toBeUndefined();
    // Not checked, the form's pick is all there is to go on: stage 3's whole time.
    expect(await send(picked3, "2026-12-02")).toMatchObject({ replyBy: addWorkingDays("2026-12-02", 50) });
    expect((await send(picked3, "2026-12-02")).recordedStage).toBeUndefined();
    const timeline = await services.cases.timeline((await services.cases.byReference(complaint.reference))!.id);
    expect(timeline.at(-1)!.event).toMatchObject({ type: "next-stage-requested", stage: 2, picked: 3, answered: false, date: "2026-12-02" });
    // Asked again after the time to ask, while those made in time still wait for the council's answer: the same
    // request, so not late.
    const again = await asking("2026-12-17");
    expect(again.flags).not.toContain("late");
    expect(again.late).toBeUndefined();
    const found = await services.cases.byReference(complaint.reference);
    expect(found?.state.nextStageRequests).toEqual([
      { stage: 2, on: "2026-12-01", late: false, answeredOn: null },
      { stage: 2, on: "2026-12-02", late: false, answeredOn: null },
      { stage: 2, on: "2026-12-17", late: false, answeredOn: null },
    ]);
    // After the time to ask, with nothing waiting: flagged late, and promised the council's decision on it within the
    // time a complaint is acknowledged (5 working days), not stage 2's reply, which the council may not give
    // (decision 090); checked or not.
    const lateCase = await send(people.parent);
    expect((await post({ reference: lateCase.reference, type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-18" })).status).toBe(200);
    const askingLate = (checked: string | null) => send({ ...people.escalateWithReference, answers: { ...people.escalateWithReference.answers, reference: { reference: lateCase.reference } } }, "2026-12-17", checked);
    const lateUnchecked = await askingLate(null);
    expect(lateUnchecked.flags).toContain("late");
    expect(lateUnchecked).toMatchObject({ late: true, replyBy: "2026-12-24" });
    expect(lateUnchecked.recordedStage).toBeUndefined();
    const late = await askingLate(lateCase.reference);
    expect(late.flags).toContain("late");
    expect(late).toMatchObject({ late: true, recordedStage: 2, replyBy: addWorkingDays("2026-12-17", services.config.council.timetable.acknowledgeWithin) });
    expect(late.replyBy).toBe("2026-12-24");
    expect((await services.cases.byReference(lateCase.reference))?.state.nextStageRequests).toEqual([{ stage: 2, on: "2026-12-17", late: true, answeredOn: null }]);
    // The parent did not want an advocate with the complaint, and asked for one with the request: the annual report
    // counts them as someone who complained and asked for an advocate.
    expect(people.parent.answers.advocate).toEqual({ advocate: "no" });
    expect(found?.state.advocateAsked).toBe(true);
    const replayed = await services.cases.timeline(found!.id);
    expect((await services.cases.stateAt(found!.id, replayed.at(-1)!.seq))!.nextStageRequests).toEqual(found!.state.nextStageRequests);
  });

  it("promises a checked request made while a stage is open that stage's reply date, which comes first", async () => {
    const complaint = await send(people.parent);
    const stage1Due = (await services.cases.byReference(complaint.reference))!.state.stages[0]!.dueOn;
    const asking = { ...people.escalateWithReference, answers: { ...people.escalateWithReference.answers, reference: { reference: complaint.reference } } };
    // Stage 2 asked for before stage 1's reply: it waits for that reply, which is the next the person hears.
    expect(await send(asking, "2026-11-20", complaint.reference)).toMatchObject({ recordedStage: 2, replyBy: stage1Due });
    // Stage 2 started and extended: a request then is answered by stage 2's own (extended) date.
    expect((await post({ reference: complaint.reference, type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-23" })).status).toBe(200);
    expect((await post({ reference: complaint.reference, type: "stage-started", stage: 2, date: "2026-11-24" })).status).toBe(200);
    expect((await post({ reference: complaint.reference, type: "extended", dueDate: "2027-01-29", reason: "complex", date: "2026-11-25" })).status).toBe(200);
    expect(await send(asking, "2026-11-26", complaint.reference)).toMatchObject({ recordedStage: 2, replyBy: "2027-01-29" });
  });

  it("promises a checked request for a complaint with no stage left a reply in a complaint's time, and says so", async () => {
    const { stage1 } = services.config.council.timetable.childrensSocialCare;
    const asking = (reference: string) => ({ ...people.escalateWithReference, answers: { ...people.escalateWithReference.answers, reference: { reference }, stage: { stage: "stage-3" } } });
    // Stage 3 replied to: no panel will meet; nothing waits.
    const replied = await send(people.parent);
    for (const event of [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-18" },
      { type: "stage-started", stage: 2, date: "2026-11-19" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2026-11-20" },
      { type: "stage-started", stage: 3, date: "2026-11-23" },
      { type: "panel-held", date: "2026-11-24" },
      { type: "replied", stage: 3, outcome: "not-upheld", date: "2026-11-25" },
    ]) expect((await post({ reference: replied.reference, ...event })).status).toBe(200);
    expect(await send(asking(replied.reference), "2026-12-01", replied.reference)).toMatchObject({ recordedStage: "ended", replyBy: addWorkingDays("2026-12-01", stage1.replyWithin) });
    // Withdrawn at stage 1: it has ended.
    const withdrawn = await send(people.grandparent);
    expect((await post({ reference: withdrawn.reference, type: "replied", stage: 1, outcome: "withdrawn", date: "2026-11-18" })).status).toBe(200);
    expect(await send(asking(withdrawn.reference), "2026-12-01", withdrawn.reference)).toMatchObject({ recordedStage: "ended", replyBy: addWorkingDays("2026-12-01", stage1.replyWithin) });
  });

  it("takes a request for the next stage from the case system or staff, settled and timed as the portal's own", async () => {
    // A complaint made by phone, registered by staff.
    const complaint = await services.cases.register({ service: "childrens-social-care", role: "parent", receivedOn: "2026-09-01", channel: "phone", reach: null, firstStage: 1, advocateAsked: false, acceptedOutOfTime: false });
    expect((await post({ reference: complaint.reference, type: "replied", stage: 1, outcome: "not-upheld", date: "2026-09-03" })).status).toBe(200);
    // Stage 3 asked for by phone after stage 1's reply, with an advocate: a request for stage 2, in time.
    expect((await post({ reference: complaint.reference, type: "next-stage-requested", stage: 3, advocate: true, date: "2026-09-07" })).status).toBe(200);
    const found = await services.cases.byReference(complaint.reference);
    expect(found?.state).toMatchObject({ nextStageRequests: [{ stage: 2, on: "2026-09-07", late: false, answeredOn: null }], advocateAsked: true });
    expect((await services.cases.timeline(found!.id)).at(-1)).toMatchObject({ source: "case-system", event: { type: "next-stage-requested", stage: 2, picked: 3, answered: false, late: false } });
    // Made after the time to ask: late, as the annual report counts it.
    expect((await post({ reference: complaint.reference, type: "next-stage-declined", stage: 2, date: "2026-09-08" })).status).toBe(200);
    expect((await post({ reference: complaint.reference, type: "next-stage-requested", stage: 2, date: "2026-11-02" })).status).toBe(200);
    expect((await services.cases.byReference(complaint.reference))?.state.nextStageRequests.at(-1)).toEqual({ stage: 2, on: "2026-11-02", late: true, answeredOn: null });
    // One sent "not checked" on the last day to ask, confirmed by staff after they closed the case the next day:
    // recorded with the day it was sent, in time, and the stage will be timed from it.
    const closing = await services.cases.register({ service: "childrens-social-care", role: "parent", receivedOn: "2026-09-01", channel: "phone", reach: null, firstStage: 1, advocateAsked: false, acceptedOutOfTime: false });
    expect((await post({ reference: closing.reference, type: "replied", stage: 1, outcome: "not-upheld", date: "2026-09-03" })).status).toBe(200);
    const lastDay = addWorkingDays("2026-09-03", services.config.council.timetable.childrensSocialCare.stage2.requestWithin);
    expect((await post({ reference: closing.reference, type: "closed", date: addWorkingDays(lastDay, 1) })).status).toBe(200);
    expect((await post({ reference: closing.reference, type: "next-stage-requested", stage: 2, date: lastDay })).status).toBe(200);
    expect((await services.cases.byReference(closing.reference))?.state).toMatchObject({ nextStageRequests: [{ stage: 2, on: lastDay, late: false, answeredOn: null }], lastEventOn: addWorkingDays(lastDay, 1) });
    // Never dated before the reply it follows.
    expect(await post({ reference: closing.reference, type: "next-stage-requested", stage: 2, date: "2026-09-02" })).toMatchObject({ status: 409 });
    // Only what the schema allows: a stage 1 request is refused with the field named.
    expect(await post({ reference: complaint.reference, type: "next-stage-requested", stage: 1 })).toMatchObject({ status: 422 });
  });

  it("sends the complaints manager one digest a working day, from the digest hour, and none with nothing to say", async () => {
    const at = (iso: string) => Date.parse(iso);
    const manager = "complaints-manager@example.org";
    // Nothing is open yet: a working day passes with no digest.
    clock = at("2026-11-16T09:00:00Z");
    await worker(true).runOnce();
    expect(mail.to(manager)).toEqual([]);
    await send(people.parent, "2026-11-16");
    await send(people.grandparent, "2026-11-25");
    // Saturday 28 November: no digest at the weekend.
    clock = at("2026-11-28T09:00:00Z");
    await worker(true).runOnce();
    expect(mail.to(manager)).toEqual([]);
    // Monday 30 November, 06:30: before the digest hour.
    clock = at("2026-11-30T06:30:00Z");
    await worker(true).runOnce();
    expect(mail.to(manager)).toEqual([]);
    // 08:00: a worker told to write no digest (as the delivery tests' are) writes none.
    clock = at("2026-11-30T08:00:00Z");
    await worker(true, null).runOnce();
    expect(mail.to(manager)).toEqual([]);
    // Two workers, one digest.
    await Promise.all([worker(true).runOnce(), worker(true).runOnce()]);
    const [digest, ...more] = mail.to(manager);
    expect(more).toEqual([]);
    const monday = formatLongDate("2026-11-30", "en");
    expect(digest!.subject).toBe(`Complaints to act on, ${monday}: 0 overdue, 1 due soon, 1 not acknowledged`);
    expect(digest!.text).toContain(`stage 1: due ${monday}, 0 working days left`);
    expect(digest!.text).not.toMatch(/Pat|Margaret|parent@example/);
    // The next working day, the first complaint is a day overdue.
    clock = at("2026-12-01T08:00:00Z");
    await worker(true).runOnce();
    expect(mail.to(manager)).toHaveLength(2);
    expect(mail.to(manager)[1]!.text).toMatch(/1 working day over/);
  });

  it("lists requests for the next stage not yet started, closed cases too, and stops chasing an acknowledgement once replied", async () => {
    const at = (iso: string) => Date.parse(iso);
    const manager = "complaints-manager@example.org";
    const replied = await send(people.parent);
    const waiting = await send(people.grandparent);
    const answeredOpen = await send(people.youngPerson);
    // Replied to at stage 1 but still open, never marked acknowledged: no longer chased for it.
    expect((await post({ reference: answeredOpen.reference, type: "replied", stage: 1, outcome: "upheld", date: "2026-11-25" })).status).toBe(200);
    // The first is replied to at stage 1 and closed without ever being marked acknowledged; then the person asks for stage 2.
    expect((await post({ reference: replied.reference, type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-25" })).status).toBe(200);
    expect((await post({ reference: replied.reference, type: "closed", date: "2026-11-25" })).status).toBe(200);
    const asking = { ...people.escalateWithReference, answers: { ...people.escalateWithReference.answers, reference: { reference: replied.reference } } };
    await send(asking, "2026-12-01", replied.reference);
    clock = at("2026-12-03T08:00:00Z");
    await worker(true).runOnce();
    const [digest] = mail.to(manager);
    expect(digest!.subject).toMatch(/: \d+ overdue, \d+ due soon, 1 not acknowledged, 1 next stage not started$/);
    expect(digest!.text).not.toContain(`${answeredOpen.reference}: acknowledgement`);
    expect(digest!.text).toContain("1 request for the next stage not started");
    expect(digest!.text).toContain(`${replied.reference}: stage 2 asked for on ${formatLongDate("2026-12-01", "en")}, 2 working days ago`);
    expect(digest!.text).toContain("until its stage starts, or until the council's decision not to take it further is recorded (the case event next-stage-declined)");
    // Only the complaint still waiting is chased for its acknowledgement.
    expect(digest!.text).toContain(`${waiting.reference}: acknowledgement was due`);
    expect(digest!.text).not.toContain(`${replied.reference}: acknowledgement`);
    // Once stage 2 starts, the request is no longer listed.
    expect((await post({ reference: replied.reference, type: "reopened", date: "2026-12-03" })).status).toBe(200);
    expect((await post({ reference: replied.reference, type: "stage-started", stage: 2, date: "2026-12-03" })).status).toBe(200);
    clock = at("2026-12-04T08:00:00Z");
    await worker(true).runOnce();
    expect(mail.to(manager)).toHaveLength(2);
    expect(mail.to(manager)[1]!.text).not.toContain("next stage not started");
    expect(mail.to(manager)[1]!.subject).not.toMatch(/next stage/);
  });

  it("lists a stage 3 review panel past its day until it is held, and then times the reply from the meeting", async () => {
    const manager = "complaints-manager@example.org";
    const { reference } = await send(people.parent);
    for (const event of [
      { type: "replied", stage: 1, outcome: "not-upheld", date: "2026-11-17" },
      { type: "stage-started", stage: 2, date: "2026-11-18" },
      { type: "replied", stage: 2, outcome: "not-upheld", date: "2026-11-19" },
      { type: "stage-started", stage: 3, date: "2026-11-20" },
    ]) {
      expect((await post({ reference, ...event })).status).toBe(200);
    }
    // The panel's day: 30 working days from the stage's start.
    const panelDue = addWorkingDays("2026-11-20", services.config.council.timetable.childrensSocialCare.stage3.panelWithin);
    expect((await services.cases.byReference(reference))!.state.stages[2]!.panel).toEqual({ dueOn: panelDue, heldOn: null });
    // Tuesday 12 January 2027: the panel has not met by its day, and the digest says so, with what to record.
    clock = Date.parse("2027-01-12T08:00:00Z");
    await worker(true).runOnce();
    const [late] = mail.to(manager);
    expect(late!.subject).toMatch(/, 1 review panel to hold$/);
    expect(late!.text).toContain("1 review panel overdue");
    expect(late!.text).toContain(`${reference}, stage 3: the review panel was due to meet by ${formatLongDate(panelDue, "en")}, ${workingDaysBetween(panelDue, "2027-01-12")} working days over`);
    expect(late!.text).toContain(
      "Record the day each review panel meets (the case event panel-held). The panel's report is then due within 5 working days, and the council's response within 15 working days of the report: 20 working days from the meeting in all, and never later than the case's reply date.",
    );
    // Held on 4 December: the reply is due 20 working days after, sooner than the stage's 50.
    expect((await post({ reference, type: "panel-held", date: "2026-12-04" })).status).toBe(200);
    expect((await post({ reference, type: "panel-held", date: "2026-12-04" })).json).toMatchObject({ status: 409, title: "The panel has met" });
    const stage3 = (await services.cases.byReference(reference))!.state.stages[2]!;
    expect(stage3).toMatchObject({ panel: { dueOn: panelDue, heldOn: "2026-12-04" }, dueOn: addWorkingDays("2026-12-04", 20) });
    expect(stage3.dueOn < addWorkingDays("2026-11-20", 50)).toBe(true);
    // The next day's digest has no panel, and the reply overdue from the meeting's date.
    clock = Date.parse("2027-01-13T08:00:00Z");
    await worker(true).runOnce();
    const next = mail.to(manager)[1]!;
    expect(next.text).not.toMatch(/review panel/);
    expect(next.text).toContain(`${reference}, stage 3: due ${formatLongDate(stage3.dueOn, "en")}`);
  });

  it("lists in the next digest, once, the complaints whose requests for a code the limit held back", async () => {
    const at = (iso: string) => Date.parse(iso);
    const manager = "complaints-manager@example.org";
    const digests = () => mail.to(manager);
    const parent = await send(people.parent);
    // Friday 4 December: the day's digest (the complaint is overdue), with nothing held back.
    clock = at("2026-12-04T08:00:00Z");
    await worker(true).runOnce();
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.text).not.toMatch(/held back/);
    // Saturday: someone asks for five codes in an hour; the limit sends three and holds two back.
    clock = at("2026-12-05T10:00:00Z");
    const codes = new ProgressCodes(services.db, services.sealer, services.cases, "s".repeat(32), () => clock);
    const ask = () => codes.issue(services.sealer.seal(JSON.stringify({ reference: parent.reference, language: "en", asker: randomUUID() })));
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push(await ask());
    expect(issued.filter(Boolean)).toHaveLength(3);
    // Monday's digest names the complaint by reference, says how many were held back and what to think about.
    clock = at("2026-12-07T08:00:00Z");
    await worker(true).runOnce();
    expect(digests()).toHaveLength(2);
    const monday = digests()[1]!;
    expect(monday.subject).toBe(`Complaints to act on, ${formatLongDate("2026-12-07", "en")}: 1 overdue, 0 due soon, 1 not acknowledged, 1 with codes held back`);
    expect(monday.text).toContain("1 complaint with codes held back");
    expect(monday.text).toContain("(3 an hour, 6 a day)");
    expect(monday.text).toContain(`${parent.reference}: 2 requests held back`);
    expect(monday.html).toContain(`<span dir="ltr" style="white-space: nowrap;">${parent.reference}</span>: 2 requests held back`);
    expect(monday.text).not.toMatch(/Pat|Margaret|parent@example/);
    // Tuesday's does not list them again.
    clock = at("2026-12-08T08:00:00Z");
    await worker(true).runOnce();
    expect(digests()).toHaveLength(3);
    expect(digests()[2]!.text).not.toMatch(/held back/);
    expect(digests()[2]!.subject).not.toMatch(/held back/);
    // Held-back requests are kept for the digest for 30 days, then go with the housekeeping.
    const heldBack = async () => Number((await services.db.get<{ count: number }>("SELECT COUNT(*) AS count FROM progress_code_refusals"))!.count);
    clock = at("2027-01-03T09:00:00Z");
    await codes.sweep();
    expect(await heldBack()).toBe(2);
    clock = at("2027-01-05T09:00:00Z");
    await codes.sweep();
    expect(await heldBack()).toBe(0);
  });

  it("sends a progress code only where the person may be written to, and says nothing of why not", async () => {
    const parent = await send(people.parent);
    const young = await send(people.unsafeEmail);
    const asker = await services.progressCodes.request({ reference: parent.reference, language: "en" });
    await services.progressCodes.request({ reference: young.reference, language: "en" });
    await services.progressCodes.request({ reference: "C-7K4M-2Q9P-6", language: "en" });
    await worker().runOnce();
    // The subject says only "Your code": it shows on a locked phone and in a list of emails.
    const codes = mail.messages.filter((m) => m.subject === "Your code");
    expect(codes.map((m) => m.to)).toEqual([["parent@example.org"]]);
    expect(codes[0]!.text).not.toMatch(/complaint|social/i);
    const code = /Your code is (\d{6})\./.exec(codes[0]!.text)![1]!;
    // Nor does what a list of emails shows after the subject: the code is only inside.
    expect(inboxPreview(codes[0]!).html).toMatch(/^Open this email to see your code\./);
    expect(inboxPreview(codes[0]!).html).not.toContain(code);
    expect(inboxPreview(codes[0]!).text).not.toContain(code);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await services.progressCodes.check(parent.reference, wrong, asker)).toEqual({ ok: false });
    // Someone else who knows the reference asks for a code of their own: the person's still works, and only for them.
    const other = await services.progressCodes.request({ reference: parent.reference, language: "en" });
    await worker().runOnce();
    expect(await services.progressCodes.check(parent.reference, code, other)).toEqual({ ok: false });
    expect(await services.progressCodes.check(parent.reference, code, undefined)).toEqual({ ok: false });
    expect((await services.progressCodes.check(parent.reference, code, asker)).ok).toBe(true);
    // Used once.
    expect(await services.progressCodes.check(parent.reference, code, asker)).toEqual({ ok: false });
    // Asked for on a page in another language, the code comes in that language, to the same address.
    await services.progressCodes.request({ reference: parent.reference, language: "pl" });
    await worker().runOnce();
    expect(mail.messages.filter((m) => m.subject === "Twój kod").map((m) => m.to)).toEqual([["parent@example.org"]]);
    // Five tries, then the code stops working even when right.
    const again = await services.progressCodes.request({ reference: parent.reference, language: "en" });
    await worker().runOnce();
    const second = /Your code is (\d{6})\./.exec(mail.messages.filter((m) => m.subject === "Your code").at(-1)!.text)![1]!;
    for (let i = 0; i < 5; i++) await services.progressCodes.check(parent.reference, second === "000000" ? "111111" : "000000", again);
    expect(await services.progressCodes.check(parent.reference, second, again)).toEqual({ ok: false });
    // Every request was done, none failed: nothing in the outbox tells a guess from a case.
    expect((await services.outbox.list("failed")).filter((job) => job.kind === "progress-code")).toEqual([]);
  });

  it("takes five tries of a code and no more when guesses come at once, so the right code sent after them opens nothing", async () => {
    const parent = await send(people.parent);
    const asker = await services.progressCodes.request({ reference: parent.reference, language: "en" });
    await worker().runOnce();
    const code = /Your code is (\d{6})\./.exec(mail.messages.filter((m) => m.subject === "Your code").at(-1)!.text)![1]!;
    // Twenty wrong guesses at once, as twenty connections with the same cookie could send them.
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const checked = await Promise.all(guesses.map((guess) => services.progressCodes.check(parent.reference, guess, asker)));
    expect(checked.filter((each) => each.ok)).toEqual([]);
    const row = await services.db.get<{ tries: number }>("SELECT tries FROM progress_codes WHERE case_id = (SELECT id FROM cases WHERE reference = ?)", [parent.reference]);
    expect(Number(row?.tries)).toBe(5);
    expect(await services.progressCodes.check(parent.reference, code, asker)).toEqual({ ok: false });
  });

  it("sends a case at most 3 codes an hour and 6 a day, and keeps spent codes for the day's count", async () => {
    const parent = await send(people.parent);
    let now = Date.parse("2026-12-07T09:00:00Z");
    const codes = new ProgressCodes(services.db, services.sealer, services.cases, "s".repeat(32), () => now);
    const ask = () => codes.issue(services.sealer.seal(JSON.stringify({ reference: parent.reference, language: "en", asker: randomUUID() })));
    const sent = async (times: number) => {
      let count = 0;
      for (let i = 0; i < times; i++) if (await ask()) count += 1;
      return count;
    };
    expect(await sent(5)).toBe(3);
    now += 61 * 60_000;
    // A delivery tried again is the same request: a new code in its row, not another of the day's codes.
    const retried = JSON.stringify({ reference: parent.reference, language: "en", asker: randomUUID() });
    const kept = async () => Number((await services.db.get<{ count: number }>("SELECT COUNT(*) AS count FROM progress_codes"))!.count);
    expect(await codes.issue(services.sealer.seal(retried))).not.toBeNull();
    expect(await kept()).toBe(4);
    const again = await codes.issue(services.sealer.seal(retried));
    expect(await kept()).toBe(4);
    expect((await codes.check(parent.reference, again!.code, JSON.parse(retried).asker as string)).ok).toBe(true);
    // A right code opens the page; the spent code still counts.
    const asker = randomUUID();
    const issued = await codes.issue(services.sealer.seal(JSON.stringify({ reference: parent.reference, language: "en", asker })));
    expect((await codes.check(parent.reference, issued!.code, asker)).ok).toBe(true);
    expect(await sent(5)).toBe(1);
    now += 61 * 60_000;
    expect(await sent(3)).toBe(0);
    // The day's housekeeping keeps what still counts.
    expect(await codes.sweep()).toBe(0);
    now += 22 * 60 * 60_000;
    expect(await sent(5)).toBe(3);
    expect(await codes.sweep()).toBeGreaterThanOrEqual(3);
    // A request queued before codes were kept for their session is never sent a code.
    expect(await codes.issue(services.sealer.seal(JSON.stringify({ reference: parent.reference, language: "en" })))).toBeNull();
  });

  it("keeps to the limit for requests handled at once, and counts the rest as held back", async () => {
    const parent = await send(people.parent);
    const now = Date.parse("2026-12-07T09:00:00Z");
    // Two workers' worth of codes objects, on the same database, each with a batch of requests made at once.
    const workers = [0, 1].map(() => new ProgressCodes(services.db, services.sealer, services.cases, "s".repeat(32), () => now));
    const ask = (codes: ProgressCodes) => codes.issue(services.sealer.seal(JSON.stringify({ reference: parent.reference, language: "en", asker: randomUUID() })));
    const issued = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(workers[i % 2]!)));
    expect(issued.filter(Boolean)).toHaveLength(progressCodeRules.perCasePerHour);
    expect(await workers[0]!.heldBackSince(now - 1)).toEqual([{ reference: parent.reference, count: 10 - progressCodeRules.perCasePerHour }]);
  });
});
