// Cases in the database: opened with a complaint (in the submission's own transaction) or registered by staff,
// moved on by events from the case system or typed by staff, each event checked against the case's state under a
// lock on its row and stored with the state it led to. A closed case leaves its anonymous statistics row; a
// reopened one takes it back until it closes again. Every accepted event is sent on as a `case.updated` webhook.
import { randomUUID } from "node:crypto";
import type { Timetable } from "~/config/council-schema";
import { enqueueJobs, type PlannedJob } from "~/delivery/outbox.server";
import { caseJourney } from "~/journeys/journeys";
import { generateReference } from "~/reference.server";
import { isUniqueViolation, type Database, type Queryable, type Statement } from "~/services/database.server";
import type { Sealer } from "~/services/encryption.server";
import { londonDate } from "~/working-days";
import type { PersonContact } from "~/journeys/journey-types";
import type { CaseEvent, TimelineEvent } from "./case-events";
import { applyEvent, isSettled, requestAsRecorded, waitingRequests, caseRecordOf, closedCaseNeededUntil, currentStage, openCase, replay, replyDueOn, type CaseOpening, type CaseState, type Refusal } from "./case-state";

/** Who recorded an event. */
export type EventSource = "case-system" | "staff" | "portal";

/** Where a progress code may be sent: kept sealed, only when the person's answers allow writing to them. */
export interface CaseContact {
  email: string;
  language: string;
  /** What they said is safe, for the one rule to read again before anything is sent. */
  safety: PersonContact["safety"];
}

export interface StoredCase {
  id: string;
  reference: string;
  state: CaseState;
}

export interface TimelineEntry {
  seq: number;
  event: TimelineEvent;
  source: EventSource;
  recordedAt: number;
}

export type EventOutcome =
  | { status: "applied"; case: StoredCase; eventId: string }
  | { status: "duplicate" }
  | { status: "not-found" }
  | { status: "refused"; refusal: Refusal };

interface CaseRow {
  id: string;
  reference: string;
  state: string;
  contact: string | null;
}

export interface CaseStoreOptions {
  timetable: Timetable;
  /** Names of the webhook endpoints every accepted event is sent to. */
  webhookNames: readonly string[];
  now?: () => number;
}

export const caseUpdatedType = "case.updated";

/** What a case opened by a send is tied to: the submission, and where a progress code may go. */
export interface CaseLinks {
  submissionId?: string | null;
  contact?: CaseContact | null;
}

export class CaseStore {
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    private readonly sealer: Sealer,
    private readonly options: CaseStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get timetable(): Timetable {
    return this.options.timetable;
  }

  /** Opens a case inside another transaction (the complaint's own): stored means followed. */
  async openIn(tx: Queryable, opening: CaseOpening, links: CaseLinks = {}): Promise<StoredCase> {
    const { statement, opened } = this.opening(opening, links);
    await tx.run(statement.sql, statement.params);
    return opened;
  }

