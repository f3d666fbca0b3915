// Delivery against real servers: an SMTP server and an HTTP receiver on 127.0.0.1, and a real SQLite file.
import { execFile, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "~/config/config.server";
import type { EvidenceType } from "~/evidence/file-types";
import { nextStageRequestDeadline } from "~/cases/timetable";
import { complaintJourney } from "~/journeys/complaint-journey";
import type { JourneyAnswers } from "~/journeys/session-data";
import { storeJourneySubmission } from "~/journeys/submit-journey.server";
import { createMailTransport, createServices, workerDeps, type Services } from "~/services/services.server";
import { MailCatcher } from "../../tests/support/mail-catcher";
import { WebhookReceiver } from "../../tests/support/webhook-receiver";
import { DeliveryWorker } from "./delivery-worker.server";
import { webhookPayloadSchema } from "./webhook-payload";

const secret = `whsec_${Buffer.alloc(32, 42).toString("base64")}`;

const answers: JourneyAnswers = {
  service: { service: "childrens-social-care" },
  "who-are-you": { role: "child-or-young-person" },
  "your-age": { age: "14" },
  "about-who": { about: "me" },
  "what-happened": { "what-happened": "My social worker stopped visiting." },
  when: { "when-day": "", "when-month": "3", "when-year": "2024", "still-happening": [] },
  "why-now": { "why-now": "I was scared to say." },
  "put-right": { "put-right": "" },
  "complained-before": { before: "no" },
  advocate: { advocate: "yes" },
  "reply-format": { format: "standard", "other-help": "" },
  "your-name": { "full-name": "Jamie" },
  contact: { method: "email", email: "jamie@example.org" },
  "safe-contact": { "safe-times": "After school", "leave-message": "yes", "say-council": "yes" },
};
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";

describe.each(engines)("delivery on %s", (engine) => {
  let dir: string;
  let mail: MailCatcher;
  let receiver: WebhookReceiver;
  let services: Services;
  let clock: number;
  let workers: DeliveryWorker[];
  let database: TestDatabase;

  function worker(options: ConstructorParameters<typeof DeliveryWorker>[1] = {}): DeliveryWorker {
    const created = new DeliveryWorker(
      workerDeps(services, createMailTransport(services.config), { now: () => clock, log: () => {}, retention: undefined }),
      // These tests count every message sent. On the real clock they run on, the complaints manager's daily digest
      // is due on any working day from 07:00 London time, so these workers never write it; its own tests
      // (app/cases/case-progress.integration.test.ts, tests/e2e/case-progress.spec.ts) set the day and hour.
      { webhookTimeoutMs: 2_000, digestHour: null, ...options },
    );
    workers.push(created);
    return created;
  }

  async function submit(language = "en", custom: JourneyAnswers = answers) {
    const stored = await storeJourneySubmission(services, { journey: complaintJourney, answers: custom, language, runId: randomUUID(), today: "2026-11-26" });
    // Jobs are due from the real moment they were written; the test clock must not lag behind it.
    clock = Math.max(clock, Date.now());
    return stored;
  }

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "delivery-"));
    mail = new MailCatcher();
    await mail.start();
    receiver = new WebhookReceiver(secret, () => clock);
    await receiver.start();
    database = await createTestDatabase(engine, dir);
    const config = loadConfig(
      { DATA_DIR: dir, DATABASE_URL: database.url, SMTP_URL: mail.url, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: secret },
      () => {},
    );
    services = await createServices(config);
    clock = Date.now();
    workers = [];
  });

  afterEach(async () => {
    for (const w of workers) await w.stop();
    await services.db.close();
    await database.drop();
    await mail.stop();
    await receiver.stop();
  });

  describe("delivery", () => {
    it("sends the staff emails, the acknowledgement and a signed webhook, each once", async () => {
      const submission = await submit();
      expect(await services.outbox.forSubmission(submission.id)).toHaveLength(4);
      await worker().runOnce();

      const staff = mail.to("childrens-complaints@example.org");
      expect(staff).toHaveLength(1);
      expect(staff[0]!.subject).toBe(`Complaint · Children's social care · ${submission.reference} · ADVOCATE · LATE · UNDER 18`);
      for (const part of [staff[0]!.text, staff[0]!.html]) {
        for (const answer of ["My social worker stopped visiting.", "I was scared to say.", "jamie@example.org", "After school", "Jamie"]) expect(part).toContain(answer);
      }
      expect(staff[0]!.html).toContain('<html lang="en" dir="ltr">');
      expect(staff[0]!.text.indexOf("Which service")).toBeLessThan(staff[0]!.text.indexOf("What happened"));
      expect(mail.to("advocacy-referrals@example.org")).toHaveLength(1);

      const acknowledgement = mail.to("jamie@example.org");
      expect(acknowledgement).toHaveLength(1);
      // The reference is inside, not in the subject, which shows on a locked phone.
      expect(acknowledgement[0]!.subject).not.toContain(submission.reference);
      expect(acknowledgement[0]!.text).toContain(submission.reference);
      expect(acknowledgement[0]!.text).toContain("advocate");
      expect(acknowledgement[0]!.text).not.toContain("My social worker stopped visiting.");

      const hooks = receiver.accepted();
      expect(hooks).toHaveLength(1);
      expect(hooks[0]!.verified).toBe(true);
      const payload = webhookPayloadSchema.parse(hooks[0]!.json);
      expect(payload.type).toBe("complaint.submitted");
      expect(payload.data.reference).toBe(submission.reference);
      expect(payload.data.answers).toEqual(answers);
      expect((await services.outbox.forSubmission(submission.id)).every((job) => job.state === "done")).toBe(true);
      expect(await worker().runOnce()).toBe(0);
      expect(mail.messages).toHaveLength(3);
    });

    it("never writes to someone who said we may not say we are from the council, or leave a message, and tells staff first", async () => {
      for (const safety of [{ "leave-message": "yes", "say-council": "no" }, { "leave-message": "no", "say-council": "yes" }]) {
        const submission = await submit("en", { ...answers, "safe-contact": { "safe-times": "After school", ...safety } });
        const jobs = await services.outbox.forSubmission(submission.id);
        expect(jobs.map((job) => job.kind).sort()).toEqual(["staff-email", "staff-email", "webhook"]);
        await worker().runOnce();
        expect(mail.to("jamie@example.org")).toEqual([]);
        const staff = mail.to("childrens-complaints@example.org").find((m) => m.subject.includes(submission.reference))!;
        expect(staff.subject).toBe(`SAFE CONTACT · Complaint · Children's social care · ${submission.reference} · ADVOCATE · LATE · UNDER 18`);
        // The safe-contact box comes before everything else, the heading included.
        const text = staff.text;
        expect(text.indexOf("Contacting them safely")).toBeGreaterThan(-1);
        expect(text.indexOf("Contacting them safely")).toBeLessThan(text.indexOf("New complaint"));
        expect(text.slice(0, text.indexOf("New complaint"))).toContain(safety["say-council"] === "no" ? "Do not say you are from the council" : "Do not leave a message");
        expect(staff.html.indexOf("Contacting them safely")).toBeLessThan(staff.html.indexOf("New complaint"));
        expect(staff.html).toMatch(/<div style="border: 5px solid #0b0c0c;[^"]*"><h2[^>]*>Contacting them safely/);
      }
    });

    it("puts an urgent complaint first: URGENT leads the subject, the duty manager hears of it, the webhook and the acknowledgement say so", async () => {
      const urgent = { ...answers, "about-to-happen": { "about-to-happen": "yes", "what-happens": "A move to a new foster home", "happens-on-day": "3", "happens-on-month": "12", "happens-on-year": "2026" } };
      const submission = await submit("en", urgent);
      expect(submission.flags[0]).toBe("urgent");
      await worker().runOnce();
      const duty = mail.to("duty-manager@example.org");
      expect(duty).toHaveLength(1);
      expect(duty[0]!.subject).toBe(`URGENT · Complaint · Children's social care · ${submission.reference} · ADVOCATE · LATE · UNDER 18`);
      expect(duty[0]!.text.indexOf("Something is about to happen")).toBeLessThan(duty[0]!.text.indexOf("New complaint"));
      expect(duty[0]!.text).toContain("A move to a new foster home");
      expect(mail.to("childrens-complaints@example.org")[0]!.subject).toMatch(/^URGENT · /);
      const payload = webhookPayloadSchema.parse(receiver.accepted().find((hook) => (hook.json as { data?: { reference?: string } }).data?.reference === submission.reference)!.json);
      expect(payload.data).toMatchObject({ urgent: true, urgentBy: "2026-12-03", flags: ["urgent", "advocate", "late", "under-18"] });
      expect(mail.to("jamie@example.org")[0]!.text).toMatch(/something is about to happen, someone will contact you by/);
    });

    it("acknowledges in Polish a complaint made in Polish", async () => {
      await submit("pl");
      await worker().runOnce();
      const [acknowledgement] = mail.to("jamie@example.org");
      expect(acknowledgement!.html).toContain('<html lang="pl" dir="ltr">');
      expect(acknowledgement!.text).toMatch(/Twoja|numer/);
    });

    it("acknowledges in Arabic, right to left, a complaint made in Arabic, and tells staff, in English, which language it was", async () => {
      const submission = await submit("ar");
      await worker().runOnce();
      const [acknowledgement] = mail.to("jamie@example.org");
      expect(acknowledgement!.html).toContain('<html lang="ar" dir="rtl">');
      // Lists start on the right in clients that ignore logical properties.
      expect(acknowledgement!.html).not.toContain("padding-left");
      expect(acknowledgement!.subject).toMatch(/[\u0600-\u06FF]/);
      expect(acknowledgement!.text).toMatch(/[\u0600-\u06FF]/);
      // The reference is written exactly as everywhere else.
      expect(acknowledgement!.text).toContain(submission.reference);
      const [staff] = mail.to("childrens-complaints@example.org");
      expect(staff!.html).toContain('<html lang="en" dir="ltr">');
      expect(staff!.text).toContain("in Arabic");
    });

    it("tells a public health complainant of one stage and the Ombudsman, and a children's social care one of three stages", async () => {
      await submit("en", { ...answers, service: { service: "public-health" }, contact: { method: "email", email: "ph@example.org" } });
      await submit();
      await worker().runOnce();
      const [publicHealth] = mail.to("ph@example.org");
      expect(publicHealth!.text).toContain("Local Government and Social Care Ombudsman");
      expect(publicHealth!.text).not.toMatch(/stage 2|stage 3/);
      const [social] = mail.to("jamie@example.org");
      expect(social!.text).toMatch(/\(stage 2\).*\(stage 3\)/s);
    });

    it("keeps everything while the mail server is down, and delivers it once when it is back", async () => {
      const port = mail.port;
      await mail.stop();
      const submission = await submit();
      const w = worker();
      await w.runOnce();
      expect((await services.outbox.forSubmission(submission.id)).filter((j) => j.kind !== "webhook").every((j) => j.state === "pending" && j.lastError)).toBe(true);
      mail = new MailCatcher();
      await mail.start(port);
      clock += 60_000;
      await w.runOnce();
      expect(mail.messages).toHaveLength(3);
      expect(new Set(mail.messages.map((m) => m.messageId)).size).toBe(3);
      const sent = mail.messages.map((m) => m.messageId);
      clock += 24 * 3_600_000;
      await w.runOnce();
      // Nothing is sent again a day later (the complaints manager's digest may come, by the hour the test runs at).
      expect(mail.messages.filter((m) => !m.subject.startsWith("Complaints to act on")).map((m) => m.messageId)).toEqual(sent);
    });

    it("retries an SMTP 451 and delivers when the server accepts", async () => {
      let calls = 0;
      mail.behaviour = () => (calls++ === 0 ? 451 : "accept");
      await submit("en", { ...answers, advocate: { advocate: "no" }, contact: { method: "none" } });
      const w = worker();
      await w.runOnce();
      expect(mail.messages).toHaveLength(0);
      clock += 6_000;
      await w.runOnce();
      expect(mail.messages).toHaveLength(1);
    });

    it("makes a dead letter of an SMTP 550 at once, and alerts the administrator", async () => {
      mail.behaviour = () => 550;
      const submission = await submit("en", { ...answers, advocate: { advocate: "no" }, contact: { method: "none" } });
      const w = worker();
      await w.runOnce();
      const [job] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "staff-email");
      expect(job!.state).toBe("failed");
      expect(job!.attempts).toBe(1);
      expect(job!.lastError).toContain("550");
      mail.behaviour = () => "accept";
      clock += 60_000;
      await w.runOnce();
      const alerts = mail.to("portal-admin@example.org");
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.text).toContain(job!.id);
      expect(alerts[0]!.text).toContain(submission.reference);
      // The team never had it: the complaints manager is told too, which submission, first.
      expect(alerts[0]!.to).toContain("complaints-manager@example.org");
      expect(alerts[0]!.subject).toMatch(/, and a team may not know of a submission$/);
      expect(alerts[0]!.text).toContain("so the team may not know of it.");
      expect(alerts[0]!.text).toContain(`The email to the team's mailbox ${job!.target} for ${submission.reference} (job ${job!.id}): `);
      expect(alerts[0]!.text).not.toContain("Jamie");
    });

    it("stores, logs and alerts a mail server's refusal without the address it quotes back", async () => {
      mail.behaviour = () => 550;
      const submission = await submit();
      const w = worker();
      await w.runOnce();
      const jobs = await services.outbox.forSubmission(submission.id);
      const acknowledgement = jobs.find((j) => j.kind === "acknowledgement")!;
      expect(acknowledgement.state).toBe("failed");
      expect(acknowledgement.lastError).toContain("Recipient address rejected");
      for (const job of jobs) expect(job.lastError ?? "").not.toMatch(/@example\.org/);
      mail.behaviour = () => "accept";
      clock += 60_000;
      await w.runOnce();
      const alert = mail.to("portal-admin@example.org")[0]!;
      expect(alert.text).toContain("Recipient address rejected");
      expect(alert.text).not.toContain("jamie@example.org");
    });

    it("sends at most one alert an hour, listing every new dead letter", async () => {
      mail.behaviour = () => 550;
      await submit("en", { ...answers, advocate: { advocate: "no" }, contact: { method: "none" } });
      const w = worker();
      await w.runOnce();
      mail.behaviour = () => "accept";
      await w.runOnce();
      expect(mail.to("portal-admin@example.org")).toHaveLength(1);
      receiver.behaviour = () => 400;
      await submit("en", { ...answers, advocate: { advocate: "no" }, contact: { method: "none" } });
      await w.runOnce();
      expect(mail.to("portal-admin@example.org")).toHaveLength(1);
      clock += 3_600_001;
      await w.runOnce();
      expect(mail.to("portal-admin@example.org")).toHaveLength(2);
    });

    it("tells the administrator and the complaints manager of a team's copy still not delivered an hour after the send, once, and again when it is given up", async () => {
      receiver.behaviour = () => 503;
      const submission = await submit();
      const w = worker();
      await w.runOnce();
      // Retried at 5 seconds, 5 minutes and 30 minutes: not yet an hour, nothing said.
      for (const wait of [6_000, 6 * 60_000, 31 * 60_000]) {
        clock += wait;
        await w.runOnce();
      }
      expect(mail.to("portal-admin@example.org")).toHaveLength(0);
      // An hour after the send, still being retried: told, both of them, which submission.
      clock += 25 * 60_000;
      await w.runOnce();
      const [late] = mail.to("portal-admin@example.org");
      expect(late!.to).toContain("complaints-manager@example.org");
      expect(late!.subject).toBe("Complaints portal: a team's copy of a submission is not delivered after 60 minutes");
      expect(late!.text).toContain(`The copy for the case system`);
      expect(late!.text).toContain(`for ${submission.reference} (job `);
      expect(late!.text).not.toContain("Jamie");
      // Not again while it is retried.
      for (let hour = 0; hour < 3; hour++) {
        clock += 3_600_001;
        await w.runOnce();
      }
      expect(mail.to("portal-admin@example.org")).toHaveLength(1);
      // Given up after the last retry: told again, as a dead letter.
      const webhookJob = async () => (await services.outbox.forSubmission(submission.id)).find((j) => j.kind === "webhook")!;
      for (let day = 0; day < 15 && (await webhookJob()).state !== "failed"; day++) {
        clock += 25 * 3_600_000;
        await w.runOnce();
      }
      expect((await webhookJob()).state).toBe("failed");
      clock += 3_600_001;
      await w.runOnce();
      const alerts = mail.to("portal-admin@example.org");
      expect(alerts).toHaveLength(2);
      expect(alerts[1]!.subject).toBe("Complaints portal: 1 message could not be delivered, and a team may not know of a submission");
    });

    it("retries a webhook answered 500 three times, with the same webhook-id, and delivers it once", async () => {
      let calls = 0;
      receiver.behaviour = () => (++calls <= 3 ? 500 : 200);
      await submit();
      const w = worker();
      await w.runOnce();
      for (const wait of [6_000, 6 * 60_000, 40 * 60_000]) {
        clock += wait;
        await w.runOnce();
      }
      expect(receiver.received).toHaveLength(4);
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
      expect(receiver.accepted()).toHaveLength(1);
      clock += 48 * 3_600_000;
      await w.runOnce();
      expect(receiver.received).toHaveLength(4);
    });

    it("honours Retry-After", async () => {
      let calls = 0;
      receiver.behaviour = () => (++calls === 1 ? { status: 503, headers: { "Retry-After": "120" } } : 200);
      await submit();
      const w = worker();
      await w.runOnce();
      clock += 60_000;
      await w.runOnce();
      expect(receiver.received).toHaveLength(1);
      clock += 61_000;
      await w.runOnce();
      expect(receiver.accepted()).toHaveLength(1);
    });

    it("makes a dead letter of a webhook answered 400, and alerts", async () => {
      receiver.behaviour = () => 400;
      const submission = await submit();
      await worker().runOnce();
      const [job] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "webhook");
      expect(job!.state).toBe("failed");
      expect(job!.lastError).toBe("HTTP 400");
      expect(mail.to("portal-admin@example.org")).toHaveLength(1);
    });

    it("does not follow redirects", async () => {
      receiver.behaviour = () => ({ status: 302, headers: { Location: "http://127.0.0.1:1/elsewhere" } });
      const submission = await submit();
      await worker().runOnce();
      const [job] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "webhook");
      expect(job!.state).toBe("failed");
      expect(receiver.received).toHaveLength(1);
    });

    it("times out a receiver that hangs, and retries", async () => {
      let calls = 0;
      receiver.behaviour = () => (++calls === 1 ? "hang" : 200);
      const submission = await submit();
      const w = worker({ webhookTimeoutMs: 500 });
      await w.runOnce();
      const [job] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "webhook");
      expect(job!.state).toBe("pending");
      expect(job!.lastError).toContain("no answer within");
      clock += 6_000;
      await w.runOnce();
      expect(receiver.accepted()).toHaveLength(1);
    });

    it("delivers a job whose worker was killed with SIGKILL after claiming it", async () => {
      receiver.behaviour = () => "hang";
      const submission = await submit("en", { ...answers, advocate: { advocate: "no" }, contact: { method: "none" } });
      const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register-glob.mjs", "server/worker-main.ts"], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: services.config.env.DATABASE_URL, SMTP_URL: mail.url, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: secret },
        stdio: "ignore",
      });
      const deadline = Date.now() + 20_000;
      while (!receiver.received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(receiver.received).toHaveLength(1);
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      const [claimed] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "webhook");
      expect(claimed!.state).toBe("pending");

      receiver.behaviour = () => 200;
      clock = Date.now() + 61_000;
      await worker().runOnce();
      const [job] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "webhook");
      expect(job!.state).toBe("done");
      expect(receiver.received.map((r) => r.id)).toEqual([job!.id, job!.id]);
      expect(receiver.accepted()).toHaveLength(1);
    }, 30_000);

    it("keeps CR/LF, markup and long lines in answers out of headers and markup", async () => {
      const hostile = "Sam\r\nBcc: attacker@example.com\r\nSubject: hacked";
      const long = "word ".repeat(2_000);
      await submit("en", {
        ...answers,
        "your-name": { "full-name": hostile },
        "what-happened": { "what-happened": `<script>alert(1)</script> <img src=x onerror=alert(2)>\n${long}` },
      });
      await worker().runOnce();
      expect(mail.messages.every((m) => m.to.every((to) => !to.includes("attacker")))).toBe(true);
      expect(mail.messages.some((m) => m.subject.includes("hacked"))).toBe(false);
      const [staff] = mail.to("childrens-complaints@example.org");
      expect(staff!.headers.get("bcc")).toBeUndefined();
      expect(staff!.html).not.toContain("<script>");
      expect(staff!.html).not.toContain("<img");
      expect(staff!.html).toContain("&lt;script&gt;");
      expect(staff!.text).toContain("<script>alert(1)</script>");
      expect(staff!.raw.split(/\r?\n/).every((line) => line.length <= 998)).toBe(true);
    });

    describe("with evidence files", () => {
      const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
      const letter = { name: "letter from school.pdf", type: "pdf" as EvidenceType, bytes: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(700 * 1024, 7)]) };
      const photo = { name: "photo of the note.jpg", type: "jpeg" as EvidenceType, bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(500 * 1024, 9)]) };

      /** A complaint sent with files the person uploaded to its run, as the evidence page stores them. */
      async function submitWithFiles(files: (typeof letter)[]) {
        const runId = randomUUID();
        const session = await services.sessions.load(new Request("http://localhost/"));
        session.data.journeys.complaint = { runId, answers: { service: answers.service! } };
        await services.sessions.save(session);
        const owner = { sessionId: session.id!, journey: "complaint", runId };
        for (const file of files) {
          const pending = await services.evidence.begin(owner, file.name);
          await pending.write(file.bytes);
          await pending.commit({ type: file.type, sha256: sha256(file.bytes), scan: "clean" });
        }
        const stored = await storeJourneySubmission(services, { journey: complaintJourney, answers, language: "en", runId, today: "2026-11-26", evidence: owner });
        clock = Math.max(clock, Date.now());
        return stored;
      }

      const withSettings = (env: Record<string, string>) => {
        const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: database.url, SMTP_URL: mail.url, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: secret, ...env }, () => {});
        services = { ...services, config };
      };

      it("reads a submission and its files once for all of its jobs claimed together, and each job still gets them", async () => {
        const first = await submitWithFiles([letter]);
        const second = await submit();
        // Counted on the way to the real stores: what the database was asked, not a stand-in's answer.
        const reads = { submissions: [] as string[], files: [] as string[] };
        const byId = services.submissions.byId.bind(services.submissions);
        const listForSubmission = services.evidence.listForSubmission.bind(services.evidence);
        services.submissions.byId = (id) => (reads.submissions.push(id), byId(id));
        services.evidence.listForSubmission = (id) => (reads.files.push(id), listForSubmission(id));
        expect(await worker().runOnce()).toBe(8);
        expect(reads.submissions.sort()).toEqual([first.id, second.id].sort());
        expect(reads.files.sort()).toEqual([first.id, second.id].sort());
        // Both staff emails and both webhooks carry their own submission's files: the first's letter, the second's none.
        const staff = mail.to("childrens-complaints@example.org");
        expect(staff.map((message) => message.text.includes(letter.name)).sort()).toEqual([false, true]);
        const hooks = receiver.accepted().map((hook) => webhookPayloadSchema.parse(hook.json).data);
        expect(hooks.map((hook) => [hook.reference, hook.files.map((file) => file.name)]).sort()).toEqual(
          [[first.reference, [letter.name]], [second.reference, []]].sort(),
        );
      });

      it("lists each file in the staff email and attaches them while they are within the council's limit", async () => {
        const submission = await submitWithFiles([letter, photo]);
        await worker().runOnce();
        const [staff] = mail.to("childrens-complaints@example.org");
        expect(staff!.text).toContain("Files they sent");
        expect(staff!.text).toContain("letter from school.pdf – PDF, 700KB, checked for viruses");
        expect(staff!.text).toContain("photo of the note.jpg – JPG image, 500KB, checked for viruses");
        expect(staff!.text).toContain("The files are attached to this email.");
        const parsed = await simpleParser(staff!.raw);
        // Files added in the same millisecond come in the store's order (time, then id): compare them by name.
        const byName = <T extends [string | undefined, ...unknown[]]>(rows: T[]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        expect(byName(parsed.attachments.map((a) => [a.filename, sha256(a.content)]))).toEqual([
          [letter.name, sha256(letter.bytes)],
          [photo.name, sha256(photo.bytes)],
        ]);

        // The webhook lists them with their SHA-256 and a signed link that works for 7 days from this attempt, by the
        // worker's clock (the test's), so the expiry is exact whatever the machine was doing.
        const hook = receiver.received.find((w) => w.verified)!;
        const payload = webhookPayloadSchema.parse(hook.json);
        expect(payload.data.reference).toBe(submission.reference);
        expect(byName(payload.data.files.map((f) => [f.name, f.type, f.size, f.sha256, f.scan]))).toEqual([
          [letter.name, "pdf", letter.bytes.length, sha256(letter.bytes), "clean"],
          [photo.name, "jpeg", photo.bytes.length, sha256(photo.bytes), "clean"],
        ]);
        for (const file of payload.data.files) {
          const url = new URL(file.url);
          expect(url.pathname).toBe(`/api/files/${file.id}`);
          expect(services.evidenceLinks.verify(file.id, url.searchParams.get("expires"), url.searchParams.get("signature"))).toBe(true);
          expect(Date.parse(file.expiresAt)).toBe(Math.floor((clock + 7 * 86_400_000) / 1000) * 1000);
        }
      });

      it("says the files are in the case system, attaching none, when together they pass the limit", async () => {
        withSettings({ EVIDENCE_ATTACH_MAX_MB: "1" });
        await submitWithFiles([letter, photo]);
        await worker().runOnce();
        const [staff] = mail.to("childrens-complaints@example.org");
        expect(staff!.text).toContain("letter from school.pdf – PDF, 700KB");
        expect(staff!.text).toContain("The files are too large to attach (1.2MB in all): open them from the case in the case system.");
        expect((await simpleParser(staff!.raw)).attachments).toHaveLength(0);
        expect(webhookPayloadSchema.parse(receiver.received.find((w) => w.verified)!.json).data.files).toHaveLength(2);
      });

      it("sends each file's kind and size only, no name and no attachments, in summary mode", async () => {
        withSettings({ STAFF_EMAIL_DETAIL: "summary" });
        await submitWithFiles([letter]);
        await worker().runOnce();
        const [staff] = mail.to("childrens-complaints@example.org");
        expect(staff!.text).toContain("PDF – 700KB");
        expect(staff!.text).not.toContain("checked for viruses");
        // A file's name is whatever the person called it, and may name a child.
        expect(staff!.text).not.toContain("letter from school");
        expect(staff!.html).not.toContain("letter from school");
        expect(staff!.text).toContain("Open the files from the case in the case system.");
        expect((await simpleParser(staff!.raw)).attachments).toHaveLength(0);
      });
    });

    it("summarises without personal data when the council asks for it", async () => {
      const config = { ...services.config, env: { ...services.config.env, STAFF_EMAIL_DETAIL: "summary" as const } };
      services = { ...services, config };
      const submission = await submit();
      await worker().runOnce();
      const [staff] = mail.to("childrens-complaints@example.org");
      expect(staff!.text).toContain(submission.reference);
      for (const personal of ["Jamie", "jamie@example.org", "My social worker"]) {
        expect(staff!.text).not.toContain(personal);
        expect(staff!.html).not.toContain(personal);
      }
    });

    it("lets operators list, show and retry jobs without showing personal data", async () => {
      receiver.behaviour = () => 400;
      const submission = await submit();
      await worker().runOnce();
      const [dead] = (await services.outbox.forSubmission(submission.id)).filter((j) => j.kind === "webhook");
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: services.config.env.DATABASE_URL };
      // Run without blocking this process's event loop, so the receiver's kept-alive connections age as they would.
      const outbox = (...args: string[]) =>
        new Promise<{ status: number | null; stdout: string }>((resolve) => {
          execFile(process.execPath, ["--import", "tsx", "--import", "./scripts/register-glob.mjs", "server/outbox-cli.ts", ...args], { env, encoding: "utf8" }, (error, stdout) =>
            resolve({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout }),
          );
        });
      const failed = await outbox("list", "--state", "failed");
      expect(failed.status).toBe(0);
      expect(failed.stdout).toContain(dead!.id);
      expect(failed.stdout).toContain(submission.reference);
      expect(failed.stdout).toContain("HTTP 400");
      expect(failed.stdout).toContain("1 job");
      const shown = await outbox("show", dead!.id);
      expect(shown.stdout).toContain('"attempts": 1');
      for (const output of [failed.stdout, shown.stdout, (await outbox("list")).stdout]) {
        for (const personal of ["Jamie", "jamie@example.org", "social worker"]) expect(output).not.toContain(personal);
      }
      expect((await outbox("retry", dead!.id)).status).toBe(0);
      receiver.behaviour = () => 200;
      clock = Date.now();
      await worker().runOnce();
      expect(receiver.accepted()).toHaveLength(1);
      expect((await outbox("list", "--state", "nonsense")).status).toBe(2);
    }, 90_000); // four runs of the CLI, each a Node process: slow on a busy two-core machine

    it("purges answers RETENTION_DAYS after the last job finished even when one died, keeping the dead letter's record without them", async () => {
      mail.behaviour = () => 550;
      const submission = await submit("en", { ...answers, advocate: { advocate: "no" } });
      await worker().runOnce();
      const dead = (await services.outbox.forSubmission(submission.id)).filter((j) => j.state === "failed");
      expect(dead.length).toBeGreaterThan(0);
      expect(await services.retention.purge(Date.now() + 29 * 86_400_000, 30)).toBe(0);
      expect(await services.retention.purge(Date.now() + 31 * 86_400_000, 30)).toBe(1);
      expect(await services.submissions.byId(submission.id)).toBeNull();
      const kept = await services.db.all<{ id: string; submission_id: string | null; reference: string | null; last_error: string | null; state: string }>(
        "SELECT id, submission_id, reference, last_error, state FROM delivery_jobs WHERE reference = ?",
        [submission.reference],
      );
      expect(kept.map((j) => j.id).sort()).toEqual(dead.map((j) => j.id).sort());
      for (const job of kept) {
        expect(job.state).toBe("failed");
        expect(job.submission_id).toBeNull();
        expect(job.last_error ?? "").not.toMatch(/jamie|@/i);
      }
    });

    it("deletes answers once every delivery succeeded, and a case's timeline once it has been closed that long, keeping an anonymous statistics row", async () => {
      const delivered = await submit();
      const waiting = await submit();
      await worker().runOnce();
      // The second submission's webhook is still failing: its data must stay.
      const waitingJob = (await services.outbox.forSubmission(waiting.id)).find((j) => j.kind === "webhook")!;
      await services.db.run("UPDATE delivery_jobs SET state = 'pending', done_at = NULL WHERE id = ?", [waitingJob.id]);
      expect(await services.retention.purge(Date.now() + 29 * 86_400_000, 30)).toBe(0);
      expect(await services.retention.purge(Date.now() + 31 * 86_400_000, 30)).toBe(1);
      expect(await services.submissions.byId(delivered.id)).toBeNull();
      expect(await services.submissions.byId(waiting.id)).not.toBeNull();
      expect(await services.outbox.forSubmission(delivered.id)).toHaveLength(0);
      // The complaint's case outlives its answers: the progress page needs it until it has been closed a while.
      const followed = await services.cases.byReference(delivered.reference);
      expect(followed?.state.stages[0]?.stage).toBe(1);
      expect(await services.db.all("SELECT id FROM statistics")).toEqual([]);
      // Made over 12 months after the events: not counted as accepted out of time until the council says it accepted it.
      expect(followed?.state).toMatchObject({ madeLate: true, acceptedOutOfTime: false });
      await services.cases.applyOutside(delivered.reference, { type: "time-limit-waived", date: "2026-11-27" }, { source: "staff" });
      await services.cases.applyOutside(delivered.reference, { type: "replied", stage: 1, outcome: "partly-upheld", date: "2026-11-27" }, { source: "staff" });
      await services.cases.applyOutside(delivered.reference, { type: "closed", date: "2026-11-27" }, { source: "staff" });
      const stats = await services.db.all<{ kind: string; record: string; type: string }>("SELECT kind, record, type FROM statistics");
      expect(stats).toHaveLength(1);
      expect(stats[0]!.kind).toBe("case");
      expect(JSON.parse(stats[0]!.record)).toMatchObject({ service: "childrens-social-care", role: "child-or-young-person", advocateAsked: true, acceptedOutOfTime: true, closedOn: "2026-11-27", stages: [{ stage: 1, outcome: "partly-upheld" }] });
      expect(JSON.stringify(stats)).not.toContain("Jamie");
      const closedAt = Date.parse("2026-11-27T12:00:00Z");
      // A code request the limit held back is kept with the case (by its id), and goes with it.
      await services.db.run("INSERT INTO progress_code_refusals (id, case_id, refused_at) VALUES (?, ?, ?)", ["held-back", followed!.id, closedAt]);
      await services.retention.purge(closedAt + 29 * 86_400_000, 30);
      expect(await services.db.all("SELECT id FROM progress_code_refusals")).toHaveLength(1);
      expect(await services.cases.byReference(delivered.reference)).not.toBeNull();
      // Closed with its stage 1 reply: kept while the person may still ask for stage 2, and as long again as a closed case.
      await services.retention.purge(closedAt + 31 * 86_400_000, 30);
      expect(await services.cases.byReference(delivered.reference)).not.toBeNull();
      const askBy = Date.parse(`${nextStageRequestDeadline(services.config.council.timetable, "childrens-social-care", 1, "2026-11-27")}T12:00:00Z`);
      await services.retention.purge(askBy + 30 * 86_400_000, 30);
      expect(await services.cases.byReference(delivered.reference)).not.toBeNull();
      await services.retention.purge(askBy + 31 * 86_400_000, 30);
      expect(await services.cases.byReference(delivered.reference)).toBeNull();
      expect(await services.db.all("SELECT id FROM case_events")).toHaveLength(0);
      expect(await services.db.all("SELECT id FROM progress_code_refusals")).toHaveLength(0);
      expect(await services.db.all("SELECT id FROM statistics")).toHaveLength(1);
    });
  });
});
