// The evidence store on both engines: files sealed in 256 KB pieces, limits held under a lock even by two
// uploads at once, and no row left behind when a file is removed, a session ends or a submission is purged.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabaseUrl, type Database } from "~/services/database.server";
import { newKeyEntry, parseKeyring, Sealer } from "~/services/encryption.server";
import { migrate } from "~/services/migrations.server";
import { CaseStore } from "~/cases/case-store.server";
import { exampleTimetable } from "../../tests/support/example-timetable";
import { Retention } from "~/services/retention.server";
import { SessionStore, type LoadedSession } from "~/services/session-store.server";
import { SubmissionStore } from "~/services/submissions.server";
import { pseudoRandomBytes } from "../../tests/support/evidence-files";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { evidenceLimits } from "./evidence-limits";
import { EvidenceStore, type EvidenceOwner } from "./evidence-store.server";

const key1 = newKeyEntry("k1");
const key2 = newKeyEntry("k2");

async function rows(db: Database): Promise<{ files: number; chunks: number }> {
  const files = await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM evidence_files");
  const chunks = await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM evidence_chunks");
  return { files: Number(files?.n), chunks: Number(chunks?.n) };
}

async function readAll(content: AsyncIterable<Buffer>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of content) pieces.push(piece);
  return Buffer.concat(pieces);
}

