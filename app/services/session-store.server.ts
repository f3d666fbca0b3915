// Answers live on the server; the cookie carries only a random id with an HMAC, so nothing personal
// sits in the browser and a forged id is refused before the database is asked.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database, Queryable } from "./database.server";
import type { Sealer } from "./encryption.server";
import { openViewing, sessionDataSchema, type SessionData } from "~/journeys/session-data";
import { mergeChanges } from "./session-merge";

export interface SessionCookieOptions {
  secure: boolean;
  name: string;
}

export interface LoadedSession {
  id: string | null;
  data: SessionData;
  /** The browser sent a session cookie whose session has gone: answers were deleted after the idle limit. */
  expired: boolean;
  /** Set when the browser came with an id that was just replaced (another tab sent the form): it gets the new one. */
  replacementCookie?: string;
  /**
   * The browser came with an id replaced after a send, within the grace period: it opens nothing by itself (no
   * answers, no new cookie). Only a form posted from a page rendered for that id, carrying its token, follows it to
   * the new session (`followMove`): another tab of the same browser sending the same form.
   */
  moved?: { from: string; to: string };
  /**
   * An id given to a visitor who has not yet answered anything: no row is stored for it until there is something
   * to keep, so reading pages without a cookie costs the database nothing. Its cookie is signed apart from a stored
   * session's, so a stored session that has gone is still told apart (answers deleted, never a silent restart).
   */
  fresh?: boolean;
  /**
   * Set once the session is ended in this request (destroyed, or found ended or moved by another request when
   * saving): nothing more is written for it.
   */
  ended?: boolean;
  /** The id the browser presented, when it led to a replacement: its forms carry tokens bound to it. */
  presentedId?: string;
  /**
   * The data as it was read, and the idle deadline it had: a save that would change neither is skipped. `sealed` is
   * the row's data as stored, to tell cheaply whether another request has written it since.
   */
  stored?: { json: string; expiresAt: number; sealed: string };
}

/** How long an id that was replaced after a submission still leads to its replacement, for other open tabs. */
const ROTATION_GRACE_MS = 2 * 60_000;

/** How many pointers a replaced id is followed through (sends of one session in quick succession). */
const MAX_MOVES = 3;

/**
 * Each write sets the idle deadline this much beyond the limit, so a page viewed within that time of the last
 * write needs no write at all: the deadline is still at least the full limit away. The page's timeout warning,
 * which counts the limit from when the page loaded, therefore never fires after the answers have gone.
 */
export function keepAliveSlackMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 30));
}