  /** The write that opens a case, for a caller that runs it together with its own (`Queryable.runTogether`). */
  opening(opening: CaseOpening, { submissionId = null, contact = null }: CaseLinks = {}): { statement: Statement; opened: StoredCase } {
    const state = openCase(opening, this.options.timetable);
    const id = randomUUID();
    const now = this.now();
    return {
      statement: {
        sql: `INSERT INTO cases (id, reference, submission_id, opening, state, contact, current_stage, due_on, acknowledgement_due_on, closed_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
        params: [id, opening.reference, submissionId, JSON.stringify(opening), JSON.stringify(state), contact ? this.sealer.seal(JSON.stringify(contact)) : null, currentStage(state).stage, replyDueOn(state), state.acknowledgementDueOn, now, now],
      },
      opened: { id, reference: opening.reference, state },
    };
  }

  /** A complaint made by phone, letter, email or in person, typed in by staff: it gets a reference like any other. */
  async register(opening: Omit<CaseOpening, "reference">): Promise<StoredCase> {
    const prefix = caseJourney?.referencePrefix;
    if (!prefix) throw new Error("No registered journey opens cases");
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.db.transaction((tx) => this.openIn(tx, { ...opening, reference: generateReference(prefix) }));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error("Could not find a free reference after 5 attempts");
  }

  async byReference(reference: string, tx: Queryable = this.db): Promise<StoredCase | null> {
    const row = await tx.get<CaseRow>("SELECT id, reference, state, contact FROM cases WHERE reference = ?", [reference]);
    return row ? { id: row.id, reference: row.reference, state: JSON.parse(row.state) as CaseState } : null;
  }

  /** Where a progress code for this case may go, if anywhere. */
  async contactOf(caseId: string): Promise<CaseContact | null> {
    const row = await this.db.get<{ contact: string | null }>("SELECT contact FROM cases WHERE id = ?", [caseId]);
    return row?.contact ? (JSON.parse(this.sealer.open(row.contact)) as CaseContact) : null;
  }

  async timeline(caseId: string): Promise<TimelineEntry[]> {
    const rows = await this.db.all<{ seq: number; event: string; source: EventSource; recorded_at: number }>(
      "SELECT seq, event, source, recorded_at FROM case_events WHERE case_id = ? ORDER BY seq",
      [caseId],
    );
    return rows.map((row) => ({ seq: Number(row.seq), event: JSON.parse(row.event) as TimelineEvent, source: row.source, recordedAt: Number(row.recorded_at) }));
  }

  /** The case as it stood just after its event number `seq`: what a webhook for that event describes. */
  async stateAt(caseId: string, seq: number): Promise<CaseState | null> {
    const row = await this.db.get<{ opening: string }>("SELECT opening FROM cases WHERE id = ?", [caseId]);
    if (!row) return null;
    const events = (await this.timeline(caseId)).filter((entry) => entry.seq <= seq).map((entry) => entry.event);
    return replay(JSON.parse(row.opening) as CaseOpening, events, this.options.timetable);
  }

  async eventById(eventId: string): Promise<{ caseId: string; seq: number; event: TimelineEvent; source: EventSource } | null> {
    const row = await this.db.get<{ case_id: string; seq: number; event: string; source: EventSource }>("SELECT case_id, seq, event, source FROM case_events WHERE id = ?", [eventId]);
    return row ? { caseId: row.case_id, seq: Number(row.seq), event: JSON.parse(row.event) as TimelineEvent, source: row.source } : null;
  }

  /**
   * Records an event from outside (the case system or staff). `webhookId` makes a delivery count once: the same id
   * again is a duplicate and changes nothing. The date defaults to today in London.
   */
  applyOutside(reference: string, event: CaseEvent, { source, webhookId = null }: { source: Exclude<EventSource, "portal">; webhookId?: string | null }): Promise<EventOutcome> {
    return this.record(reference, { ...event, date: event.date ?? londonDate(new Date(this.now())) }, source, webhookId);
  }

  /** Records one of the portal's own events (a request for the next stage) inside the submission's transaction. */
  async recordPortalEventIn(tx: Queryable, reference: string, event: TimelineEvent): Promise<EventOutcome> {
    // Dated by the submission it comes from, which is its own today.
    return this.recordIn(tx, reference, event, "portal", null, event.date);
  }

  private async record(reference: string, event: TimelineEvent, source: EventSource, webhookId: string | null): Promise<EventOutcome> {
    try {
      return await this.db.transaction((tx) => this.recordIn(tx, reference, event, source, webhookId));
    } catch (error) {
      // The same delivery arriving twice at once, for two different cases: the second's id is taken.
      if (webhookId && isUniqueViolation(error)) return { status: "duplicate" };
      throw error;
    }
  }

  private async recordIn(tx: Queryable, reference: string, given: TimelineEvent, source: EventSource, webhookId: string | null, today = londonDate(new Date(this.now()))): Promise<EventOutcome> {
    const row = await tx.get<CaseRow>(`SELECT id, reference, state, contact FROM cases WHERE reference = ?${this.db.forUpdate}`, [reference]);
    // Looked for under the case's lock, so two deliveries of one event are applied once.
    if (webhookId && (await tx.get("SELECT 1 AS seen FROM case_events WHERE webhook_id = ?", [webhookId]))) return { status: "duplicate" };
    if (!row) return { status: "not-found" };
    const before = JSON.parse(row.state) as CaseState;
    // A request for the next stage is settled against the case as it is now, and stored settled: replay reads it as
    // it was recorded, whatever the case became.
    const event = given.type === "next-stage-requested" && !isSettled(given) ? requestAsRecorded(before, given, this.options.timetable) : given;
    // Staff, or the case system, recording a request already waiting for the council's answer: the same call or letter
    // recorded twice. (A person may send the portal's form twice; each is theirs, and kept.)
    const waiting = event.type === "next-stage-requested" && source !== "portal" ? waitingRequests(before).find((request) => request.stage === event.stage) : undefined;
    if (waiting) return { status: "refused", refusal: { title: "Already asked", detail: `A request for stage ${waiting.stage} made on ${waiting.on} is waiting: answer it with stage-started or next-stage-declined.`, field: "stage" } };
    const applied = applyEvent(before, event, this.options.timetable, today);
    if (!applied.ok) return { status: "refused", refusal: applied.refusal };
    const state = applied.state;
    const now = this.now();
    const seq = Number((await tx.get<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM case_events WHERE case_id = ?", [row.id]))?.seq ?? 0) + 1;
    const eventId = randomUUID();
    await tx.run("INSERT INTO case_events (id, case_id, seq, type, event, source, webhook_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
      eventId,
      row.id,
      seq,
      event.type,
      JSON.stringify(event),
      source,
      webhookId,
      now,
    ]);
    await tx.run("UPDATE cases SET state = ?, current_stage = ?, due_on = ?, acknowledgement_due_on = ?, closed_on = ?, updated_at = ? WHERE id = ?", [
      JSON.stringify(state),
      currentStage(state).stage,
      state.closedOn ? null : replyDueOn(state),
      state.acknowledgedOn || state.closedOn ? null : state.acknowledgementDueOn,
      state.closedOn,
      now,
      row.id,
    ]);
    // The annual report's counts must be exact: the row is written when the case closes, and taken back if it reopens.
    if (state.closedOn && !before.closedOn) {
      await tx.run("INSERT INTO statistics (id, type, kind, record, case_id, advocate_asked, late, submitted_on, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        randomUUID(),
        "case.closed",
        "case",
        JSON.stringify(caseRecordOf(state)),
        row.id,
        state.advocateAsked ? 1 : 0,
        state.acceptedOutOfTime ? 1 : 0,
        state.receivedOn,
        state.reach?.language ?? "",
      ]);
    } else if (!state.closedOn && before.closedOn) {
      await tx.run("DELETE FROM statistics WHERE case_id = ?", [row.id]);
    } else if (state.closedOn) {
      // The Ombudsman may still act on a closed case, and the person may still ask for the next stage: its row follows.
      await tx.run("UPDATE statistics SET record = ?, advocate_asked = ? WHERE case_id = ?", [JSON.stringify(caseRecordOf(state)), state.advocateAsked ? 1 : 0, row.id]);
    }
    const jobs: PlannedJob[] = this.options.webhookNames.map((target) => ({ kind: "case-webhook", target, payload: eventId }));
    await enqueueJobs(tx, { caseId: row.id, reference: row.reference, type: caseUpdatedType }, jobs, now);
    return { status: "applied", case: { id: row.id, reference: row.reference, state }, eventId };
  }

  /** For the staff digest: open cases, and closed ones changed after `since` (epoch ms): a request for the next stage changes a closed case. */
  async casesForDigest(since: number): Promise<StoredCase[]> {
    const rows = await this.db.all<CaseRow>("SELECT id, reference, state, contact FROM cases WHERE closed_on IS NULL OR updated_at > ? ORDER BY reference", [since]);
    return rows.map((row) => ({ id: row.id, reference: row.reference, state: JSON.parse(row.state) as CaseState }));
  }

  /**
   * Cases no longer needed before `cutoffDay` (YYYY-MM-DD), whose timeline and contact retention may now delete: closed,
   * with the person's time to ask for the next stage over and no request of theirs waiting (`closedCaseNeededUntil`),
   * so that a request made in time, or a little late, still finds the case it belongs to (decision 067).
   */
  async purgeClosedBefore(cutoffDay: string): Promise<number> {
    const closed = await this.db.all<{ id: string; state: string }>("SELECT id, state FROM cases WHERE closed_on IS NOT NULL AND closed_on < ?", [cutoffDay]);
    const due = closed.filter(({ state }) => closedCaseNeededUntil(JSON.parse(state) as CaseState, this.options.timetable) < cutoffDay);
    for (const { id } of due) {
      await this.db.transaction(async (tx) => {
        await tx.run("DELETE FROM progress_codes WHERE case_id = ?", [id]);
        await tx.run("DELETE FROM progress_code_refusals WHERE case_id = ?", [id]);
        await tx.run("DELETE FROM case_events WHERE case_id = ?", [id]);
        await tx.run("UPDATE delivery_jobs SET case_id = NULL, payload = NULL WHERE case_id = ? AND state <> 'pending'", [id]);
        await tx.run("DELETE FROM delivery_jobs WHERE case_id = ? AND state = 'pending'", [id]);
        await tx.run("DELETE FROM cases WHERE id = ?", [id]);
      });
    }
    return due.length;
  }

  /** Seals every kept contact again with the current key; returns how many changed. */
  async resealAll(): Promise<number> {
    const rows = await this.db.all<{ id: string; contact: string }>("SELECT id, contact FROM cases WHERE contact IS NOT NULL");
    let changed = 0;
    for (const row of rows) {
      if (!this.sealer.isStale(row.contact)) continue;
      await this.db.run("UPDATE cases SET contact = ? WHERE id = ? AND contact = ?", [this.sealer.seal(this.sealer.open(row.contact)), row.id, row.contact]);
      changed++;
    }
    return changed;
  }
}
