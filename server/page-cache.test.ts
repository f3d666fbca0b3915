// The cache on its own, in a real Express app on loopback, with a page that prints its tokens the way Remix does.
import type { AddressInfo } from "node:net";
import { get as httpGet, type IncomingHttpHeaders, type Server } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { compressReads } from "./compress-whole";
import { pageCache, type PageVisit } from "./page-cache";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

interface Setup {
  visit?: (req: express.Request) => PageVisit | null;
  maxBytes?: number;
  maxPageBytes?: number;
  maxAgeMs?: number;
  now?: () => number;
  schedule?: (clear: () => void, delayMs: number) => void;
  /** Run before the cache on each request. */
  before?: express.RequestHandler;
  /** What the "renderer" does besides printing the page. */
  render?: (req: express.Request, res: express.Response) => void;
}

async function start({ visit, maxBytes = 100_000, maxPageBytes = 10_000, maxAgeMs = 60_000, now, schedule, before, render }: Setup) {
  const renders: string[] = [];
  const app = express();
  let nonces = 0;
  app.use((_req, res, next) => {
    res.locals.nonce = `nonce${++nonces}nonce`;
    res.locals.requestId = `request-${nonces}`;
    next();
  });
  // As in server/express-app.ts: reads are compressed, unless already encoded.
  app.use(compressReads());
  if (before) app.use(before);
  const cache = pageCache({ visitOf: visit ?? ((req) => ({ key: req.path, tokens: { csrf: String(req.query.who ?? "") ? `token-of-${String(req.query.who)}` : undefined } })), maxBytes, maxPageBytes, maxAgeMs, now, schedule, announceHits: true });
  app.use(cache);
  app.get("*", (req, res) => {
    renders.push(req.path);
    // As server/remix-handler.ts does: the address the page was rendered for.
    res.locals.renderedUrl = req.originalUrl;
    render?.(req, res);
    if (res.headersSent) return;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    const csrf = req.query.who ? `token-of-${String(req.query.who)}` : "";
    res.end(`<script nonce="${String(res.locals.nonce)}"></script><p>${req.path}</p><input name="csrf" value="${csrf}"><script nonce="${String(res.locals.nonce)}"></script>`);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Plain unless asked otherwise: Node's fetch would ask for gzip and undo it unseen.
  const get = async (path: string, acceptEncoding = "identity") => {
    const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": acceptEncoding } });
    return { status: response.status, hit: response.headers.get("x-page-cache") === "hit", cacheControl: response.headers.get("cache-control"), body: await response.text() };
  };
  /** The response as it came: its bytes not decoded. */
  const raw = (path: string, acceptEncoding: string) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(`${base}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
  return { get, raw, renders, cache };
}

describe("pageCache", () => {
  it("renders once, then serves the copy with each request's own nonce and token", async () => {
    const { get, renders } = await start({});
    const first = await get("/a?who=ann");
    const second = await get("/a?who=bob");
    expect(renders).toEqual(["/a"]);
    expect(first.hit).toBe(false);
    expect(second).toMatchObject({ hit: true, status: 200, cacheControl: "no-store" });
    expect(second.body).toBe('<script nonce="nonce2nonce"></script><p>/a</p><input name="csrf" value="token-of-bob"><script nonce="nonce2nonce"></script>');
  });

  it("puts the tokens back byte for byte in a page of many languages written in several pieces", async () => {
    // Arabic, Polish and an emoji on either side of the tokens: the copy is split as bytes, never decoded.
    const { get, renders } = await start({
      render: (req, res) => {
        const csrf = `token-of-${String(req.query.who)}`;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.write(`<p>تقديم شكوى</p><script nonce="${String(res.locals.nonce)}">`);
        res.write(Buffer.from(`</script><p>Złóż skargę 🙂</p><input name="csrf" value="${csrf}">`));
        res.end(`<p>نعم ${csrf}</p>`);
      },
    });
    await get("/many?who=ann");
    const second = await get("/many?who=bob");
    expect(renders).toEqual(["/many"]);
    expect(second.hit).toBe(true);
    expect(second.body).toBe('<p>تقديم شكوى</p><script nonce="nonce2nonce"></script><p>Złóż skargę 🙂</p><input name="csrf" value="token-of-bob"><p>نعم token-of-bob</p>');
  });

  it("gives a browser that takes gzip its copy compressed: whole the first time, as any page, then put together from pieces compressed once", async () => {
    const { get, raw, renders } = await start({
      render: (req, res) => {
        const csrf = `token-of-${String(req.query.who)}`;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(`<p>تقديم شكوى</p><script nonce="${String(res.locals.nonce)}">${"<p>Złóż skargę</p>".repeat(50)}</script><input name="csrf" value="${csrf}">`);
      },
    });
    await get("/gz?who=ann");
    const plain = await raw("/gz?who=bob", "identity");
    const gzipped = await raw("/gz?who=bob", "gzip, deflate, br");
    const again = await raw("/gz?who=cyd", "gzip, deflate");
    expect(renders).toEqual(["/gz"]);
    expect(plain.headers).toMatchObject({ "x-page-cache": "hit", "content-length": String(plain.body.length), vary: "Accept-Encoding" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["transfer-encoding"]).toBeUndefined();
    expect(gzipped.headers).toMatchObject({ "x-page-cache": "hit", "content-encoding": "gzip", "content-length": String(gzipped.body.length), vary: "Accept-Encoding" });
    const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)![1]!;
    const unzipped = gunzipSync(gzipped.body).toString();
    expect(unzipped).toBe(plain.body.toString().replace(nonceOf(plain.body.toString()), nonceOf(unzipped)));
    const fromPieces = gunzipSync(again.body).toString();
    expect(fromPieces).toBe(plain.body.toString().replace(nonceOf(plain.body.toString()), nonceOf(fromPieces)).replace("token-of-bob", "token-of-cyd"));
    expect(again.headers).toMatchObject({ "content-encoding": "gzip", "content-length": String(again.body.length) });
    // Put together from pieces: the token is in it as it is, in a stored block of its own.
    expect(again.body.includes("token-of-cyd")).toBe(true);
    expect(gzipped.body.includes("token-of-bob")).toBe(false);
    // A browser that takes only brotli gets the copy compressed as any other page is; so does one that prefers it, the
    // first time a copy is served (compressing whole follows the browser's order), and then gzip from the pieces.
    const brotli = await raw("/gz?who=bob", "br");
    expect(brotli.headers).toMatchObject({ "x-page-cache": "hit", "content-encoding": "br", "content-length": String(brotli.body.length), vary: "Accept-Encoding" });
    expect(brotliDecompressSync(brotli.body).toString()).toContain('value="token-of-bob"');
    await get("/other?who=ann");
    const brotliFirst = await raw("/other?who=bob", "br;q=1, gzip;q=0.8");
    expect(brotliFirst.headers).toMatchObject({ "x-page-cache": "hit", "content-encoding": "br" });
    expect((await raw("/other?who=bob", "br;q=1, gzip;q=0.8")).headers).toMatchObject({ "x-page-cache": "hit", "content-encoding": "gzip" });
    // Compressed, not only wrapped: the repeated words refer back across the tokens.
    expect(again.body.length).toBeLessThan(plain.body.length / 4);
  });

  it("with no room for pages, never asks what a visit is, and renders every page", async () => {
    let asked = 0;
    const { get, renders } = await start({
      maxBytes: 0,
      visit: (req) => {
        asked++;
        return { key: req.path, tokens: {} };
      },
    });
    await get("/a");
    const again = await get("/a");
    expect(renders).toEqual(["/a", "/a"]);
    expect(again.hit).toBe(false);
    expect(asked).toBe(0);
  });

  it("keeps only the most recently served pages, and none older than its age limit", async () => {
    let clock = 0;
    // Each page below is about 100 bytes without its tokens: room for two.
    const { get, renders } = await start({ maxBytes: 250, maxPageBytes: 200, maxAgeMs: 1_000, now: () => clock });
    await get("/a");
    await get("/b");
    await get("/a"); // a is now the most recent
    await get("/c"); // b goes
    await get("/a");
    await get("/b");
    expect(renders).toEqual(["/a", "/b", "/c", "/b"]);
    clock += 1_000;
    await get("/b");
    expect(renders).toEqual(["/a", "/b", "/c", "/b", "/b"]);
  });

  it("clears a copy from memory when its time is up, though nobody asks for it again", async () => {
    let clock = 0;
    const due: { clear: () => void; at: number }[] = [];
    const { get, cache } = await start({ maxAgeMs: 1_000, now: () => clock, schedule: (clear, delayMs) => due.push({ clear, at: clock + delayMs }) });
    // Each clearing is run by hand when the clock says it is due: the one the cache asked for, and any it asks next.
    const runDue = () => {
      for (let next = due.findIndex((item) => item.at <= clock); next >= 0; next = due.findIndex((item) => item.at <= clock)) due.splice(next, 1)[0]!.clear();
    };
    await get("/a");
    clock = 400;
    await get("/b");
    await get("/a"); // served again: still as old as when it was kept
    expect(cache.copies).toBe(2);
    // One clearing at a time, due when the oldest copy's time is up.
    expect(due).toEqual([{ clear: expect.any(Function), at: 1_000 }]);
    clock = 999;
    runDue();
    expect(cache.copies).toBe(2);
    clock = 1_000;
    runDue();
    expect(cache.copies).toBe(1);
    // The next clearing is for the copy left.
    expect(due.map((item) => item.at)).toEqual([1_400]);
    clock = 1_400;
    runDue();
    expect(cache.copies).toBe(0);
    // Nothing left, nothing due: an idle server holds no timer for an empty cache.
    expect(due).toEqual([]);
    expect((await get("/a")).hit).toBe(false);
    expect(due.map((item) => item.at)).toEqual([2_400]);
  });

  it("keeps no copy of a page that set a cookie, failed, showed its request id, changed what it was made from, was rendered for another address, or is too long", async () => {
    const { get, renders } = await start({
      maxPageBytes: 60,
      visit: (req) => ({ key: req.path, tokens: {}, mayKeep: () => req.path !== "/changed" }),
      render: (req, res) => {
        if (req.path === "/elsewhere") res.locals.renderedUrl = "/somewhere-else";
        if (req.path === "/short") {
          res.setHeader("Content-Type", "text/html");
          res.end("<p>short</p>");
        }
        if (req.path === "/cookie") res.setHeader("Set-Cookie", "a=b");
        if (req.path === "/failed") res.status(500);
        if (req.path === "/request-id") {
          res.setHeader("Content-Type", "text/html");
          res.end(`<p>${String(res.locals.requestId)}</p>`);
        }
      },
    });
    for (const path of ["/cookie", "/failed", "/request-id", "/changed", "/elsewhere", "/long"]) {
      await get(path);
      expect((await get(path)).hit, path).toBe(false);
    }
    await get("/short");
    expect((await get("/short")).hit).toBe(true);
    expect(renders).toHaveLength(13);
  });

  it("renders the page instead when a copy fails as it is sent, with none of the copy's headers", async () => {
    let failures = 1;
    const { get, raw, renders } = await start({
      before: (_req, res, next) => {
        const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
        res.end = ((...args: unknown[]) => {
          if (res.getHeader("x-page-cache") && failures-- > 0) throw new Error("compression failed");
          return end(...args);
        }) as express.Response["end"];
        next();
      },
    });
    await get("/a?who=ann");
    const failed = await raw("/a?who=bob", "identity");
    expect(renders).toEqual(["/a", "/a"]);
    expect(failed.headers["x-page-cache"]).toBeUndefined();
    expect(failed.body.toString()).toContain('value="token-of-bob"');
    // The next is served from the copy again.
    expect((await get("/a?who=cyd")).hit).toBe(true);
  });

  it("leaves the page to the renderer when it cannot be looked up, or what a copy must do first fails", async () => {
    const failing = await start({
      visit: (req) => ({ key: req.path, tokens: {}, beforeServing: () => Promise.reject(new Error("database gone")) }),
    });
    await failing.get("/a");
    const again = await failing.get("/a");
    expect(again).toMatchObject({ status: 200, hit: false });
    expect(failing.renders).toEqual(["/a", "/a"]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const throwing = await start({
      visit: () => {
        throw new Error("database gone");
      },
    });
    expect(await throwing.get("/a")).toMatchObject({ status: 200, hit: false });
    server!.close();
    server = undefined;
  });
});
