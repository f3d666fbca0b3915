import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabaseUrl, type Database } from "./database.server";
import { migrate } from "./migrations.server";
import { newKeyEntry, parseKeyring, Sealer } from "./encryption.server";
import { keepAliveSlackMs, SessionStore, type LoadedSession } from "./session-store.server";
import type { SessionData } from "~/journeys/session-data";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";

describe.each(engines)("on %s", (engine) => {
  let db: Database;
  let database: TestDatabase;
  let now: number;
  let store: SessionStore;

  const requestWith = (cookie: string | null) => new Request("http://localhost/", { headers: cookie ? { Cookie: cookie.split(";")[0]! } : {} });

  beforeEach(async () => {
    database = await createTestDatabase(engine, mkdtempSync(path.join(tmpdir(), "sessions-")));
    db = openDatabaseUrl(database.url);
    await migrate(db);
    now = 1_000_000;
    store = new SessionStore(db, "x".repeat(32), 60 * 60_000, { secure: false, name: "session" }, new Sealer(parseKeyring(newKeyEntry("t1"))), () => now);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  describe("sessions", () => {
    it("keeps answers on the server, refuses a forged cookie, and expires after the idle limit", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: { service: { service: "public-health" } } };
      const cookie = (await store.save(session))!;
      expect(cookie).not.toContain("public-health");
      expect((await store.load(requestWith(cookie))).data.journeys.complaint?.answers.service).toEqual({ service: "public-health" });
      const [name, value] = cookie.split(";")[0]!.split("=");
      expect((await store.load(requestWith(`${name}=${value!.slice(0, -2)}xx`))).id).toBeNull();
      now += 61 * 60_000;
      const expired = await store.load(requestWith(cookie));
      expect(expired).toMatchObject({ id: null, expired: true });
    });

    it("skips the write when a page view changes nothing, yet never lets the deadline fall below the idle limit", async () => {
      const idleMs = 60 * 60_000;
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: { "who-are-you": { role: "parent" } } };
      const cookie = (await store.save(session))!;
      const deadline = async () => Number((await db.get<{ expires_at: number }>("SELECT expires_at FROM sessions"))!.expires_at);
      const written = await deadline();
      expect(written).toBe(now + idleMs + keepAliveSlackMs(idleMs));

      // A view 30 s later: same data, deadline still a full limit away, so nothing is written.
      now += 30_000;
      const viewed = await store.load(requestWith(cookie));
      expect(await store.save(viewed)).toBeNull();
      expect(await deadline()).toBe(written);
      expect(written).toBeGreaterThanOrEqual(now + idleMs);

      // Past the slack, the same view pushes the deadline on.
      now += keepAliveSlackMs(idleMs);
      await store.save(await store.load(requestWith(cookie)));
      expect(await deadline()).toBe(now + idleMs + keepAliveSlackMs(idleMs));

      // A change is always written, however recent the last write.
      now += 1_000;
      const changed = await store.load(requestWith(cookie));
      changed.data.journeys.complaint!.answers.service = { service: "public-health" };
      await store.save(changed);
      expect((await store.load(requestWith(cookie))).data.journeys.complaint?.answers.service).toEqual({ service: "public-health" });
    });

    it("sweeps expired sessions", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: { "who-are-you": { role: "parent" } } };
      await store.save(session);
      now += 61 * 60_000;
      expect(await store.sweepExpired()).toBe(1);
    });

    it("rotates the id after a submission: the old id opens nothing, and only a form made for it follows it to the new one", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: { "who-are-you": { role: "parent" } } };
      const oldCookie = (await store.save(session))!;
      const oldToken = store.csrfToken(session);
      const newCookie = await store.rotate(session);
      expect(newCookie).not.toBe(oldCookie);
      const viaNew = await store.load(requestWith(newCookie));
      expect(store.verifyCsrf(viaNew, oldToken)).toBe(true);

      // The old cookie alone: no answers, no new cookie, and nothing saved under it.
      const viaOld = await store.load(requestWith(oldCookie));
      expect(viaOld).toMatchObject({ id: null, expired: false, data: { journeys: {} } });
      expect(viaOld.replacementCookie).toBeUndefined();
      expect(store.verifyCsrf(viaOld, oldToken)).toBe(false);
      expect(await store.save(viaOld)).toBeNull();
      expect(await store.followMove(viaOld, store.csrfToken(viaNew))).toBe(false);
      expect(await store.followMove(viaOld, "nonsense")).toBe(false);
      expect(viaOld.id).toBeNull();

      // A form from another tab, made for the old id, follows it: the answers and the new cookie.
      const otherTab = await store.load(requestWith(oldCookie));
      expect(await store.followMove(otherTab, oldToken)).toBe(true);
      expect(otherTab.id).toBe(viaNew.id);
      expect(otherTab.data.journeys.complaint?.answers["who-are-you"]).toEqual({ role: "parent" });
      expect(otherTab.replacementCookie?.split(";")[0]).toBe(newCookie.split(";")[0]);

      const rows = await db.all<{ data: string }>("SELECT data FROM sessions");
      expect(rows.every((row) => row.data.startsWith("enc:v1:t1:"))).toBe(true);
      now += 3 * 60_000;
      const late = await store.load(requestWith(oldCookie));
      expect(late.id).toBeNull();
      expect(await store.followMove(late, oldToken)).toBe(false);
    });

    it("rotates the id when a case's progress is opened so that no form made for the old id follows it, not even within the grace period", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: { "who-are-you": { role: "parent" } } };
      const oldCookie = (await store.save(session))!;
      const oldToken = store.csrfToken(session);
      const newCookie = await store.rotate(session, { followable: false });
      // The browser that opened it has the new cookie, and its other tabs' forms still count there.
      const viaNew = await store.load(requestWith(newCookie));
      expect(viaNew.data.journeys.complaint?.answers["who-are-you"]).toEqual({ role: "parent" });
      expect(store.verifyCsrf(viaNew, oldToken)).toBe(true);
      // Whoever else holds the old cookie and a page made for it: nothing, and not told the answers were deleted.
      const viaOld = await store.load(requestWith(oldCookie));
      expect(viaOld).toMatchObject({ id: null, expired: false, data: { journeys: {} } });
      expect(await store.followMove(viaOld, oldToken)).toBe(false);
      expect(viaOld.id).toBeNull();
      expect(viaOld.replacementCookie).toBeUndefined();
      // Nor through a later move of the new id (a send straight after), which would be followable itself.
      const moved = await store.load(requestWith(newCookie));
      await store.rotate(moved);
      expect(await store.followMove(await store.load(requestWith(oldCookie)), oldToken)).toBe(false);
    });

    it("moves a session that has a case's page open so that no form made for the old id follows it, as when the page was opened", async () => {
      const session = await store.load(requestWith(null));
      session.data.progress = { reference: "C-7K4M-2Q9P-6", requestedAt: now, tries: 0, viewing: { caseId: "case", reference: "C-7K4M-2Q9P-6", until: now + 30 * 60_000 } };
      const oldCookie = (await store.save(session))!;
      const oldToken = store.csrfToken(session);
      // A send from this session (a compliment, say) moves it as any send does.
      const newCookie = await store.rotate(session);
      expect((await store.load(requestWith(newCookie))).data.progress?.viewing?.caseId).toBe("case");
      const viaOld = await store.load(requestWith(oldCookie));
      expect(await store.followMove(viaOld, oldToken)).toBe(false);
      expect(viaOld.id).toBeNull();
      // Once the case's page has closed, a send moves the session as any other: another tab's form follows it.
      const closed = await store.load(requestWith(newCookie));
      closed.data.progress!.viewing!.until = now - 1;
      await store.save(closed);
      const closedToken = store.csrfToken(closed);
      await store.rotate(closed);
      expect(await store.followMove(await store.load(requestWith(newCookie)), closedToken)).toBe(true);
    });

    it("moves the session in a transaction of the caller's: nothing moves if it rolls back, the new id once it commits", async () => {
      const session = await store.load(requestWith(null));
      const answers = { "who-are-you": { role: "parent" } };
      session.data.journeys.complaint = { runId: "r", answers };
      const oldCookie = (await store.save(session))!;
      const rotation = store.rotation(session);

      // The send's other writes fail after the session's: the old id still opens the answers, no new row is left.
      await expect(db.transaction(async (tx) => {
        await rotation.writeIn(tx);
        throw new Error("the submission could not be stored");
      })).rejects.toThrow("the submission could not be stored");
      expect((await store.load(requestWith(oldCookie))).data.journeys.complaint?.answers).toEqual(answers);
      expect(await db.all("SELECT id FROM sessions")).toHaveLength(1);

      // Tried again, with what the send added to the session, and committed: the new id has it, the old one nothing.
      session.data.journeys.complaint = { runId: "r", answers, submitted: { reference: "C-2345-6789-X", replyBy: "2026-12-18", submittedAt: "2026-12-04T13:00:00.000Z", language: "en" } };
      await db.transaction((tx) => rotation.writeIn(tx));
      const newCookie = rotation.adopt();
      expect(newCookie.split(";")[0]).not.toBe(oldCookie.split(";")[0]);
      expect((await store.load(requestWith(newCookie))).data.journeys.complaint?.submitted?.reference).toBe("C-2345-6789-X");
      expect((await store.load(requestWith(oldCookie))).id).toBeNull();
      expect(await db.all("SELECT id FROM sessions")).toHaveLength(2);
    });

    it("a send that lost to another tab's joins the id that send moved the session to, and an unmoved session is left to move itself", async () => {
      const session = await store.load(requestWith(null));
      const answers = { "who-are-you": { role: "parent" } };
      session.data.journeys.complaint = { runId: "r", answers };
      const oldCookie = (await store.save(session))!;
      // Both tabs have loaded the session when the first one's send commits.
      const winner = await store.load(requestWith(oldCookie));
      const loser = await store.load(requestWith(oldCookie));
      const holdsTheSend = (data: SessionData) => data.journeys.complaint?.runId === "r" && Boolean(data.journeys.complaint.submitted);
      expect(await store.joinMove(loser, holdsTheSend), "not moved yet").toBeNull();
      expect(loser.id).toBe(winner.id);
      const submitted = { reference: "C-2345-6789-X", replyBy: "2026-12-18", submittedAt: "2026-12-04T13:00:00.000Z", language: "en" };
      winner.data.journeys.complaint = { runId: "r", answers, submitted };
      winner.data.journeys.compliment = { runId: "c", answers: { compliment: { text: "Kind staff" } } };
      const rotation = store.rotation(winner);
      await db.transaction((tx) => rotation.writeIn(tx));
      const winnerCookie = rotation.adopt();

      // The losing tab holds the copy it loaded before; it takes over the winner's id, with what was committed there.
      expect(await store.joinMove(structuredClone(loser), () => false), "a session without this send is not joined").toBeNull();
      const loserCookie = await store.joinMove(loser, holdsTheSend);
      expect(loserCookie?.split(";")[0]).toBe(winnerCookie.split(";")[0]);
      expect(loser.id).toBe(winner.id);
      expect(loser.data.journeys.complaint?.submitted).toEqual(submitted);
      expect(loser.data.journeys.compliment?.answers).toEqual({ compliment: { text: "Kind staff" } });
      expect(await db.all("SELECT id FROM sessions"), "no third copy").toHaveLength(2);

      // The joined session moves on again (another send, within the grace): the old id's pointers are followed to it.
      const joinedId = loser.id;
      const onwards = await store.rotate(loser);
      expect((await store.load(requestWith(oldCookie))).moved?.to, "the old id still points at the first move").toBe(joinedId);
      expect((await store.joinMove({ ...session }, holdsTheSend))?.split(";")[0]).toBe(onwards.split(";")[0]);

      // Once the old id's pointer has gone, there is nothing to join.
      now += 3 * 60_000;
      expect(await store.joinMove({ ...session }, holdsTheSend)).toBeNull();
    });

    /** A session with a complaint and an advocate request under way, read by two tabs before either sends. */
    const twoJourneysInTwoTabs = async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r1", answers: { "who-are-you": { role: "parent" } } };
      session.data.journeys.advocate = { runId: "r2", answers: { "who-are-you": { role: "carer" } } };
      const oldCookie = (await store.save(session))!;
      return { session, oldCookie, complaintTab: await store.load(requestWith(oldCookie)), advocateTab: await store.load(requestWith(oldCookie)) };
    };

    it("a send of another journey from a copy read before the session moved adds itself to where it moved, making no second copy", async () => {
      const { session, oldCookie, complaintTab, advocateTab } = await twoJourneysInTwoTabs();
      const submitted = (reference: string) => ({ reference, replyBy: null, submittedAt: "2026-12-04T13:00:00.000Z", language: "en" });
      const send = async (tab: LoadedSession, journey: "complaint" | "advocate", reference: string) => {
        const sent = { ...tab.data.journeys[journey]!, submitted: submitted(reference) };
        const rotation = store.rotation(tab, (theirs) => ({ ...theirs, journeys: { ...theirs.journeys, [journey]: sent } }));
        await db.transaction(async (tx) => {
          await rotation.lockIn(tx);
          tab.data.journeys[journey] = sent;
          await rotation.writeIn(tx);
        });
        return rotation.adopt();
      };
      const first = await send(complaintTab, "complaint", "C-1111-1111-A");
      const second = await send(advocateTab, "advocate", "A-2222-2222-B");
      expect(second.split(";")[0], "the second joins the first's new id").toBe(first.split(";")[0]);
      const joined = await store.load(requestWith(second));
      expect(joined.data.journeys.complaint?.submitted?.reference).toBe("C-1111-1111-A");
      expect(joined.data.journeys.advocate?.submitted?.reference).toBe("A-2222-2222-B");
      // Forms still open in either tab were made for the old id: the joined session accepts their tokens.
      expect(store.verifyCsrf(joined, store.csrfToken({ ...session }))).toBe(true);
      expect(await db.all("SELECT id FROM sessions"), "the old id's pointer and one session").toHaveLength(2);
      expect((await store.load(requestWith(oldCookie))).moved?.to).toBe(joined.id);
    });

    it("a page read by the first send's tab before the second send joined it does not write over the second confirmation", async () => {
      const { complaintTab, advocateTab } = await twoJourneysInTwoTabs();
      const firstSend = store.rotation(complaintTab);
      complaintTab.data.journeys.complaint!.submitted = { reference: "C-1111-1111-A", replyBy: null, submittedAt: "2026-12-04T13:00:00.000Z", language: "en" };
      await db.transaction((tx) => firstSend.writeIn(tx));
      const newCookie = firstSend.adopt();
      // The complaint tab's confirmation page is read; then the advocate send joins the session.
      const confirmationPage = await store.load(requestWith(newCookie));
      const sent = { ...advocateTab.data.journeys.advocate!, submitted: { reference: "A-2222-2222-B", replyBy: null, submittedAt: "2026-12-04T13:00:01.000Z", language: "en" } };
      const secondSend = store.rotation(advocateTab, (theirs) => ({ ...theirs, journeys: { ...theirs.journeys, advocate: sent } }));
      await db.transaction(async (tx) => {
        await secondSend.lockIn(tx);
        await secondSend.writeIn(tx);
      });
      expect(secondSend.adopt().split(";")[0]).toBe(newCookie.split(";")[0]);
      // The confirmation page's own change (say, a message for the next page) is saved on top of the join.
      confirmationPage.data.flash = { journey: "complaint", page: "confirmation", values: {}, errors: [] };
      expect(await store.save(confirmationPage)).toBeNull();
      const after = await store.load(requestWith(newCookie));
      expect(after.data.journeys.complaint?.submitted?.reference).toBe("C-1111-1111-A");
      expect(after.data.journeys.advocate?.submitted?.reference).toBe("A-2222-2222-B");
      expect(after.data.flash?.page).toBe("confirmation");
    });

    it("ten saves of one session at once all succeed, and none loses another's change", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: { "who-are-you": { role: "parent" } } };
      const cookie = (await store.save(session))!;
      const tabs = await Promise.all(Array.from({ length: 10 }, () => store.load(requestWith(cookie))));
      tabs.forEach((tab, i) => (tab.data.journeys[`journey-${i}`] = { runId: `r${i}`, answers: { page: { field: String(i) } } }));
      expect(await Promise.all(tabs.map((tab) => store.save(tab))), "no new cookie, no error").toEqual(Array(10).fill(null));
      const after = await store.load(requestWith(cookie));
      expect(Object.keys(after.data.journeys).sort()).toEqual(["complaint", ...Array.from({ length: 10 }, (_, i) => `journey-${i}`)].sort());
    });

    it("a new id given while the session was ended (a progress code checked as Exit this page was pressed) brings nothing back", async () => {
      const session = await store.load(requestWith(null));
      session.data.progress = { reference: "C-1", requestedAt: now, tries: 0 };
      const cookie = (await store.save(session))!;
      const checking = await store.load(requestWith(cookie));
      await store.destroy(await store.load(requestWith(cookie)));
      checking.data.progress!.viewing = { caseId: "case", reference: "C-1" };
      expect(await store.rotate(checking)).toMatch(/^session=; .*Max-Age=0/);
      expect(await store.save(checking)).toBeNull();
      expect(await db.all("SELECT id FROM sessions")).toHaveLength(0);
    });

    it("the first answers from two tabs of a new visit are both kept", async () => {
      const visit = await store.load(requestWith(null));
      const freshCookie = (await store.save(visit))!;
      const [one, two] = [await store.load(requestWith(freshCookie)), await store.load(requestWith(freshCookie))];
      one.data.journeys.complaint = { runId: "c", answers: { service: { service: "public-health" } } };
      two.data.journeys.advocate = { runId: "a", answers: { "who-are-you": { role: "carer" } } };
      const [cookieOne, cookieTwo] = [await store.save(one), await store.save(two)];
      expect(cookieOne?.split(";")[0]).toBe(cookieTwo?.split(";")[0]);
      const after = await store.load(requestWith(cookieOne!));
      expect(Object.keys(after.data.journeys).sort()).toEqual(["advocate", "complaint"]);
    });

    it("a send whose session was ended while it ran (Exit this page) keeps the send but brings no session back", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r1", answers: { "who-are-you": { role: "parent" } } };
      const cookie = (await store.save(session))!;
      const sending = await store.load(requestWith(cookie));
      await store.destroy(await store.load(requestWith(cookie)));
      const rotation = store.rotation(sending, (theirs) => theirs);
      await db.transaction(async (tx) => {
        await rotation.lockIn(tx);
        await rotation.writeIn(tx);
      });
      expect(rotation.adopt()).toMatch(/^session=; .*Max-Age=0/);
      expect(sending.id).toBeNull();
      expect(await db.all("SELECT id FROM sessions")).toHaveLength(0);
    });

    it("two tabs answering from the same read each keep their answer; a save after a send moved the session, or after it ended, brings nothing back", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r1", answers: { "who-are-you": { role: "parent" } } };
      const cookie = (await store.save(session))!;
      const [one, two] = [await store.load(requestWith(cookie)), await store.load(requestWith(cookie))];
      one.data.journeys.complaint!.answers.service = { service: "public-health" };
      two.data.journeys.advocate = { runId: "r2", answers: { "who-are-you": { role: "carer" } } };
      await store.save(one);
      expect(await store.save(two), "the same id: no new cookie").toBeNull();
      const both = await store.load(requestWith(cookie));
      expect(both.data.journeys.complaint?.answers.service).toEqual({ service: "public-health" });
      expect(both.data.journeys.advocate?.answers["who-are-you"]).toEqual({ role: "carer" });

      // A tab that read the session before another tab's send moved it: its answer does not bring the old id back.
      const late = await store.load(requestWith(cookie));
      const sending = await store.load(requestWith(cookie));
      const newCookie = await store.rotate(sending);
      late.data.journeys.advocate!.answers.service = { service: "childrens-social-care" };
      expect(await store.save(late)).toBeNull();
      expect((await store.load(requestWith(cookie))).moved, "the old id still only points at the new one").toBeDefined();
      expect((await store.load(requestWith(newCookie))).data.journeys.advocate?.answers.service).toBeUndefined();

      // Ended (Exit this page) while a tab's answer was on its way: nothing is written, no cookie is given.
      const last = await store.load(requestWith(newCookie));
      await store.destroy(await store.load(requestWith(newCookie)));
      last.data.journeys.complaint!.answers.service = { service: "childrens-social-care" };
      expect(await store.save(last)).toBeNull();
      expect(await db.all("SELECT id FROM sessions"), "only the old id's pointer, until it expires").toHaveLength(1);
      expect((await store.load(requestWith(newCookie))).expired).toBe(true);
    });

    it("stores nothing for a visitor until they answer something, then keeps the id their forms were made for", async () => {
      const count = async () => Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM sessions"))!.n);
      const visit = await store.load(requestWith(null));
      visit.data.journeys.complaint = { runId: "r", answers: {} };
      const freshCookie = (await store.save(visit))!;
      expect(freshCookie).toMatch(/^session=[A-Za-z0-9_-]{43}\./);
      expect(await count()).toBe(0);
      const token = store.csrfToken(visit);

      // Reading more pages: the same id, no new cookie, still nothing stored.
      const again = await store.load(requestWith(freshCookie));
      expect(again).toMatchObject({ id: visit.id, fresh: true, expired: false });
      expect(store.verifyCsrf(again, token)).toBe(true);
      again.data.journeys.complaint = { runId: "r2", answers: {} };
      expect(await store.save(again)).toBeNull();
      expect(await count()).toBe(0);

      // The first answer stores the session under that id, and the cookie becomes a stored session's.
      again.data.journeys.complaint.answers.service = { service: "public-health" };
      const storedCookie = (await store.save(again))!;
      expect(storedCookie.split(";")[0]!.split(".")[0]).toBe(freshCookie.split(";")[0]!.split(".")[0]);
      expect(storedCookie).not.toBe(freshCookie);
      expect(await count()).toBe(1);
      expect((await store.load(requestWith(storedCookie))).data.journeys.complaint?.answers.service).toEqual({ service: "public-health" });

      // When it has gone, the stored session's cookie says so: never a silent restart.
      now += 61 * 60_000;
      await store.sweepExpired();
      expect(await store.load(requestWith(storedCookie))).toMatchObject({ id: null, expired: true });
      // A fresh cookie's signature does not pass for a stored session's, nor the other way round.
      const [name, value] = freshCookie.split(";")[0]!.split("=");
      expect((await store.load(requestWith(`${name}=${value!.split(".")[0]}.${"A".repeat(43)}`))).id).toBeNull();
    });

    it("refuses a token from another session or a made-up one", async () => {
      const a = await store.load(requestWith(null));
      await store.save(a);
      const b = await store.load(requestWith(null));
      await store.save(b);
      expect(store.verifyCsrf(a, store.csrfToken(a))).toBe(true);
      expect(store.verifyCsrf(a, store.csrfToken(b))).toBe(false);
      expect(store.verifyCsrf(a, "nonsense")).toBe(false);
      expect(store.verifyCsrf(a, undefined)).toBe(false);
    });

    it("sets a __Host- prefixed, Secure, HttpOnly, SameSite=Lax cookie in production", async () => {
      const production = new SessionStore(db, "x".repeat(32), 60_000, { secure: true, name: "__Host-session" }, new Sealer(parseKeyring(newKeyEntry("p1"))), () => now);
      const cookie = (await production.save(await production.load(requestWith(null))))!;
      expect(cookie).toMatch(/^__Host-session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
      expect(cookie).not.toMatch(/Domain=|Max-Age|Expires/);
    });
  });
});
