// Reads compressed as in server/express-app.ts, in a real Express app on loopback: pages and their data whole, with
// their length; everything else by `compression`, as a stream.
import type { AddressInfo } from "node:net";
import { request, type IncomingHttpHeaders, type Server } from "node:http";
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerBegun, compressReads } from "./compress-whole";

const page = `<!DOCTYPE html><html lang="ar" dir="rtl"><body>${"<p>تقديم شكوى — Złóż skargę 🙂</p>".repeat(200)}</body></html>`;
const data = `[{"_1":2},"routes/$journey.$page",{"_3":4},"data",${JSON.stringify("Złóż skargę ".repeat(300))}]`;
const script = `console.log(${JSON.stringify("a".repeat(5000))});`;
let server: Server;
let base: string;
const callbacks: string[] = [];

beforeAll(async () => {
  const app = express();
  app.use(compressReads());
  const html = (res: express.Response) => res.setHeader("Content-Type", "text/html; charset=utf-8");
  // A page as Remix writes it: in pieces, strings and bytes, each Arabic or Polish character whole or split.
  app.all("/page", (_req, res) => {
    html(res);
    const bytes = Buffer.from(page);
    res.write(page.slice(0, 100));
    res.write(bytes.subarray(Buffer.byteLength(page.slice(0, 100)), 3001), () => callbacks.push("write"));
    res.end(bytes.subarray(3001), () => callbacks.push("end"));
  });
  app.get("/data", (_req, res) => {
    res.setHeader("Content-Type", "text/x-script");
    res.write(data.slice(0, 50));
    res.end(data.slice(50));
  });
  app.get("/small", (_req, res) => {
    html(res);
    res.end("<p>short</p>");
  });
  app.get("/script", (_req, res) => {
    res.setHeader("Content-Type", "text/javascript");
    res.write(script.slice(0, 2000));
    res.end(script.slice(2000));
  });
  app.get("/encoded", (_req, res) => {
    html(res);
    res.setHeader("Content-Encoding", "gzip");
    res.end(gzipSync(page));
  });
  app.get("/no-transform", (_req, res) => {
    html(res);
    res.setHeader("Cache-Control", "no-store, no-transform");
    res.end(page);
  });
  // As Remix's handler writes: Uint8Array chunks, a flush after each, then end() with nothing.
  app.get("/remix", (_req, res) => {
    html(res);
    const bytes = new TextEncoder().encode(page);
    const reused = new Uint8Array(bytes.subarray(0, 5000));
    res.write(reused);
    reused.fill(0); // the writer reuses its memory: what was written must not change
    (res as unknown as { flush(): void }).flush();
    res.write(bytes.subarray(5000));
    (res as unknown as { flush(): void }).flush();
    res.end();
  });
  // A second end, and a write after the end: Node's to deal with, as without compressWhole.
  app.get("/twice", (_req, res) => {
    html(res);
    res.end(page);
    res.end();
    res.on("error", () => callbacks.push("error event"));
    res.write("more", (error) => callbacks.push(error ? "refused" : "written"));
  });
  app.get("/end-callback", (_req, res) => {
    html(res);
    res.write(page);
    res.end(() => callbacks.push("bare end"));
  });
  app.get("/empty", (_req, res) => {
    html(res);
    res.status(204).end();
  });
  // More than compressWhole holds: it goes on to compression, which streams it.
  app.get("/large", (_req, res) => {
    html(res);
    for (let i = 0; i < 6; i++) res.write(Buffer.alloc(1024 * 1024, "a"));
    res.end();
  });
  // A page that fails part-way: what was written is held, so the error handler must cut it off, not add to it.
  app.get("/fails", (_req, res, next) => {
    html(res);
    res.write(page);
    next(new Error("the render failed"));
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    if (answerBegun(res)) return void res.destroy();
    res.status(500).type("text/plain").send("Sorry");
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The response as it came, its bytes not decoded. */
function get(path: string, acceptEncoding: string, method = "GET") {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressReads", () => {
  it("compresses a page written in pieces whole, in the encoding the browser lists first, with its length", async () => {
    const browser = await get("/page", "gzip, deflate, br, zstd");
    expect(browser.headers).toMatchObject({ "content-encoding": "gzip", "content-length": String(browser.body.length), vary: "Accept-Encoding" });
    expect(browser.headers["transfer-encoding"]).toBeUndefined();
    expect(gunzipSync(browser.body).toString()).toBe(page);
    const brotli = await get("/page", "br, gzip;q=0.5");
    expect(brotli.headers).toMatchObject({ "content-encoding": "br", "content-length": String(brotli.body.length) });
    expect(brotliDecompressSync(brotli.body).toString()).toBe(page);
    expect(callbacks).toEqual(["write", "end", "write", "end"]);
  });

  it("leaves a page to a client that takes neither gzip nor brotli as it was", async () => {
    for (const acceptEncoding of ["identity", "gzip;q=0, br;q=0"]) {
      const plain = await get("/page", acceptEncoding);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(page);
    }
    const deflated = await get("/page", "deflate");
    expect(deflated.headers["content-encoding"]).toBe("deflate");
    expect(inflateSync(deflated.body).toString()).toBe(page);
  });

  it("compresses Remix's data whole too", async () => {
    const answer = await get("/data", "gzip, deflate");
    expect(answer.headers).toMatchObject({ "content-encoding": "gzip", "content-length": String(answer.body.length) });
    expect(gunzipSync(answer.body).toString()).toBe(data);
  });

  it("leaves what is short, already encoded or marked no-transform as it is", async () => {
    const small = await get("/small", "gzip");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("<p>short</p>");
    const encoded = await get("/encoded", "gzip");
    expect(encoded.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(encoded.body).toString()).toBe(page);
    const untouched = await get("/no-transform", "gzip");
    expect(untouched.headers["content-encoding"]).toBeUndefined();
    expect(untouched.body.toString()).toBe(page);
  });

  it("leaves other types to compression, which streams them", async () => {
    const answer = await get("/script", "gzip");
    expect(answer.headers).toMatchObject({ "content-encoding": "gzip", "transfer-encoding": "chunked" });
    expect(gunzipSync(answer.body).toString()).toBe(script);
  });

  it("holds what Remix writes as it was written, whatever the writer does with its memory afterwards", async () => {
    const answer = await get("/remix", "gzip");
    expect(answer.headers).toMatchObject({ "content-encoding": "gzip", "content-length": String(answer.body.length) });
    expect(gunzipSync(answer.body).toString()).toBe(page);
  });

  it("leaves a second end and a write after the end to Node, and calls a bare end's callback", async () => {
    const twice = await get("/twice", "gzip");
    expect(gunzipSync(twice.body).toString()).toBe(page);
    await get("/end-callback", "gzip");
    await new Promise((resolve) => setImmediate(resolve));
    expect(callbacks).toContain("refused");
    expect(callbacks).toContain("error event");
    expect(callbacks).not.toContain("written");
    expect(callbacks).toContain("bare end");
  });

  it("sends no length for an answer with no body, and streams one too large to hold", async () => {
    const empty = await get("/empty", "gzip");
    expect(empty.status).toBe(204);
    expect(empty.headers["content-length"]).toBeUndefined();
    const large = await get("/large", "gzip");
    expect(large.headers).toMatchObject({ "content-encoding": "gzip", "transfer-encoding": "chunked" });
    expect(gunzipSync(large.body).equals(Buffer.alloc(6 * 1024 * 1024, "a"))).toBe(true);
  });

  it("cuts off a page that fails part-way, rather than sending the error after half of it", async () => {
    await expect(get("/fails", "gzip")).rejects.toThrow();
  });

  it("compresses no HEAD and no post", async () => {
    const head = await get("/page", "gzip", "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
    const post = await get("/page", "gzip", "POST");
    expect(post.headers["content-encoding"]).toBeUndefined();
    expect(post.body.toString()).toBe(page);
  });
});
