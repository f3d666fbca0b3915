// Uploads over real HTTP into a real Express app, scanned by a real clamd, stored on both engines: every type
// and limit, EICAR, clamd stopped and back, forged and malformed bodies, a 30 MB body cut off at 21 MB in
// bounded memory, a refused body's rest read and dropped (and its limits), slow and stalled uploads, and the
// signed download of a sent file.
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabaseUrl, type Database } from "~/services/database.server";
import { newKeyEntry, parseKeyring, Sealer } from "~/services/encryption.server";
import { migrate } from "~/services/migrations.server";
import { CaseStore } from "~/cases/case-store.server";
import { exampleTimetable } from "../../tests/support/example-timetable";
import { Retention } from "~/services/retention.server";
import { SessionStore } from "~/services/session-store.server";
import { SubmissionStore } from "~/services/submissions.server";
import { EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from "../../tests/support/clamd";
import { docx, encryptedDocx, pdf, png, pseudoRandomBytes, samples } from "../../tests/support/evidence-files";
import { BOUNDARY, generated, multipartBody, postMultipart, type Part } from "../../tests/support/multipart";
import { rawHttpClient } from "../../tests/support/raw-http-client";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { ClamdClient } from "./clamav.server";
import { EvidenceLinks, evidenceDownloads } from "./download.server";
import { evidenceLimits } from "./evidence-limits";
import { EvidenceStore, type EvidenceOwner } from "./evidence-store.server";
import { evidenceTypeNames } from "./file-types";
import { evidenceUploadRoute, receiveEvidenceUpload, type UploadResult } from "./upload.server";
import { applyConnectionLimits, portalConnectionLimits } from "../../server/connection-limits";

const MB = 1024 * 1024;
const IDLE_MS = 1_500;
/** The test servers' idle limit (IDLE_TIMEOUT_SECONDS): what closes a connection whose refused body stopped coming. */
const SERVER_IDLE_MS = 5_000;

interface Visitor {
  cookie: string;
  csrf: string;
  owner: EvidenceOwner;
}

interface Answer {
  status: number;
  upload: { fields: Record<string, string>; files: Array<{ ok: boolean; name: string; error?: string; file?: { id: string; size: number; sha256: string; scan: string; type: string } }>; refusal: string | null };
  written: number;
}

let clamd: TestClamd;
beforeAll(async () => {
  clamd = await startClamd();
}, 60_000);
afterAll(async () => {
  await clamd?.close();
});

describe.each(engines)("evidence uploads on %s", (engine) => {
  let database: TestDatabase;
  let db: Database;
  let sessions: SessionStore;
  let store: EvidenceStore;
  let sealer: Sealer;
  let base: string;
  let links: EvidenceLinks;
  let now: number;

  beforeEach(async () => {
    database = await createTestDatabase(engine, mkdtempSync(path.join(tmpdir(), "uploads-")));
    db = openDatabaseUrl(database.url);
    await migrate(db);
    now = Date.now();
    sealer = new Sealer(parseKeyring(newKeyEntry("k1")));
    sessions = new SessionStore(db, "u".repeat(32), 60 * 60_000, { secure: false, name: "session" }, sealer);
    store = new EvidenceStore(db, sealer);
    links = new EvidenceLinks("u".repeat(32), "http://portal.test", 7 * 86_400_000, () => now);
    ({ base } = await listen(IDLE_MS));
  });
  const servers: Server[] = [];
  /** Sessions whose answers have not reached the page for files. */
  const notReached = new Set<string>();
  /**
   * The app of an upload page, on a server of its own with the connection limits the real server has (server/main.ts),
   * with the upload's idle limit and the server's given. The server's is the longer by default, so that the upload's
   * is the one a stalled upload meets.
   */
  const listen = async (idleTimeoutMs: number, serverIdleMs = SERVER_IDLE_MS): Promise<{ server: Server; base: string }> => {
    const app = express();
    // As the server's rate limit does for a post sent with JavaScript: refused, left for its route to answer.
    app.use((req, res, next) => {
      if (req.headers["x-test-refused"]) res.locals.refusal = { reason: "rate" };
      next();
    });
    app.use(
      evidenceUploadRoute({
        store,
        scanner: new ClamdClient(clamd.tcp, 10_000),
        verifyCsrf: (session, token) => sessions.verifyCsrf(session, token),
        loadSession: (req) => sessions.loadFromCookieHeader(req.headers.cookie ?? null),
        journeyOf: (p) => (p === "/complaint/evidence" ? "complaint" : null),
        reached: (session) => !notReached.has(session.id ?? ""),
        fileField: "evidence",
        fields: ["action", "remove"],
        limits: { ...evidenceLimits, idleTimeoutMs },
      }),
    );
    app.post("/complaint/evidence", (_req, res) => {
      const upload = res.locals.evidenceUpload as UploadResult | undefined;
      res.json(upload ? { fields: Object.fromEntries(upload.fields), files: upload.files, refusal: upload.refusal } : null);
    });
    // `wait`: answered that many milliseconds late, as a slow page is.
    app.get("/ping", (req, res) => void setTimeout(() => res.send("pong"), Number(req.query.wait ?? 0)));
    app.get("/api/files/:id", evidenceDownloads({ evidence: store, evidenceLinks: links }));
    const started = app.listen(0, "127.0.0.1");
    applyConnectionLimits(started, portalConnectionLimits({ HEADERS_TIMEOUT_SECONDS: 20, IDLE_TIMEOUT_SECONDS: serverIdleMs / 1000, MIN_BODY_BYTES_PER_SECOND: 1_000, MAX_CONNECTIONS_PER_CLIENT: 100, TRUST_PROXY: false }, () => undefined));
    // Node's own wait for a kept-alive connection's next request is made long, so that only the upload's limits can
    // close a connection within a test's time.
    started.keepAliveTimeout = 60_000;
    servers.push(started);
    await once(started, "listening");
    return { server: started, base: `http://127.0.0.1:${(started.address() as AddressInfo).port}` };
  };
  afterEach(async () => {
    for (const each of servers.splice(0)) {
      each.closeAllConnections();
      await new Promise((r) => each.close(r));
    }
    await db.close();
    await database.drop();
  });

  const visitor = async (): Promise<Visitor> => {
    const session = await sessions.load(new Request("http://localhost/"));
    session.data.journeys.complaint = { runId: randomUUID(), answers: { service: { service: "childrens-social-care" } } };
    const cookie = (await sessions.save(session))!.split(";")[0]!;
    return { cookie, csrf: sessions.csrfToken(session), owner: { sessionId: session.id!, journey: "complaint", runId: session.data.journeys.complaint.runId } };
  };

  const upload = async (who: Visitor, files: Array<{ filename: string; content: Buffer | (() => AsyncIterable<Buffer>) }>, extra: Partial<Parameters<typeof postMultipart>[1]> = {}): Promise<Answer> => {
    const parts: Part[] = [{ name: "csrf", value: who.csrf }, ...files.map((f) => ({ name: "evidence", ...f })), { name: "action", value: "upload" }];
    const result = await postMultipart(`${base}/complaint/evidence`, { cookie: who.cookie, parts, ...extra });
    return { status: result.status, upload: JSON.parse(result.text) as Answer["upload"], written: result.written };
  };

  const rows = async () => {
    const files = await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM evidence_files");
    const chunks = await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM evidence_chunks");
    return { files: Number(files?.n), chunks: Number(chunks?.n) };
  };

  const bodyOf = async (parts: Part[]): Promise<Buffer> => {
    const pieces: Buffer[] = [];
    for await (const piece of multipartBody(parts)) pieces.push(piece);
    return Buffer.concat(pieces);
  };

  const rawClient = (to = base) => rawHttpClient(Number(new URL(to).port));

  it("accepts one of each type, scanned clean, and keeps exactly its bytes", async () => {
    const who = await visitor();
    for (const type of evidenceTypeNames.slice(0, 5)) {
      const sample = samples[type];
      const { upload: answer } = await upload(who, [{ filename: sample.name, content: sample.bytes() }]);
      expect(answer.refusal).toBeNull();
      expect(answer.fields).toEqual({ csrf: who.csrf, action: "upload" });
      expect(answer.files).toMatchObject([{ ok: true, name: sample.name, file: { type, scan: "clean", sha256: createHash("sha256").update(sample.bytes()).digest("hex") } }]);
    }
    // Several at once, as the enhanced upload sends them.
    const who2 = await visitor();
    const several = evidenceTypeNames.slice(5);
    const { upload: answer } = await upload(who2, several.map((type) => ({ filename: samples[type].name, content: samples[type].bytes() })));
    expect(answer.files.map((f) => [f.ok, f.file?.type])).toEqual(several.map((type) => [true, type]));
    for (const type of several) {
      const listed = (await store.list(who2.owner)).find((f) => f.type === type)!;
      const opened = await store.open(who2.owner, listed.id);
      const pieces: Buffer[] = [];
      for await (const piece of opened!.content) pieces.push(piece);
      expect(Buffer.concat(pieces).equals(samples[type].bytes())).toBe(true);
    }
  });

  it("refuses each broken rule with its own error and keeps nothing of the refused files", async () => {
    const who = await visitor();
    const cases: Array<[string, Buffer, string]> = [
      ["screenshot.jpg", png(), "wrong-type"],
      ["setup.exe", Buffer.from("MZ"), "wrong-type"],
      ["letter.doc", encryptedDocx(), "wrong-type"],
      ["empty.pdf", Buffer.alloc(0), "empty"],
      ["locked.pdf", pdf({ encrypt: "trailer" }), "password-protected"],
      ["locked.docx", encryptedDocx(), "password-protected"],
    ];
    for (const [filename, content, error] of cases) {
      const { upload: answer } = await upload(who, [{ filename, content }]);
      expect(answer.files, filename).toEqual([{ ok: false, name: filename, error }]);
    }
    const { upload: tooLarge } = await upload(who, [{ filename: "huge.pdf", content: generated(10 * MB + 1, Buffer.from("%PDF-1.7\n")) }]);
    expect(tooLarge.files).toEqual([{ ok: false, name: "huge.pdf", error: "too-large" }]);
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
  });

  it("takes 5 files and 20 MB in a run, and says which limit a file passed", async () => {
    const who = await visitor();
    const first = await upload(who, [
      { filename: "a.pdf", content: generated(9.5 * MB, Buffer.from("%PDF-1.7\n")) },
      { filename: "b.pdf", content: generated(9.5 * MB, Buffer.from("%PDF-1.7\n")) },
      { filename: "c.pdf", content: generated(2 * MB, Buffer.from("%PDF-1.7\n")) },
    ]);
    expect(first.upload.files.map((f) => f.error ?? "ok")).toEqual(["ok", "ok", "total-too-large"]);
    const who2 = await visitor();
    const six = Array.from({ length: 6 }, (_, i) => ({ filename: `note ${i}.txt`, content: Buffer.from(`note ${i}`) }));
    const answer = await upload(who2, six);
    expect(answer.upload.files.map((f) => f.error ?? "ok")).toEqual(["ok", "ok", "ok", "ok", "ok", "too-many"]);
    expect((await upload(who2, [six[0]!])).upload.files).toEqual([{ ok: false, name: "note 0.txt", error: "too-many" }]);
    expect(await rows()).toEqual({ files: 7, chunks: 2 * 38 + 5 });
  });

  it("refuses the EICAR test file as infected and keeps nothing", async () => {
    const who = await visitor();
    for (const filename of ["eicar.txt", "eicar"]) {
      const { upload: answer } = await upload(who, [{ filename, content: EICAR }]);
      expect(answer.files).toMatchObject([{ ok: false, error: "infected" }]);
    }
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
    expect(EICAR_SIGNATURE).toContain("Eicar");
  });

  it("refuses files while clamd is stopped, never accepting them unscanned, and takes them once it is back", async () => {
    const who = await visitor();
    await clamd.stop();
    try {
      const { upload: answer } = await upload(who, [{ filename: "letter.pdf", content: pdf() }]);
      expect(answer.files).toEqual([{ ok: false, name: "letter.pdf", error: "scanner-unavailable" }]);
      expect(await rows()).toEqual({ files: 0, chunks: 0 });
    } finally {
      await clamd.start();
    }
    const { upload: again } = await upload(who, [{ filename: "letter.pdf", content: pdf() }]);
    expect(again.files).toMatchObject([{ ok: true, file: { scan: "clean" } }]);
  }, 60_000);

  it("adds the extension to a name without one, and shows any name safely", async () => {
    const who = await visitor();
    const { upload: answer } = await upload(who, [
      { filename: "IMG_0042", content: samples.heic.bytes() },
      { filename: `..\\..\\evil\u202Egpj.exe${"x".repeat(10_000)}.txt`, content: Buffer.from("notes") },
    ]);
    expect(answer.files.map((f) => f.name)).toEqual(["IMG_0042.heic", `evilgpj.exe${"x".repeat(100 - "evilgpj.exe".length - 4)}.txt`]);
    expect(answer.files.every((f) => f.ok)).toBe(true);
    // A control character in a part's header is not HTTP: the whole post is refused, plainly.
    const { upload: controls } = await upload(who, [{ filename: "bell\u0007.txt", content: Buffer.from("notes") }]);
    expect(controls.refusal).toBe("malformed");
  });

  it("leaves a post the server has already refused unread", async () => {
    const who = await visitor();
    const result = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${base}/complaint/evidence`, { method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Cookie: who.cookie, "X-Test-Refused": "1" } });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (c: Buffer) => (text += c.toString()));
        response.on("end", () => resolve(text));
      });
      request.on("error", reject);
      void (async () => {
        for await (const piece of multipartBody([{ name: "csrf", value: who.csrf }, { name: "evidence", filename: "letter.pdf", content: pdf() }])) request.write(piece);
        request.end();
      })();
    });
    expect(result).toBe("null");
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
  });

  it("reports no file when the file input was left empty", async () => {
    const who = await visitor();
    const { upload: answer } = await upload(who, [{ filename: "", content: Buffer.alloc(0) }]);
    expect(answer).toEqual({ fields: { csrf: who.csrf, action: "upload" }, files: [], refusal: null });
  });

  it("refuses a forged upload before storing a byte: no token, a wrong one, or one after the file", async () => {
    const who = await visitor();
    const file: Part = { name: "evidence", filename: "letter.pdf", content: pdf() };
    for (const parts of [[file], [{ name: "csrf", value: "forged" }, file], [file, { name: "csrf", value: who.csrf }], [{ name: "csrf", value: who.csrf.slice(0, -1) }]]) {
      const result = await postMultipart(`${base}/complaint/evidence`, { cookie: who.cookie, parts: parts as Part[] });
      expect((JSON.parse(result.text) as Answer["upload"]).refusal).toBe("forgery");
    }
    const stranger = await visitor();
    const result = await postMultipart(`${base}/complaint/evidence`, { cookie: stranger.cookie, parts: [{ name: "csrf", value: who.csrf }, file] });
    expect((JSON.parse(result.text) as Answer["upload"]).refusal).toBe("forgery");
    const noSession = await postMultipart(`${base}/complaint/evidence`, { parts: [{ name: "csrf", value: who.csrf }, file] });
    expect((JSON.parse(noSession.text) as Answer["upload"]).refusal).toBe("forgery");
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
  });

  it("takes no file from a session whose answers have not reached the page for files, storing nothing", async () => {
    const early = await visitor();
    notReached.add(early.owner.sessionId);
    const { upload: answer } = await upload(early, [{ filename: "letter.pdf", content: pdf() }]);
    expect(answer.refusal).toBe("forgery");
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
    notReached.delete(early.owner.sessionId);
    expect((await upload(early, [{ filename: "letter.pdf", content: pdf() }])).upload.files).toMatchObject([{ ok: true }]);
  });

  it("answers a body that is not our form with a clear refusal, not an error", async () => {
    const who = await visitor();
    const post = async (options: Parameters<typeof postMultipart>[1]) => {
      const result = await postMultipart(`${base}/complaint/evidence`, { cookie: who.cookie, ...options });
      expect(result.status).toBe(200);
      return (JSON.parse(result.text) as Answer["upload"]).refusal;
    };
    expect(await post({ contentType: "multipart/form-data", parts: [{ name: "csrf", value: who.csrf }] })).toBe("malformed");
    expect(await post({ contentType: "multipart/form-data; boundary=", parts: [{ name: "csrf", value: who.csrf }] })).toBe("malformed");
    const tiny = Array.from({ length: 5_000 }, (_, i): Part => ({ name: "action", value: String(i % 10) }));
    expect(await post({ parts: [{ name: "csrf", value: who.csrf }, ...tiny] })).toBe("malformed");
    expect(await post({ parts: [{ name: "csrf", value: who.csrf }, { name: "surprise", value: "x" }] })).toBe("malformed");
    expect(await post({ parts: [{ name: "csrf", value: who.csrf }, { name: "other-file", filename: "a.pdf", content: pdf() }] })).toBe("malformed");
    expect(await post({ parts: [{ name: "csrf", value: who.csrf }, { name: "action", value: "x".repeat(5000) }] })).toBe("malformed");
    expect(await post({ body: (async function* () { yield Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${who.csrf}`); })() })).toBe("malformed");
    // Not multipart at all: the route is never handed it.
    const urlencoded = await postMultipart(`${base}/complaint/evidence`, { cookie: who.cookie, contentType: "application/x-www-form-urlencoded", body: (async function* () { yield Buffer.from("a=b"); })() });
    expect(urlencoded.text).toBe("null");
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
    const direct = await receiveEvidenceUpload(
      { contentType: "text/plain", contentLength: "3", body: (await import("node:stream")).Readable.from([Buffer.from("abc")]) },
      { store, scanner: new ClamdClient(clamd.tcp, 5_000), owner: who.owner, verifyCsrf: () => true, fileField: "evidence" },
    );
    expect(direct.refusal).toBe("malformed");
  });

  it("cuts a 30 MB body off at 21 MB, in bounded memory, and keeps nothing", async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error("run Vitest with --expose-gc (vitest.config.ts does)");
    const who = await visitor();
    // Live memory, after collection: what the server holds, not garbage waiting to be collected.
    const live = () => {
      // Twice: V8 frees dead buffers' memory on a background thread after a collection, and finishes that
      // before it starts the next one.
      gc();
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const baseline = live();
    let peak = baseline;
    const sampler = setInterval(() => {
      const value = live();
      peak = Math.max(peak, value);
    }, 20);
    let answer: Answer;
    try {
      // The client runs in its own process, so only the server's memory is in this one.
      const client = spawn(process.execPath, [fileURLToPath(new URL("../../tests/support/upload-client.mjs", import.meta.url)), `${base}/complaint/evidence`, who.cookie, who.csrf, "video.pdf", String(30 * MB), "%PDF-1.7\n"], { stdio: ["ignore", "pipe", "inherit"] });
      const output: Buffer[] = [];
      client.stdout.on("data", (data: Buffer) => output.push(data));
      const [code] = (await once(client, "exit")) as [number];
      expect(code).toBe(0);
      const result = JSON.parse(Buffer.concat(output).toString("utf8")) as { status: number; text: string; written: number };
      answer = { status: result.status, upload: JSON.parse(result.text) as Answer["upload"], written: result.written };
    } finally {
      clearInterval(sampler);
    }
    expect(answer.upload.refusal).toBe("body-too-large");
    expect(answer.upload.files).toEqual([{ ok: false, name: "video.pdf", error: "too-large" }]);
    // The bound: the server's live memory grew by less than 4 MB while 21 MB went through it (one 256 KB piece,
    // stream buffers of 64 KB, the database driver's); holding the body would have needed 21 MB or more.
    console.log(`30 MB upload cut off at 21 MB: the server's live memory grew by at most ${((peak - baseline) / MB).toFixed(2)} MB`);
    expect(peak - baseline).toBeLessThan(4 * MB);
    expect(await rows()).toEqual({ files: 0, chunks: 0 });

    // Said to be too large up front, as a browser's form post says its length: read as far as the limit all the
    // same, so the answer names the file that was too large (and the token was checked).
    const declared = await postMultipart(`${base}/complaint/evidence`, { cookie: who.cookie, contentLength: 30 * MB, parts: [{ name: "csrf", value: who.csrf }, { name: "evidence", filename: "video.pdf", content: generated(30 * MB, Buffer.from("%PDF-1.7\n")) }] });
    expect(JSON.parse(declared.text)).toEqual({ fields: { csrf: who.csrf }, files: [{ ok: false, name: "video.pdf", error: "too-large" }], refusal: "body-too-large" });
    expect(await rows()).toEqual({ files: 0, chunks: 0 });

    // Said to be longer than a refusal reads and drops: refused unread. The connection takes only what the two
    // sockets' buffers hold (about 10 MB on Linux's loopback).
    const huge = await postMultipart(`${base}/complaint/evidence`, { cookie: who.cookie, contentLength: evidenceLimits.maxDrainBytes + 1, parts: [{ name: "csrf", value: who.csrf }, { name: "evidence", filename: "video.pdf", content: generated(evidenceLimits.maxDrainBytes + 1, Buffer.from("%PDF-1.7\n")) }] });
    expect((JSON.parse(huge.text) as Answer["upload"]).refusal).toBe("body-too-large");
    expect(huge.written).toBeLessThan(20 * MB);
  }, 180_000);

  it("reads and drops the rest of a refused body, so a browser that sends all of it before reading gets the answer, and the connection goes on", async () => {
    // As the real server is set up (server/main.ts), but with Node's wait for a kept-alive connection's next request
    // as short as it goes (Node adds a second to it), so that a pause in the body's rest outlasts it well within the
    // server's idle limit.
    const real = await listen(30_000, 30_000);
    real.server.keepAliveTimeout = 1;
    const who = await visitor();
    const body = await bodyOf([{ name: "csrf", value: who.csrf }, { name: "evidence", filename: "video.pdf", content: generated(30 * MB, Buffer.from("%PDF-1.7\n")) }]);
    const client = await rawClient(real.base);
    const first = 22 * MB;
    await client.write(Buffer.from(`POST /complaint/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${who.cookie}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${body.length}\r\n\r\n`));
    await client.write(body.subarray(0, first));
    // The answer came while the body was still being sent; a browser reads it only after sending the rest, which
    // here pauses for longer than Node's keep-alive wait, then comes, with another request on the same connection.
    await expect.poll(() => client.responses().length, { timeout: 30_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // The body's end and the next request in one write, as a browser's pipelining or a quick next click may come:
    // the next page takes longer than Node's keep-alive wait to answer, and must not be cut off by it.
    await client.write(Buffer.concat([body.subarray(first), Buffer.from("GET /ping?wait=2500 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")]));
    await expect.poll(() => client.responses().length, { timeout: 30_000 }).toBe(2);
    const [answer, ping] = client.responses();
    expect(answer!.status).toBe(200);
    expect(JSON.parse(answer!.body)).toEqual({ fields: { csrf: who.csrf }, files: [{ ok: false, name: "video.pdf", error: "too-large" }], refusal: "body-too-large" });
    expect(ping).toEqual({ status: 200, body: "pong" });
    expect(client.closed()).toBe(false);
    client.close();
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
  }, 60_000);

  it("closes a refused body's connection past 64 MB from its start, or when it stops coming, whether or not it had a session", async () => {
    const who = await visitor();
    for (const cookie of [who.cookie, null]) {
      // A body that never ends (chunked, so it says no length), after the answer as before it.
      const client = await rawClient();
      await client.write(Buffer.from(`POST /complaint/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\n${cookie ? `Cookie: ${cookie}\r\n` : ""}Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nTransfer-Encoding: chunked\r\n\r\n`));
      for await (const piece of multipartBody([{ name: "csrf", value: who.csrf }, { name: "evidence", filename: "video.pdf", content: generated(200 * MB, Buffer.from("%PDF-1.7\n"), 256 * 1024) }])) {
        if (!(await client.write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])))) break;
      }
      await expect.poll(() => client.closed(), { timeout: 30_000 }).toBe(true);
      expect(client.responses()).toHaveLength(1);
      expect((JSON.parse(client.responses()[0]!.body) as Answer["upload"]).refusal).toBe(cookie ? "body-too-large" : "forgery");
      // What the server read and dropped, and what the sockets' buffers held when it closed.
      expect(client.written()).toBeGreaterThan(evidenceLimits.maxDrainBytes);
      expect(client.written()).toBeLessThan(evidenceLimits.maxDrainBytes + 20 * MB);
    }

    // A refused body that stops coming: closed after the server's idle limit (Node's own wait is a minute here).
    const client = await rawClient();
    const body = await bodyOf([{ name: "csrf", value: who.csrf }, { name: "evidence", filename: "video.pdf", content: generated(30 * MB, Buffer.from("%PDF-1.7\n")) }]);
    await client.write(Buffer.from(`POST /complaint/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${who.cookie}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${body.length}\r\n\r\n`));
    await client.write(body.subarray(0, 22 * MB));
    await expect.poll(() => client.closed(), { timeout: 20_000 }).toBe(true);
    expect(client.responses()).toHaveLength(1);
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
  }, 90_000);

  it("lets a slow upload finish while other requests are answered, and gives up on a stalled one", async () => {
    const who = await visitor();
    // 1.3 MB at about 300 KB a second: longer in all than the idle limit, but never silent for that long.
    const started = Date.now();
    let slowDone = false;
    const slow = upload(who, [{ filename: "slow.pdf", content: generated(Math.round(1.3 * MB), Buffer.from("%PDF-1.7\n"), 64 * 1024) }], { pauseMs: 200 }).finally(() => (slowDone = true));
    // Another request is answered while the upload is still arriving.
    const ping = await fetch(`${base}/ping`);
    expect(await ping.text()).toBe("pong");
    expect(slowDone).toBe(false);
    const { upload: answer } = await slow;
    expect(Date.now() - started).toBeGreaterThan(IDLE_MS);
    expect(answer.files).toMatchObject([{ ok: true, name: "slow.pdf", file: { scan: "clean" } }]);

    const stalled = await upload(who, [{ filename: "stalled.pdf", content: generated(2 * MB, Buffer.from("%PDF-1.7\n")) }], { stallAfter: 600 * 1024 });
    expect(stalled.upload.refusal).toBe("timeout");
    expect(stalled.upload.files).toEqual([{ ok: false, name: "stalled.pdf", error: "upload-failed" }]);
    expect(await rows()).toEqual({ files: 1, chunks: 6 });
  }, 30_000);

  it("serves a sent file through its signed link, and nothing once expired, forged or purged", async () => {
    const who = await visitor();
    const content = docx("Statement", { padding: 600 * 1024 });
    const { upload: answer } = await upload(who, [{ filename: "Zażółć list.docx", content }]);
    const id = answer.files[0]!.file!.id;
    // Not yet sent: no link opens it.
    const early = links.linkFor(id);
    expect((await fetch(early.url.replace("http://portal.test", base))).status).toBe(404);

    const submissions = new SubmissionStore(db, sealer);
    const { submission } = await submissions.store(
      { journey: "complaint", type: "complaint", schemaVersion: 1, language: "en", answers: {}, idempotencyKey: who.owner.runId, replyBy: null, submittedAt: new Date().toISOString(), service: null, flags: [] },
      () => `C-${randomUUID().slice(0, 8)}`,
      async (tx, stored) => void (await store.attachToSubmission(tx, who.owner, stored.id)),
    );
    const link = links.linkFor(id);
    expect(link.expiresAt).toBe(new Date(Math.floor((now + 7 * 86_400_000) / 1000) * 1000).toISOString());
    const url = link.url.replace("http://portal.test", base);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Za?ó?? list.docx"; filename*=UTF-8''Za%C5%BC%C3%B3%C5%82%C4%87%20list.docx`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = Buffer.from(await response.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(createHash("sha256").update(content).digest("hex"));

    const statusOf = async (u: string) => {
      const r = await fetch(u);
      return [r.status, await r.text()];
    };
    const signature = new URL(url).searchParams.get("signature")!;
    expect(await statusOf(url.replace(signature, `${signature.slice(0, -2)}AA`))).toEqual([404, "Not found"]);
    expect(await statusOf(url.replace(/expires=\d+/, (m) => `expires=${Number(m.slice(8)) + 1}`))).toEqual([404, "Not found"]);
    expect(await statusOf(url.replace(id, `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`))).toEqual([404, "Not found"]);
    expect(await statusOf(`${base}/api/files/${id}`)).toEqual([404, "Not found"]);
    now += 7 * 86_400_000 + 1000;
    expect(await statusOf(url)).toEqual([404, "Not found"]);
    now -= 7 * 86_400_000;
    expect((await fetch(url)).status).toBe(200);
    expect(await new Retention(db, new CaseStore(db, sealer, { timetable: exampleTimetable, webhookNames: [] })).purge(Date.now() + 31 * 86_400_000, 30)).toBe(1);
    expect(await statusOf(url)).toEqual([404, "Not found"]);
    expect(submission.id).toBeTruthy();
    expect(await rows()).toEqual({ files: 0, chunks: 0 });
  });

  it("builds bodies the way browsers do (a sanity check on the test's own encoder)", async () => {
    const pieces: Buffer[] = [];
    for await (const piece of multipartBody([{ name: "a", value: "1" }, { name: "f", filename: "x.txt", content: Buffer.from("hi") }])) pieces.push(piece);
    const form = await new Response(Buffer.concat(pieces), { headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` } }).formData();
    expect(form.get("a")).toBe("1");
    expect(await (form.get("f") as File).text()).toBe("hi");
    expect(pseudoRandomBytes(4)).toHaveLength(4);
  });
});
