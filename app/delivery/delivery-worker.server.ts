// Delivers what the outbox holds: claims due jobs with a lease, sends each, and records the result.
// Nothing is sent from inside a web request; this runs beside the web server or alone (`npm run worker`).
import { redactRemoteText } from "./redact";
import { logger } from "~/services/logger.server";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { AppConfig } from "~/config/config.server";
import { fallbackLanguage, isSupportedLanguage } from "~/i18n";
import { journeyById, webhookTypeOf } from "~/journeys/journeys";
import type { JourneyAnswers } from "~/journeys/session-data";
import type { StoredSubmission, SubmissionStore } from "~/services/submissions.server";
import type { Retention } from "~/services/retention.server";
import type { Translations } from "~/services/translations.server";
import { renderAcknowledgement } from "@emails/acknowledgement";
import { renderCaseDigest } from "@emails/case-digest";
import { renderDeadLetterAlert, teamMayNotKnow } from "@emails/dead-letter-alert";
import { renderProgressCode } from "@emails/progress-code";
import { renderStaffNotification } from "@emails/staff-notification";
import { buildDigest, isEmptyDigest, type Digest } from "~/cases/case-digest";
import type { CaseStore } from "~/cases/case-store.server";
import { caseUpdatedPayload } from "~/cases/case-webhook";
import { progressCodeRules, type ProgressCodes } from "~/cases/progress-codes.server";
import { isWorkingDay, londonDate } from "~/working-days";
import { enqueueJobs } from "./outbox.server";
import { MailError, type MailTransport } from "./mail-transport.server";
import type { DeliveryJob, Outbox } from "./outbox.server";
import { mayWriteTo } from "./contact-permission";
import { sendWebhook, WebhookError } from "./send-webhook.server";
import type { WebhookPayload } from "./webhook-payload";
import type { EvidenceFile, EvidenceStore } from "~/evidence/evidence-store.server";
import type { EvidenceLinks } from "~/evidence/download.server";
import { evidenceTypes } from "~/evidence/file-types";

const ALERT_INTERVAL_MS = 3_600_000;

/**
 * What the jobs of one claimed batch read about their submissions, read once for all of them. A submission's jobs
 * (its staff emails, the acknowledgement, the webhook) are written together and so are usually claimed together,
 * and neither a stored submission nor its list of files changes after the send: each read was made once a job,
 * a round trip to the database each (issue 17's delivery target on PostgreSQL).
 */
class BatchReads {
  private readonly submissions = new Map<string, Promise<StoredSubmission | null>>();
  private readonly files = new Map<string, Promise<EvidenceFile[]>>();

  constructor(private readonly deps: Pick<DeliveryWorkerDeps, "submissions" | "evidence">) {}

  submission(id: string): Promise<StoredSubmission | null> {
    return once(this.submissions, id, () => this.deps.submissions.byId(id));
  }

  filesOf(submissionId: string): Promise<EvidenceFile[]> {
    return once(this.files, submissionId, () => this.deps.evidence.listForSubmission(submissionId));
  }
}

function once<T>(made: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let promise = made.get(key);
  if (!promise) made.set(key, (promise = make()));
  return promise;
}

export interface DeliveryWorkerDeps {
  config: AppConfig;
  outbox: Outbox;
  submissions: SubmissionStore;
  cases: CaseStore;
  progressCodes: ProgressCodes;
  translations: Translations;
  mail: MailTransport;
  /** Files sent with submissions: attached to the staff email, linked from the webhook. */
  evidence: EvidenceStore;
  evidenceLinks: EvidenceLinks;
  /** When given, the worker also deletes personal data past its retention period, once a day. */
  retention?: Retention;
  now?: () => number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface DeliveryWorkerOptions {
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  webhookTimeoutMs?: number;
  /** The hour (London) from which the day's digest is sent (7 unless told); null: this worker never writes it. */
  digestHour?: number | null;
}



class PermanentFailure extends Error {}

const londonHours = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });

function londonHour(instant: Date): number {
  return Number(londonHours.format(instant));
}

/** A sent file as the webhook lists it, with a signed link to download it that works from `now` (the attempt). */
export function webhookFile(file: EvidenceFile, links: EvidenceLinks, now: number): WebhookPayload["data"]["files"][number] {
  const link = links.linkFor(file.id, now);
  return { id: file.id, name: file.name, type: file.type, mimeType: evidenceTypes[file.type].mime, size: file.size, sha256: file.sha256, scan: file.scan, url: link.url, expiresAt: link.expiresAt };
}

