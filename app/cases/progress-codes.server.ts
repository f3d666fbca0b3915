// Codes for "Check your complaint". The page takes a reference and always answers the same, whether the reference is
// right or not: the request only queues a job, and the worker decides whether a case has that reference and an email
// address the person said may be used; only then is a code made, kept as an HMAC, and sent. A code works for 15
// minutes and for 5 tries, and only in the session that asked for it: someone else who knows the reference can
// neither use the person's code nor, by asking for one of their own, stop it working. A case is sent at most 3 codes
// an hour and 6 a day, so guessing at the codes someone else is sent gets 30 tries a day in a million. A request the
// limit holds back is recorded (case and time only) for the complaints manager's digest: someone who knows the
// reference may be trying to see the case, or the person may be struggling to get in. What the page
// says about a try depends only on the person's own session (how many tries, how long since they asked), never on
// whether a case exists, so it cannot be used to find out whether one does.
import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { mayWriteTo } from "~/delivery/contact-permission";
import { isSupportedLanguage } from "~/i18n";
import { enqueueJobs } from "~/delivery/outbox.server";
import type { Database } from "~/services/database.server";
import type { Sealer } from "~/services/encryption.server";
import type { HeldBackCodes } from "./case-digest";
import type { CaseStore } from "./case-store.server";

/** How long a code works, how many tries it allows, and how many codes a case may be sent an hour and a day. */
export const progressCodeRules = { minutes: 15, tries: 5, perCasePerHour: 3, perCasePerDay: 6 } as const;

const dayMs = 24 * 3_600_000;
/** How long a held-back request is kept for the digest: long enough to cover the longest run of days without one. */
const refusalKeepMs = 30 * dayMs;

export interface CodeRequest {
  reference: string;
  language: string;
  /** A random id kept in the asking session (its progress state): the code works only with it. */
  asker: string;
}

export type CodeCheck = { ok: true; caseId: string } | { ok: false };