export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly secret: string,
    private readonly idleMs: number,
    private readonly cookie: SessionCookieOptions,
    private readonly sealer: Sealer,
    private readonly now: () => number = Date.now,
  ) {}

  get cookieName(): string {
    return this.cookie.name;
  }

  get idleMinutes(): number {
    return Math.round(this.idleMs / 60_000);
  }

  /**
   * HMACs already worked out, by what was signed: every request signs its session id once or twice, for the
   * cookie and the form token. Bounded, since anyone can send any id.
   */
  private readonly signatures = new Map<string, string>();

  private hmac(value: string): string {
    let signature = this.signatures.get(value);
    if (signature === undefined) {
      if (this.signatures.size >= 10_000) this.signatures.clear();
      signature = createHmac("sha256", this.secret).update(value).digest("base64url");
      this.signatures.set(value, signature);
    }
    return signature;
  }

  private readCookieId(cookieHeader: string | null): { id: string; fresh: boolean } | null {
    if (!cookieHeader) return null;
    for (const part of cookieHeader.split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0 || part.slice(0, eq).trim() !== this.cookie.name) continue;
      const [id, signature] = part.slice(eq + 1).trim().split(".");
      if (!id || !signature || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
      const given = Buffer.from(signature);
      const matches = (expected: Buffer) => expected.length === given.length && timingSafeEqual(expected, given);
      if (matches(Buffer.from(this.hmac(id)))) return { id, fresh: false };
      if (matches(Buffer.from(this.hmac(`fresh:${id}`)))) return { id, fresh: true };
      return null;
    }
    return null;
  }

  async load(request: Request): Promise<LoadedSession> {
    return this.loadFromCookieHeader(request.headers.get("Cookie"));
  }

  /** The same, for the page cache, which reads the session before there is a Fetch Request. */
  async loadFromCookieHeader(cookieHeader: string | null): Promise<LoadedSession> {
    const presented = this.readCookieId(cookieHeader);
    if (!presented) return { id: null, data: emptySession(), expired: false };
    const { id } = presented;
    const row = await this.db.get<{ data: string; expires_at: number }>(
      "SELECT data, expires_at FROM sessions WHERE id = ?",
      [id],
    );
    if (!row && presented.fresh) return { id, data: emptySession(), expired: false, fresh: true };
    if (!row || Number(row.expires_at) <= this.now()) {
      if (row) await this.db.run("DELETE FROM sessions WHERE id = ?", [id]);
      return { id: null, data: emptySession(), expired: true };
    }
    const stored = JSON.parse(this.sealer.open(row.data)) as unknown;
    const movedTo = movedToOf(stored);
    if (movedTo) return { id: null, data: emptySession(), expired: false, moved: { from: id, to: movedTo } };
    const parsed = sessionDataSchema.safeParse(stored);
    if (!parsed.success) return { id, data: emptySession(), expired: false };
    return { id, data: parsed.data, expired: false, stored: { json: JSON.stringify(parsed.data), expiresAt: Number(row.expires_at), sealed: row.data } };
  }

  /**
   * Saves the answers and pushes the idle deadline on. Returns a Set-Cookie value when the browser needs one.
   * Until there is something to keep (an answer, a flash, a code asked for), nothing is written: the visitor gets a
   * fresh id to bind their forms' tokens to, and the row is made with that id by their first post.
   */
  async save(session: LoadedSession): Promise<string | null> {
    // An id replaced after a send opens nothing, and must not be swapped for a new one in the browser either.
    if (session.moved || session.ended) return null;
    const now = this.now();
    if (!session.stored && !worthStoring(session.data)) {
      if (session.id) return null;
      session.id = randomBytes(32).toString("base64url");
      session.fresh = true;
      return this.freshCookieFor(session.id);
    }
    const json = JSON.stringify(session.data);
    // Reading a page changes nothing: unless the deadline is getting near, there is nothing to write.
    if (session.id && session.stored?.json === json && session.stored.expiresAt >= now + this.idleMs) return session.replacementCookie ?? null;
    const expiresAt = this.deadlineFrom(now);
    const data = this.sealer.seal(json);
    if (session.id && session.stored) return this.saveOver(session, session.id, session.stored, { json, data, expiresAt });
    if (session.id && session.fresh) {
      // The first post: the row takes the id the visitor's forms were made for. Another tab's first post may have
      // made it already: then this one is merged into it, as over any row written since it was read.
      const { changes } = await this.db.run("INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING", [session.id, data, expiresAt]);
      session.fresh = false;
      if (changes === 1) session.stored = { json, expiresAt, sealed: data };
      else if (!(await this.mergeInto(session, session.id, emptySession(), expiresAt))) return null;
      return this.cookieFor(session.id);
    }
    if (session.id) {
      const { changes } = await this.db.run("UPDATE sessions SET data = ?, expires_at = ? WHERE id = ?", [
        data,
        expiresAt,
        session.id,
      ]);
      if (changes === 1) {
        session.stored = { json, expiresAt, sealed: data };
        return session.replacementCookie ?? null;
      }
    }
    const id = randomBytes(32).toString("base64url");
    await this.db.run("INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)", [id, data, expiresAt]);
    session.id = id;
    session.stored = { json, expiresAt, sealed: data };
    return this.cookieFor(id);
  }

  /**
   * Writes a session read from its row, only over the row as it was read. Another tab of the same browser may have
   * written it since: then, in a transaction holding the row, what this request changed is put on top of what is
   * there now (`mergeChanges`), so neither tab's answers are lost. A session moved to a new id meanwhile (a send) or
   * ended (Exit this page, expired) is left as it is: this request's change is dropped rather than bring the old id
   * back to life, or hand the new one to a request that came with the old.
   */
  private async saveOver(session: LoadedSession, id: string, read: NonNullable<LoadedSession["stored"]>, { json, data, expiresAt }: { json: string; data: string; expiresAt: number }): Promise<string | null> {
    const { changes } = await this.db.run("UPDATE sessions SET data = ?, expires_at = ? WHERE id = ? AND data = ?", [data, expiresAt, id, read.sealed]);
    if (changes === 1) {
      session.stored = { json, expiresAt, sealed: data };
      return session.replacementCookie ?? null;
    }
    return (await this.mergeInto(session, id, sessionDataSchema.parse(JSON.parse(read.json)), expiresAt)) ? (session.replacementCookie ?? null) : null;
  }

  /**
   * In one transaction holding the row at `id`: what this request changed since it read `base` put on top of the
   * session stored there now. False, writing nothing, when the row has gone or only points at a new id.
   */
  private async mergeInto(session: LoadedSession, id: string, base: SessionData, expiresAt: number): Promise<boolean> {
    const mine = session.data;
    const written = await this.db.transaction(async (tx) => {
      const current = await this.liveEnd(tx, id, this.db.forUpdate, 0);
      if (!current) return null;
      const merged = mergeChanges(base, mine, current.data);
      const mergedJson = JSON.stringify(merged);
      const sealed = this.sealer.seal(mergedJson);
      await tx.run("UPDATE sessions SET data = ?, expires_at = ? WHERE id = ?", [sealed, expiresAt, id]);
      return { merged, stored: { json: mergedJson, expiresAt, sealed } };
    });
    if (!written) {
      session.stored = undefined;
      session.ended = true;
      return false;
    }
    session.data = written.merged;
    session.stored = written.stored;
    return true;
  }

  /** The idle deadline every write of a live session sets: the limit, and the slack that spares the next view a write. */
  private deadlineFrom(now: number): number {
    return now + this.idleMs + keepAliveSlackMs(this.idleMs);
  }

  /** How long is left until the session's idle deadline, by this store's clock; null for one with no stored row. */
  msLeft(session: LoadedSession): number | null {
    return session.stored ? session.stored.expiresAt - this.now() : null;
  }

  /** Keeps the session alive without changing it (the timeout warning's "Stay on this page"). */
  async touch(session: LoadedSession): Promise<void> {
    if (!session.id) return;
    await this.db.run("UPDATE sessions SET expires_at = ? WHERE id = ?", [this.deadlineFrom(this.now()), session.id]);
  }

  /**
   * Gives the session a new id, keeping its data: after a submission, an id that may have been seen (on a shared
   * computer, in a log) no longer opens anything. Returns the new cookie.
   */
  async rotate(session: LoadedSession, { followable = true }: { followable?: boolean } = {}): Promise<string> {
    const rotation = this.rotation(session, undefined, { followable });
    await this.db.transaction((tx) => rotation.writeIn(tx));
    return rotation.adopt();
  }

  /**
   * A new id for the session, written in a transaction of the caller's (a send stores the submission and moves the
   * session in one commit). `writeIn` seals the session's data as it is then, and may run again if the transaction
   * is retried; `adopt`, once the transaction has committed, makes the new id the session's and gives its cookie.
   *
   * Another request may have moved the same session while this one ran (another tab sending another journey): the
   * old id then points at that request's new id. With `join`, this one does not make a second copy of the session
   * from its stale read, which would leave one tab's confirmation in each copy: it writes `join` of the other's
   * session in place and takes that id. `lockIn`, run first in the transaction, queues the two sends on the old row.
   */
  rotation(
    session: LoadedSession,
    join?: (theirs: SessionData) => SessionData,
    { followable = true }: { followable?: boolean } = {},
  ): { lockIn: (tx: Queryable) => Promise<void>; writeIn: (tx: Queryable) => Promise<void>; adopt: () => string } {
    const oldId = session.id;
    const id = randomBytes(32).toString("base64url");
    // Per attempt of the transaction: where the old id now leads if another request moved it, "ended" if the
    // session was ended meanwhile, null if neither; undefined until read.
    type Found = { id: string; data: SessionData } | "ended" | null;
    let current: Found | undefined;
    let joined: { id: string; data: SessionData } | null = null;
    let ended = false;
    const readCurrent = async (tx: Queryable): Promise<Found> => {
      if (!oldId) return null;
      // SQLite's BEGIN IMMEDIATE has already queued every writer; on PostgreSQL this locks the row.
      const row = await tx.get<{ data: string }>(`SELECT data FROM sessions WHERE id = ?${this.db.forUpdate}`, [oldId]);
      // Read from its row, and the row has gone since: Exit this page (or the idle limit) ended the session.
      if (!row) return session.stored ? "ended" : null;
      // Unwritten since this request read it (the common case): nothing to open. Without `join`, moved or not, the
      // session moves from the copy this request holds.
      if (row.data === session.stored?.sealed || !join) return null;
      const movedTo = movedToOf(JSON.parse(this.sealer.open(row.data)));
      return movedTo ? this.liveEnd(tx, movedTo, this.db.forUpdate) : null;
    };
    return {
      lockIn: async (tx) => {
        current = await readCurrent(tx);
      },
      writeIn: async (tx) => {
        const moved = current === undefined ? await readCurrent(tx) : current;
        current = undefined;
        joined = null;
        // What was sent is kept; the session is not brought back, in this browser or under a new id.
        ended = moved === "ended";
        if (moved === "ended") return;
        const now = this.now();
        if (moved) {
          joined = { id: moved.id, data: join!(moved.data) };
          await tx.run("UPDATE sessions SET data = ?, expires_at = ? WHERE id = ?", [this.sealer.seal(JSON.stringify(joined.data)), this.deadlineFrom(now), joined.id]);
          await tx.run("UPDATE evidence_files SET session_id = ? WHERE session_id = ?", [joined.id, oldId]);
          return;
        }
        if (oldId) session.data.rotatedFrom = oldId;
        // The new id holds the answers, and the old id only points at the new one, briefly, so a second tab
        // sending the same form lands on the same confirmation. One commit, never half done.
        const insert = { sql: "INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)", params: [id, this.sealer.seal(JSON.stringify(session.data)), this.deadlineFrom(now)] };
        if (!oldId) {
          await tx.run(insert.sql, insert.params);
          return;
        }
        // Not `followable` (a case's progress has just been opened), nor while the session has a case's page open (a
        // send from it): the old id still opens nothing for its grace period, as any replaced id, but no post follows
        // it, not even one carrying its token, so nobody holding the old cookie and a page made for it reaches the case.
        const pointer = followable && !openViewing(session.data.progress, now) ? { movedTo: id } : { movedTo: id, closed: true };
        await tx.runTogether([
          insert,
          // Evidence files not yet sent (another journey's run) go with the answers: the old id's row is deleted soon.
          { sql: "UPDATE evidence_files SET session_id = ? WHERE session_id = ?", params: [id, oldId] },
          { sql: "UPDATE sessions SET data = ?, expires_at = ? WHERE id = ?", params: [this.sealer.seal(JSON.stringify(pointer)), now + ROTATION_GRACE_MS, oldId] },
        ]);
      },
      adopt: () => {
        if (ended) return this.end(session);
        if (joined && oldId) this.takeOver(session, oldId, joined);
        else session.id = id;
        session.replacementCookie = undefined;
        session.stored = undefined;
        return this.cookieFor(joined?.id ?? id);
      },
    };
  }

  /**
   * For a post that came with a replaced id (see `moved`) and a token made for that id: loads the session it was
   * moved to, which the response then hands over as the new cookie. True when it did; any other post, and every
   * read, gets nothing from an old id.
   */
  async followMove(session: LoadedSession, token: unknown): Promise<boolean> {
    const moved = session.moved;
    if (!moved || typeof token !== "string" || !this.tokenMatches(moved.from, token)) return false;
    const current = await this.liveEnd(this.db, moved.from, "");
    if (!current) return false;
    this.takeOver(session, moved.from, current);
    return true;
  }

  /**
   * For a send that lost to another tab's (the same run, stored and moved by the other request after this one had
   * loaded the session): takes the session over at the id the other send moved it to, which holds what that send
   * committed with it (the confirmation, unsent evidence of other journeys). Only a session that `holds` accepts
   * (it has this run's send) is joined. Returns that id's cookie, or null when there is none (then the caller moves
   * the session itself).
   */
  async joinMove(session: LoadedSession, holds: (data: SessionData) => boolean): Promise<string | null> {
    if (!session.id) return null;
    const current = await this.liveEnd(this.db, session.id, "");
    if (!current || current.id === session.id || !holds(current.data)) return null;
    this.takeOver(session, session.id, current);
    return this.cookieFor(current.id);
  }

  /**
   * The live session an id leads to: itself, or where its pointers lead, following at most `moves` of them (each
   * written within the last ROTATION_GRACE_MS). Null when the id, or the end of its pointers, has gone.
   */
  private async liveEnd(q: Queryable, id: string, lock: string, moves = MAX_MOVES): Promise<{ id: string; data: SessionData; stored: NonNullable<LoadedSession["stored"]> } | null> {
    let at = id;
    for (let hop = 0; hop <= moves; hop++) {
      const row = await q.get<{ data: string; expires_at: number }>(`SELECT data, expires_at FROM sessions WHERE id = ?${lock}`, [at]);
      if (!row || Number(row.expires_at) <= this.now()) return null;
      const stored = JSON.parse(this.sealer.open(row.data)) as unknown;
      const movedTo = movedToOf(stored);
      if (!movedTo) {
        const parsed = sessionDataSchema.safeParse(stored);
        return parsed.success ? { id: at, data: parsed.data, stored: { json: JSON.stringify(parsed.data), expiresAt: Number(row.expires_at), sealed: row.data } } : null;
      }
      if (closedPointer(stored)) return null;
      at = movedTo;
    }
    return null;
  }

  /** Makes `session` the one stored at `to`, reached from the replaced id `from`. */
  private takeOver(session: LoadedSession, from: string, to: { id: string; data: SessionData; stored?: LoadedSession["stored"] }): void {
    session.id = to.id;
    session.presentedId = from;
    session.data = to.data;
    // What a later save of this request writes over (undefined: written without that check).
    session.stored = to.stored;
    session.replacementCookie = this.cookieFor(to.id);
    session.moved = undefined;
  }

  /** A token bound to this session for the hidden `csrf` field: forms from anywhere else do not carry it. */
  csrfToken(session: LoadedSession): string {
    return session.id ? this.tokenFor(session.id) : "";
  }

  private tokenFor(id: string): string {
    return this.hmac(`csrf:${id}`);
  }

  /** Accepts a token for this session's id, or for the id it had before its last rotation (another open tab). */
  verifyCsrf(session: LoadedSession, token: unknown): boolean {
    if (typeof token !== "string") return false;
    const ids = [session.id, session.presentedId, session.data.rotatedFrom].filter((id): id is string => Boolean(id));
    return ids.some((id) => this.tokenMatches(id, token));
  }

  private tokenMatches(id: string, token: string): boolean {
    const expected = Buffer.from(this.tokenFor(id));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Deletes the session, and with it (ON DELETE CASCADE) any evidence files it held that were never sent. */
  async destroy(session: LoadedSession): Promise<string> {
    if (session.id) await this.db.run("DELETE FROM sessions WHERE id = ?", [session.id]);
    return this.end(session);
  }

  /** Forgets the session in this request, and gives the cookie that forgets it in the browser. */
  private end(session: LoadedSession): string {
    session.ended = true;
    session.id = null;
    session.data = emptySession();
    session.stored = undefined;
    session.replacementCookie = undefined;
    return `${this.cookie.name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${this.cookie.secure ? "; Secure" : ""}`;
  }

  /** Seals every live session again with the current key; returns how many changed. */
  async resealAll(): Promise<number> {
    const rows = await this.db.all<{ id: string; data: string }>("SELECT id, data FROM sessions WHERE expires_at > ?", [this.now()]);
    let changed = 0;
    for (const row of rows) {
      if (!this.sealer.isStale(row.data)) continue;
      await this.db.run("UPDATE sessions SET data = ? WHERE id = ? AND data = ?", [this.sealer.seal(this.sealer.open(row.data)), row.id, row.data]);
      changed++;
    }
    return changed;
  }

  /** Deletes expired sessions, and with them (ON DELETE CASCADE) their unsent evidence files. */
  async sweepExpired(): Promise<number> {
    return (await this.db.run("DELETE FROM sessions WHERE expires_at <= ?", [this.now()])).changes;
  }

  private cookieFor(id: string): string {
    return this.cookieWith(id, this.hmac(id));
  }

  private freshCookieFor(id: string): string {
    return this.cookieWith(id, this.hmac(`fresh:${id}`));
  }

  private cookieWith(id: string, signature: string): string {
    return `${this.cookie.name}=${id}.${signature}; Path=/; HttpOnly; SameSite=Lax${this.cookie.secure ? "; Secure" : ""}`;
  }
}

export function emptySession(): SessionData {
  return { journeys: {} };
}

/** Whether a session holds anything that must outlive this request: journeys merely opened do not. */
function worthStoring(data: SessionData): boolean {
  return Boolean(data.progress || data.flash || data.rotatedFrom || Object.values(data.journeys).some((state) => state.submitted || Object.keys(state.answers).length > 0));
}

/** A replaced id's pointer that no post may follow (see `rotate`'s `followable`). */
function closedPointer(stored: unknown): boolean {
  return typeof stored === "object" && stored !== null && "closed" in stored && stored.closed === true;
}

/** The id a replaced session's row points at (written by `rotation`), or null for a row that holds a session. */
function movedToOf(stored: unknown): string | null {
  return typeof stored === "object" && stored !== null && "movedTo" in stored && typeof stored.movedTo === "string" ? stored.movedTo : null;
}