export function webhookPayload(submission: StoredSubmission, type: string, now: number, files: WebhookPayload["data"]["files"] = []): WebhookPayload {
  const urgency = journeyById(submission.journey)?.urgencyOf?.(submission.answers as JourneyAnswers) ?? null;
  return {
    type,
    timestamp: new Date(now).toISOString(),
    schemaVersion: 1,
    data: {
      reference: submission.reference as WebhookPayload["data"]["reference"],
      journey: submission.journey,
      answersSchemaVersion: submission.schemaVersion,
      submittedAt: submission.submittedAt,
      language: submission.language as WebhookPayload["data"]["language"],
      replyBy: submission.replyBy,
      service: submission.service,
      flags: submission.flags as WebhookPayload["data"]["flags"],
      urgent: urgency !== null,
      urgentBy: urgency?.by ?? null,
      answers: submission.answers as JourneyAnswers,
      files,
    },
  };
}

export class DeliveryWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly now: () => number;
  private readonly log: (entry: Record<string, unknown>) => void;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly webhookTimeoutMs: number;
  private readonly digestHour: number | null;
  /** The last London day this worker looked at the digest for: it looks once a day, not once a poll. */
  private digestCheckedOn = "";
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly deps: DeliveryWorkerDeps, options: DeliveryWorkerOptions = {}) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? (({ level, msg, ...fields }) => logger[(level as "info" | "warn" | "error" | undefined) ?? "info"](fields, String(msg)));
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 10;
    this.pollMs = options.pollMs ?? 1_000;
    this.webhookTimeoutMs = options.webhookTimeoutMs ?? 15_000;
    this.digestHour = options.digestHour === undefined ? 7 : options.digestHour;
  }

  /** Delivers every job due now, batch by batch; returns how many were attempted. */
  async runOnce(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const jobs = await this.deps.outbox.claim(this.owner, this.now(), this.leaseMs, this.batchSize);
      if (!jobs.length) break;
      const reads = new BatchReads(this.deps);
      await Promise.all(jobs.map((job) => this.deliver(job, reads)));
      attempted += jobs.length;
    }
    await this.alertDeadLetters();
    if (await this.digestIfDue()) attempted += await this.runOnce();
    return attempted;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.runOnce();
          await this.purgeDaily();
        } catch (error) {
          this.log({ level: "error", msg: "delivery loop failed", error: String(error) });
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.deps.mail.close();
  }

  private async deliver(job: DeliveryJob, reads: BatchReads): Promise<void> {
    const started = this.now();
    try {
      await this.send(job, reads);
      await this.deps.outbox.markDone(job, this.owner, this.now());
      this.log({ msg: "delivered", job: job.id, kind: job.kind, target: job.target, attempt: job.attempts, ms: this.now() - started });
    } catch (error) {
      const permanent = error instanceof PermanentFailure || ((error instanceof MailError || error instanceof WebhookError) && error.permanent);
      const retryAfterMs = error instanceof WebhookError ? error.retryAfterMs : null;
      // Stored, logged and shown to operators only after what a remote server may have quoted back is taken out.
      const message = redactRemoteText(error instanceof Error ? error.message : String(error));
      const outcome = await this.deps.outbox.markFailed(job, this.owner, this.now(), message, permanent, retryAfterMs);
      this.log({ level: outcome === "dead" ? "error" : "warn", msg: outcome === "dead" ? "dead letter" : "delivery failed, will retry", job: job.id, kind: job.kind, target: job.target, attempt: job.attempts, error: message });
    }
  }

  private async send(job: DeliveryJob, reads: BatchReads): Promise<void> {
    switch (job.kind) {
      case "staff-email":
      case "acknowledgement":
      case "webhook": {
        const submission = job.submissionId ? await reads.submission(job.submissionId) : null;
        if (!submission) throw new PermanentFailure("the submission no longer exists");
        return this.sendForSubmission(job, submission, reads);
      }
      case "case-webhook":
        return this.sendCaseWebhook(job);
      case "progress-code":
        return this.sendProgressCode(job);
      case "case-digest":
        return this.sendDigest(job);
    }
  }

  private async sendCaseWebhook(job: DeliveryJob): Promise<void> {
    const { cases, config } = this.deps;
    const found = job.payload ? await cases.eventById(job.payload) : null;
    if (!found || !job.reference) throw new PermanentFailure("the case event no longer exists");
    const state = await cases.stateAt(found.caseId, found.seq);
    if (!state) throw new PermanentFailure("the case no longer exists");
    const endpoint = config.webhooks.find((w) => w.name === job.target);
    if (!endpoint) throw new PermanentFailure(`no webhook endpoint called ${job.target}`);
    const body = JSON.stringify(caseUpdatedPayload(job.reference, found.seq, found.source, found.event, state, config.council.timetable, this.now()));
    await sendWebhook(endpoint, job.id, body, this.webhookTimeoutMs, this.now);
  }

  /**
   * A request for a progress code: made and sent only if the reference is a case's whose person may be written to
   * (progress-codes.server.ts); otherwise the job is done with nothing sent, and nothing said about why.
   */
  private async sendProgressCode(job: DeliveryJob): Promise<void> {
    const { progressCodes, translations, mail } = this.deps;
    if (!job.payload) throw new PermanentFailure("the request is empty");
    const issued = await progressCodes.issue(job.payload);
    if (!issued) return;
    const language = isSupportedLanguage(issued.language) ? issued.language : fallbackLanguage;
    const t = translations[language].getFixedT(language, ["emails", "common"]);
    await mail.send({ to: issued.email, ...renderProgressCode({ code: issued.code, minutes: progressCodeRules.minutes, language, council: this.deps.config.council, t }), messageId: `<${job.id}@complaints-portal>` });
  }

  private async sendDigest(job: DeliveryJob): Promise<void> {
    const { config, translations, mail } = this.deps;
    const to = config.council.mailboxes[job.target];
    if (!to || !job.payload) throw new PermanentFailure(`no mailbox called ${job.target}`);
    // A digest queued by an earlier release has none of the lists added since.
    const digest = { codesHeldBack: [], nextStageNotStarted: [], nextStageCannotStart: [], panelsOverdue: [], panelsDueSoon: [], ...(JSON.parse(job.payload) as Partial<Digest>) } as Digest;
    await mail.send({ to, ...renderCaseDigest(digest, translations.en.getFixedT("en", ["emails", "common"]), config.council.timetable), messageId: `<${job.id}@complaints-portal>` });
  }

  /**
   * Once a working day, from the digest hour, one worker of all those sharing the database writes the day's digest
   * into the outbox (the day's row in case_digests is the claim), unless there is nothing to say. True when one
   * was written.
   */
  private async digestIfDue(): Promise<boolean> {
    const now = new Date(this.now());
    const today = londonDate(now);
    if (this.digestHour === null || today === this.digestCheckedOn || !isWorkingDay(today) || londonHour(now) < this.digestHour) return false;
    const { cases, config, outbox, progressCodes } = this.deps;
    // Held-back requests for codes since the last digest; the first digest looks back a week.
    const since = (await outbox.lastDigestBefore(today)) ?? this.now() - 7 * 86_400_000;
    // Closed cases changed in the last 90 days are read too, for requests for the next stage made after their reply.
    const cased = await cases.casesForDigest(this.now() - 90 * 86_400_000);
    const digest = buildDigest(cased, config.council.timetable, today, await progressCodes.heldBackSince(since));
    const written = await outbox.claimDay(today, this.now(), async (tx) => {
      if (isEmptyDigest(digest)) return;
      await enqueueJobs(tx, { reference: null, type: "case.digest" }, [{ kind: "case-digest", target: config.council.complaintsManagerMailbox, payload: JSON.stringify(digest) }], this.now());
    });
    this.digestCheckedOn = today;
    if (written && !isEmptyDigest(digest)) {
      const { overdue, dueSoon, notAcknowledged, nextStageNotStarted, nextStageCannotStart, panelsOverdue, panelsDueSoon, codesHeldBack } = digest;
      this.log({
        msg: "case digest written",
        day: today,
        overdue: overdue.length,
        dueSoon: dueSoon.length,
        notAcknowledged: notAcknowledged.length,
        nextStageNotStarted: nextStageNotStarted.length,
        nextStageCannotStart: nextStageCannotStart.length,
        panelsOverdue: panelsOverdue.length,
        panelsDueSoon: panelsDueSoon.length,
        codesHeldBack: codesHeldBack.length,
      });
    }
    return written && !isEmptyDigest(digest);
  }

  private async sendForSubmission(job: DeliveryJob, submission: StoredSubmission, reads: BatchReads): Promise<void> {
    const { config, translations, mail } = this.deps;
    const journey = journeyById(submission.journey);
    if (!journey) throw new PermanentFailure(`unknown journey ${submission.journey}`);
    const messageId = `<${job.id}@complaints-portal>`;
    switch (job.kind) {
      case "staff-email": {
        const to = config.council.mailboxes[job.target];
        if (!to) throw new PermanentFailure(`no mailbox called ${job.target}`);
        const t = translations.en.getFixedT("en", [journey.id, "emails", "common"]);
        const detail = config.env.STAFF_EMAIL_DETAIL;
        const files = await reads.filesOf(submission.id);
        const total = files.reduce((sum, file) => sum + file.size, 0);
        // Attached in full mode up to the council's limit; above it, or in summary mode, only listed.
        const attach = detail === "full" && files.length > 0 && total <= config.evidence.attachMaxBytes;
        const email = renderStaffNotification({ journey, submission, detail, council: config.council, t, files: { list: files, attached: attach, totalBytes: total } });
        await mail.send({ to, ...email, messageId, attachments: attach ? await this.attachments(files) : undefined });
        return;
      }
      case "acknowledgement": {
        // Asked again at the moment of sending: the one rule decides, whatever was planned.
        const decision = mayWriteTo(journey.contactOf(submission.answers as JourneyAnswers), "acknowledgement");
        if (!decision.allowed) throw new PermanentFailure(`not sent: ${decision.reason}`);
        const language = isSupportedLanguage(submission.language) ? submission.language : fallbackLanguage;
        const t = translations[language].getFixedT(language, [journey.id, "emails", "common"]);
        await mail.send({ to: decision.email, ...renderAcknowledgement({ journey, submission, council: config.council, publicUrl: config.publicUrl, t }), messageId });
        return;
      }
      case "webhook": {
        const endpoint = config.webhooks.find((w) => w.name === job.target);
        if (!endpoint) throw new PermanentFailure(`no webhook endpoint called ${job.target}`);
        // Links are made afresh on each attempt, so a retried webhook never carries one that has run out.
        const files = (await reads.filesOf(submission.id)).map((file) => webhookFile(file, this.deps.evidenceLinks, this.now()));
        const body = JSON.stringify(webhookPayload(submission, webhookTypeOf(journey), this.now(), files));
        await sendWebhook(endpoint, job.id, body, this.webhookTimeoutMs, this.now);
        return;
      }
      default:
        throw new PermanentFailure(`${job.kind} is not a submission's job`);
    }
  }

  /** A submission's files, read a piece at a time into the email (at most EVIDENCE_ATTACH_MAX_MB in all). */
  private async attachments(files: readonly EvidenceFile[]): Promise<{ filename: string; content: Buffer; contentType: string }[]> {
    const out: { filename: string; content: Buffer; contentType: string }[] = [];
    for (const file of files) {
      const opened = await this.deps.evidence.openSubmitted(file.id);
      if (!opened) throw new Error("an evidence file is no longer there");
      const pieces: Buffer[] = [];
      for await (const piece of opened.content) pieces.push(piece);
      out.push({ filename: file.name, content: Buffer.concat(pieces), contentType: evidenceTypes[file.type].mime });
    }
    return out;
  }

  /** Once a day across every worker sharing the database, not once per worker. */
  private async purgeDaily(): Promise<void> {
    const { retention, config } = this.deps;
    if (!retention) return;
    const purged = await retention.purgeIfDue(this.now(), config.env.RETENTION_DAYS);
    if (purged) this.log({ msg: "personal data past its retention period deleted", submissions: purged });
  }

  /**
   * At most one alert an hour across every worker, listing every dead letter not yet reported, and every team's copy
   * of a submission still being retried DELIVERY_LATE_ALERT_MINUTES after the send (each reported once while late,
   * and again if it dies).
   */
  private async alertDeadLetters(): Promise<void> {
    const { outbox, config, mail, translations } = this.deps;
    const now = this.now();
    const lateAfterMinutes = config.env.DELIVERY_LATE_ALERT_MINUTES;
    const dead = await outbox.unalertedDeadLetters();
    const late = await outbox.unalertedLateTeamCopies(now, lateAfterMinutes * 60_000);
    if (!dead.length && !late.length) return;
    const administrator = config.council.mailboxes[config.council.administratorMailbox];
    if (!administrator || !(await outbox.claimAlert(now, ALERT_INTERVAL_MS))) return;
    // A team's copy of a submission that has not arrived: the complaints manager is told too, so that someone who can
    // act on the submission within its time limits knows of it, not only whoever can fix the mail.
    const manager = late.length || teamMayNotKnow(dead) ? config.council.mailboxes[config.council.complaintsManagerMailbox] : undefined;
    const to = [...new Set([administrator, ...(manager ? [manager] : [])])].join(", ");
    try {
      await mail.send({ to, ...renderDeadLetterAlert({ dead, late, lateAfterMinutes }, translations.en.getFixedT("en", ["emails"])) });
      await outbox.recordAlert([...dead, ...late], now);
      this.log({ level: "warn", msg: "dead letter alert sent", count: dead.length, late: late.length });
    } catch (error) {
      await outbox.releaseAlert(now);
      this.log({ level: "error", msg: "dead letter alert could not be sent", error: redactRemoteText(String(error)) });
    }
  }
}