describe.each(engines)("evidence on %s", (engine) => {
  let database: TestDatabase;
  let db: Database;
  let sealer: Sealer;
  let store: EvidenceStore;
  let sessions: SessionStore;
  let now: number;
  let session: LoadedSession;
  let owner: EvidenceOwner;

  const put = async (bytes: Buffer, name = "letter.pdf", who = owner, piece = 64 * 1024) => {
    const pending = await store.begin(who, name);
    for (let offset = 0; offset < bytes.length; offset += piece) await pending.write(bytes.subarray(offset, offset + piece));
    return pending.commit({ type: "pdf", sha256: createHash("sha256").update(bytes).digest("hex"), scan: "clean" });
  };

  const newSession = async () => {
    const loaded = await sessions.load(new Request("http://localhost/"));
    loaded.data.journeys.complaint = { runId: randomUUID(), answers: { service: { service: "childrens-social-care" } } };
    await sessions.save(loaded);
    return loaded;
  };
  const ownerOf = (s: LoadedSession): EvidenceOwner => ({ sessionId: s.id!, journey: "complaint", runId: s.data.journeys.complaint!.runId });

  beforeEach(async () => {
    database = await createTestDatabase(engine, mkdtempSync(path.join(tmpdir(), "evidence-")));
    db = openDatabaseUrl(database.url);
    await migrate(db);
    now = 1_000_000;
    sealer = new Sealer(parseKeyring(key1));
    store = new EvidenceStore(db, sealer, evidenceLimits, () => now);
    sessions = new SessionStore(db, "s".repeat(32), 60 * 60_000, { secure: false, name: "session" }, sealer, () => now);
    session = await newSession();
    owner = ownerOf(session);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  it("stores a file sealed in 256 KB pieces, lists it, and gives back the same bytes", async () => {
    const bytes = pseudoRandomBytes(700 * 1024);
    const stored = await put(bytes, "care plan.pdf", owner, 10_000);
    expect(stored).toMatchObject({ ok: true, file: { name: "care plan.pdf", type: "pdf", size: bytes.length, scan: "clean" } });
    expect(await rows(db)).toEqual({ files: 1, chunks: 3 });
    const [listed] = await store.list(owner);
    expect(listed).toMatchObject({ name: "care plan.pdf", size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    const opened = await store.open(owner, listed!.id);
    expect((await readAll(opened!.content)).equals(bytes)).toBe(true);

    // At rest: neither the name nor any piece of the file is readable, and no piece is more than 256 KB of it.
    const raw = await db.all<{ data: Buffer }>("SELECT data FROM evidence_chunks");
    for (const { data } of raw) {
      expect(data.length).toBeLessThanOrEqual(evidenceLimits.chunkBytes + 64);
      expect(Buffer.from(data).includes(bytes.subarray(1000, 1032))).toBe(false);
    }
    const details = await db.get<{ details: string }>("SELECT details FROM evidence_files");
    expect(details!.details).not.toContain("care plan");
  });

  it("binds each piece to its file and place: a piece moved elsewhere does not open", async () => {
    const a = await put(pseudoRandomBytes(300 * 1024, 1), "a.pdf");
    const b = await put(pseudoRandomBytes(300 * 1024, 2), "b.pdf");
    if (!a.ok || !b.ok) throw new Error("not stored");
    const pieceOfA = await db.get<{ data: Buffer }>("SELECT data FROM evidence_chunks WHERE file_id = ? AND seq = 0", [a.file.id]);
    await db.run("UPDATE evidence_chunks SET data = ? WHERE file_id = ? AND seq = 0", [pieceOfA!.data, b.file.id]);
    await expect(readAll((await store.open(owner, b.file.id))!.content)).rejects.toThrow();
  });

  it("holds the run to 5 files and 20 MB, counting only files that were accepted", async () => {
    for (let i = 0; i < 5; i++) expect((await put(Buffer.from(`file ${i}`), `f${i}.pdf`)).ok).toBe(true);
    expect(await put(Buffer.from("sixth"))).toEqual({ ok: false, problem: "too-many" });
    expect(await rows(db)).toEqual({ files: 5, chunks: 5 });
    expect(await store.totals(owner)).toEqual({ count: 5, bytes: 5 * "file 0".length });

    const other = ownerOf(await newSession());
    expect((await put(pseudoRandomBytes(evidenceLimits.maxFileBytes), "big.pdf", other)).ok).toBe(true);
    expect((await put(pseudoRandomBytes(evidenceLimits.maxFileBytes - 10), "big2.pdf", other)).ok).toBe(true);
    expect(await put(pseudoRandomBytes(11), "over.pdf", other)).toEqual({ ok: false, problem: "total-too-large" });
    expect(await store.totals(other)).toEqual({ count: 2, bytes: 2 * evidenceLimits.maxFileBytes - 10 });
  });

  it("lets only one of two uploads finishing at once take the last place", async () => {
    for (let i = 0; i < 4; i++) await put(Buffer.from(`file ${i}`));
    const [first, second] = await Promise.all([store.begin(owner, "x.pdf"), store.begin(owner, "y.pdf")]);
    await Promise.all([first!.write(Buffer.from("x")), second!.write(Buffer.from("y"))]);
    const results = await Promise.all([first!, second!].map((p) => p.commit({ type: "pdf", sha256: "0", scan: "clean" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "too-many" }]);
    expect(await rows(db)).toEqual({ files: 5, chunks: 5 });
  });

  it("keeps a pending file out of every list and count, and discards it without a trace", async () => {
    const pending = await store.begin(owner, "half.pdf");
    await pending.write(pseudoRandomBytes(600 * 1024));
    expect(await store.list(owner)).toEqual([]);
    expect(await store.totals(owner)).toEqual({ count: 0, bytes: 0 });
    expect((await rows(db)).chunks).toBe(2);
    await pending.discard();
    expect(await rows(db)).toEqual({ files: 0, chunks: 0 });
  });

  it("sweeps uploads left pending for an hour (a process that stopped mid-upload)", async () => {
    const pending = await store.begin(owner, "stuck.pdf");
    await pending.write(pseudoRandomBytes(300 * 1024));
    now += 59 * 60_000;
    expect(await store.sweepAbandoned()).toBe(0);
    now += 2 * 60_000;
    expect(await store.sweepAbandoned()).toBe(1);
    expect(await rows(db)).toEqual({ files: 0, chunks: 0 });
  });

  it("removes a file only from its own run, and a whole run", async () => {
    const kept = await put(Buffer.from("kept"));
    const removed = await put(Buffer.from("removed"));
    if (!kept.ok || !removed.ok) throw new Error("not stored");
    const stranger = ownerOf(await newSession());
    expect(await store.remove(stranger, removed.file.id)).toBe(false);
    expect(await store.remove(owner, removed.file.id)).toBe(true);
    expect((await store.list(owner)).map((f) => f.name)).toEqual(["letter.pdf"]);
    expect(await rows(db)).toEqual({ files: 1, chunks: 1 });
    expect(await store.removeRun(owner)).toBe(1);
    expect(await rows(db)).toEqual({ files: 0, chunks: 0 });
  });

  it("deletes a session's unsent files when the session is destroyed or expires", async () => {
    await put(pseudoRandomBytes(300 * 1024));
    await sessions.destroy(session);
    expect(await rows(db)).toEqual({ files: 0, chunks: 0 });

    const expiring = await newSession();
    await put(pseudoRandomBytes(300 * 1024), "x.pdf", ownerOf(expiring));
    now += 2 * 60 * 60_000;
    expect(await sessions.sweepExpired()).toBeGreaterThan(0);
    expect(await rows(db)).toEqual({ files: 0, chunks: 0 });
  });

  it("moves unsent files with the answers when the session's id is rotated", async () => {
    await put(Buffer.from("mine"));
    const oldId = session.id!;
    await sessions.rotate(session);
    expect(session.id).not.toBe(oldId);
    const moved = ownerOf(session);
    expect((await store.list(moved)).map((f) => f.name)).toEqual(["letter.pdf"]);
    // The old id's pointer expires and is swept; the files stay with the new id.
    now += 3 * 60_000;
    await sessions.sweepExpired();
    expect(await rows(db)).toEqual({ files: 1, chunks: 1 });
  });

  it("hands files to their submission, and the purge deletes them with it", async () => {
    const submissions = new SubmissionStore(db, sealer);
    await put(pseudoRandomBytes(300 * 1024), "photo.pdf");
    const pending = await store.begin(owner, "unfinished.pdf");
    await pending.write(Buffer.from("half"));
    const { submission } = await submissions.store(
      { journey: "complaint", type: "complaint", schemaVersion: 1, language: "en", answers: {}, idempotencyKey: owner.runId, replyBy: null, submittedAt: new Date(now).toISOString(), service: null, flags: [] },
      () => `C-${randomUUID().slice(0, 8)}`,
      async (tx, stored) => void (await store.attachToSubmission(tx, owner, stored.id)),
    );
    expect(await store.list(owner)).toEqual([]);
    const sent = await store.listForSubmission(submission.id);
    expect(sent.map((f) => f.name)).toEqual(["photo.pdf"]);
    expect(await store.openSubmitted(sent[0]!.id)).not.toBeNull();
    // Ending the session no longer touches them.
    await sessions.destroy(session);
    expect(await rows(db)).toEqual({ files: 1, chunks: 2 });

    expect(await new Retention(db, new CaseStore(db, sealer, { timetable: exampleTimetable, webhookNames: [] })).purge(now + 31 * 86_400_000, 30)).toBe(1);
    expect(await rows(db)).toEqual({ files: 0, chunks: 0 });
    expect(await store.openSubmitted(sent[0]!.id)).toBeNull();
  });

  it("seals every name and piece again with a new key, and they open without the old one", async () => {
    const bytes = pseudoRandomBytes(600 * 1024);
    const stored = await put(bytes, "rotated.pdf");
    if (!stored.ok) throw new Error("not stored");
    const rotated = new EvidenceStore(db, new Sealer(parseKeyring(`${key2},${key1}`)), evidenceLimits, () => now);
    expect(await rotated.resealAll()).toBe(1 + 3);
    expect(await rotated.resealAll()).toBe(0);
    const newOnly = new EvidenceStore(db, new Sealer(parseKeyring(key2)), evidenceLimits, () => now);
    const opened = await newOnly.open(owner, stored.file.id);
    expect(opened!.file.name).toBe("rotated.pdf");
    expect((await readAll(opened!.content)).equals(bytes)).toBe(true);
    await expect(store.open(owner, stored.file.id)).rejects.toThrow(/no key k2/);
  });

  it("is shared by every instance: stored through one connection, read through another", async () => {
    const bytes = pseudoRandomBytes(900 * 1024);
    const stored = await put(bytes, "shared.pdf");
    if (!stored.ok) throw new Error("not stored");
    const elsewhere = openDatabaseUrl(database.url);
    try {
      const other = new EvidenceStore(elsewhere, new Sealer(parseKeyring(key1)), evidenceLimits, () => now);
      const opened = await other.open(owner, stored.file.id);
      expect((await readAll(opened!.content)).equals(bytes)).toBe(true);
    } finally {
      await elsewhere.close();
    }
  });
});
