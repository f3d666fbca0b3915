import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabaseUrl, type Database } from "./database.server";
import { migrate } from "./migrations.server";
import { newKeyEntry, parseKeyring, Sealer } from "./encryption.server";
import { keepAliveSlackMs, SessionStore } from "./session-store.server";
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
      session.data.journeys.complaint = { runId: "r", answers: {} };
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
      await store.save(await store.load(requestWith(null)));
      now += 61 * 60_000;
      expect(await store.sweepExpired()).toBe(1);
    });

    it("rotates the id after a submission; the old id only points at the new one, and old forms' tokens still pass", async () => {
      const session = await store.load(requestWith(null));
      session.data.journeys.complaint = { runId: "r", answers: {} };
      const oldCookie = (await store.save(session))!;
      const oldToken = store.csrfToken(session);
      const newCookie = await store.rotate(session);
      expect(newCookie).not.toBe(oldCookie);
      const viaNew = await store.load(requestWith(newCookie));
      expect(store.verifyCsrf(viaNew, oldToken)).toBe(true);
      const viaOld = await store.load(requestWith(oldCookie));
      expect(viaOld.id).toBe(viaNew.id);
      expect(viaOld.replacementCookie).toBeDefined();
      expect(store.verifyCsrf(viaOld, oldToken)).toBe(true);
      const rows = await db.all<{ data: string }>("SELECT data FROM sessions");
      expect(rows.every((row) => row.data.startsWith("enc:v1:t1:"))).toBe(true);
      now += 3 * 60_000;
      expect((await store.load(requestWith(oldCookie))).id).toBeNull();
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