export class ProgressCodes {
  constructor(
    private readonly db: Database,
    private readonly sealer: Sealer,
    private readonly cases: CaseStore,
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  private hash(caseId: string, code: string): string {
    return createHmac("sha256", this.secret).update(`progress-code:${caseId}:${code}`).digest("base64url");
  }

  /** The asking session's id as kept with its code: not the id itself. */
  private askerHash(caseId: string, asker: string): string {
    return createHmac("sha256", this.secret).update(`progress-asker:${caseId}:${asker}`).digest("base64url");
  }

  /**
   * Queues the work: the same one write whatever the reference. Returns the asker id for the session to keep: the
   * code, if one is sent, works only with it.
   */
  async request({ reference, language }: Omit<CodeRequest, "asker">): Promise<string> {
    const request: CodeRequest = { reference, language, asker: randomBytes(16).toString("base64url") };
    await this.db.transaction((tx) =>
      enqueueJobs(tx, { reference: null, type: "case.progress-code" }, [{ kind: "progress-code", target: "person", payload: this.sealer.seal(JSON.stringify(request)) }], this.now()),
    );
    return request.asker;
  }

  /**
   * The worker's half: makes and keeps a code when the reference is a case's and its person may be written to, within
   * the hourly and daily limits; returns where to send it, or null when nothing is to be sent. A delivery tried again
   * (the mail server was down) gives the same request a new code in the same row: one request is one code.
   */
  async issue(sealedRequest: string): Promise<{ caseId: string; email: string; language: string; code: string } | null> {
    const request = JSON.parse(this.sealer.open(sealedRequest)) as CodeRequest;
    const found = await this.cases.byReference(request.reference);
    if (!found) return null;
    const contact = await this.cases.contactOf(found.id);
    if (!contact) return null;
    // The one rule decides, with what the person said when they complained.
    const decision = mayWriteTo({ method: "email", email: contact.email, phone: null, address: null, safety: contact.safety }, "progress-code");
    if (!decision.allowed) return null;
    // In the language of the page they asked on (they are waiting for it there), or the complaint's.
    const language = isSupportedLanguage(request.language) ? request.language : contact.language;
    // A request queued before codes were kept for their session has no asker: no code could ever be used.
    if (typeof request.asker !== "string" || !request.asker) return null;
    const now = this.now();
    const askerHash = this.askerHash(found.id, request.asker);
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const expiresAt = now + progressCodeRules.minutes * 60_000;
    // Counted and kept under the case's lock, in one transaction: requests the worker handles at once (a batch, or
    // several workers) cannot all read a count under the limit before any of them adds to it.
    const issued = await this.db.transaction(async (tx) => {
      await tx.get(`SELECT id FROM cases WHERE id = ?${this.db.forUpdate}`, [found.id]);
      const mine = await tx.get<{ id: string }>("SELECT id FROM progress_codes WHERE case_id = ? AND asker = ?", [found.id, askerHash]);
      if (mine) {
        await tx.run("UPDATE progress_codes SET code_hash = ?, expires_at = ?, tries = 0 WHERE id = ?", [this.hash(found.id, code), expiresAt, mine.id]);
        return true;
      }
      const recent = await tx.get<{ hour: number; day: number }>(
        "SELECT COUNT(CASE WHEN created_at > ? THEN 1 END) AS hour, COUNT(*) AS day FROM progress_codes WHERE case_id = ? AND created_at > ?",
        [now - 3_600_000, found.id, now - dayMs],
      );
      if (Number(recent?.hour ?? 0) >= progressCodeRules.perCasePerHour || Number(recent?.day ?? 0) >= progressCodeRules.perCasePerDay) {
        await tx.run("INSERT INTO progress_code_refusals (id, case_id, refused_at) VALUES (?, ?, ?)", [randomUUID(), found.id, now]);
        return false;
      }
      await tx.run("INSERT INTO progress_codes (id, case_id, code_hash, expires_at, tries, created_at, asker) VALUES (?, ?, ?, ?, 0, ?, ?)", [
        randomUUID(),
        found.id,
        this.hash(found.id, code),
        expiresAt,
        now,
        askerHash,
      ]);
      return true;
    });
    if (!issued) return null;
    return { caseId: found.id, email: decision.email, language, code };
  }

  /**
   * Whether `code` is the live code the session `asker` was sent for the case with this reference (its newest);
   * every try counts against the code.
   */
  async check(reference: string, code: string, asker: string | undefined): Promise<CodeCheck> {
    const found = await this.cases.byReference(reference);
    if (!found || !asker) return { ok: false };
    const askerHash = this.askerHash(found.id, asker);
    const live = await this.db.get<{ id: string; code_hash: string; tries: number }>(
      "SELECT id, code_hash, tries FROM progress_codes WHERE case_id = ? AND asker = ? AND expires_at > ? ORDER BY created_at DESC LIMIT 1",
      [found.id, askerHash, this.now()],
    );
    if (!live || Number(live.tries) >= progressCodeRules.tries) return { ok: false };
    // The try is taken in the same statement that checks one is left: guesses sent at once, on any number of
    // connections and instances, cannot all read a count under the limit before any of them adds to it.
    // The hash read must still be the row's: a new request for a code may have replaced both since.
    const taken = await this.db.run("UPDATE progress_codes SET tries = tries + 1 WHERE id = ? AND tries < ? AND code_hash = ?", [live.id, progressCodeRules.tries, live.code_hash]);
    if (taken.changes !== 1) return { ok: false };
    const expected = Buffer.from(live.code_hash);
    const given = Buffer.from(this.hash(found.id, code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false };
    // Used once: the session's codes stop working as soon as one has opened the page. They are kept, spent, for
    // the day's count.
    await this.db.run("UPDATE progress_codes SET tries = ? WHERE case_id = ? AND asker = ?", [progressCodeRules.tries, found.id, askerHash]);
    return { ok: true, caseId: found.id };
  }

  /** The cases whose requests the limit held back after `since` (epoch ms), most first, then by reference. */
  async heldBackSince(since: number): Promise<HeldBackCodes[]> {
    const rows = await this.db.all<{ reference: string; count: number }>(
      "SELECT cases.reference AS reference, COUNT(*) AS count FROM progress_code_refusals JOIN cases ON cases.id = progress_code_refusals.case_id WHERE refused_at > ? GROUP BY cases.reference",
      [since],
    );
    return rows.map((row) => ({ reference: row.reference, count: Number(row.count) })).sort((a, b) => b.count - a.count || a.reference.localeCompare(b.reference));
  }

  /**
   * Housekeeping, every few minutes and with `npm run purge`: codes past their time, once a day old (they count
   * towards the day's limit until then), and held-back requests older than the digest needs. Returns how many went.
   */
  async sweep(): Promise<number> {
    const now = this.now();
    const codes = await this.db.run("DELETE FROM progress_codes WHERE expires_at <= ? AND created_at <= ?", [now, now - dayMs]);
    const refusals = await this.db.run("DELETE FROM progress_code_refusals WHERE refused_at <= ?", [now - refusalKeepMs]);
    return codes.changes + refusals.changes;
  }
}
