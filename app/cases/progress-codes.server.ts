// Codes for "Check your complaint". The page takes a reference and always answers the same, whether the reference is
// right or not: the request only queues a job, and the worker decides whether a case has that reference and an email
// address the person said may be used; only then is a code made, kept as an HMAC, and sent. A code works for 15
// minutes and for 5 tries. What the page says about a try depends only on the person's own session (how many tries,
// how long since they asked), never on whether a case exists, so it cannot be used to find out whether one does.
import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { mayWriteTo } from "~/delivery/contact-permission";
import { enqueueJobs } from "~/delivery/outbox.server";
import type { Database } from "~/services/database.server";
import type { Sealer } from "~/services/encryption.server";
import type { CaseStore } from "./case-store.server";

/** How long a code works, how many tries it allows, and how many codes a case may be sent an hour. */
export const progressCodeRules = { minutes: 15, tries: 5, perCasePerHour: 3 } as const;

export interface CodeRequest {
  reference: string;
  language: string;
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

  /** Queues the work: the same one write whatever the reference. */
  async request(request: CodeRequest): Promise<void> {
    await this.db.transaction((tx) =>
      enqueueJobs(tx, { reference: null, type: "case.progress-code" }, [{ kind: "progress-code", target: "person", payload: this.sealer.seal(JSON.stringify(request)) }], this.now()),
    );
  }

  /**
   * The worker's half: makes and keeps a code when the reference is a case's and its person may be written to, within
   * the hourly limit; returns where to send it, or null when nothing is to be sent.
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
    const now = this.now();
    const recent = await this.db.get<{ count: number }>("SELECT COUNT(*) AS count FROM progress_codes WHERE case_id = ? AND created_at > ?", [found.id, now - 3_600_000]);
    if (Number(recent?.count ?? 0) >= progressCodeRules.perCasePerHour) return null;
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await this.db.run("INSERT INTO progress_codes (id, case_id, code_hash, expires_at, tries, created_at) VALUES (?, ?, ?, ?, 0, ?)", [
      randomUUID(),
      found.id,
      this.hash(found.id, code),
      now + progressCodeRules.minutes * 60_000,
      now,
    ]);
    return { caseId: found.id, email: decision.email, language: contact.language, code };
  }

  /** Whether `code` is the live code of the case with this reference; every try counts against the code. */
  async check(reference: string, code: string): Promise<CodeCheck> {
    const found = await this.cases.byReference(reference);
    const now = this.now();
    const live = found
      ? await this.db.get<{ id: string; code_hash: string; tries: number }>(
          "SELECT id, code_hash, tries FROM progress_codes WHERE case_id = ? AND expires_at > ? ORDER BY created_at DESC LIMIT 1",
          [found.id, now],
        )
      : undefined;
    if (!found || !live || Number(live.tries) >= progressCodeRules.tries) return { ok: false };
    await this.db.run("UPDATE progress_codes SET tries = tries + 1 WHERE id = ?", [live.id]);
    const expected = Buffer.from(live.code_hash);
    const given = Buffer.from(this.hash(found.id, code));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false };
    // Used once: the code stops working as soon as it has opened the page.
    await this.db.run("DELETE FROM progress_codes WHERE case_id = ?", [found.id]);
    return { ok: true, caseId: found.id };
  }

  /** Codes past their time are deleted with the rest of the day's housekeeping. */
  async sweep(): Promise<number> {
    return (await this.db.run("DELETE FROM progress_codes WHERE expires_at <= ?", [this.now()])).changes;
  }
}
