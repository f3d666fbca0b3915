// Reads compressed as in server/express-app.ts, in a real Express app on loopback: pages and their data whole, with
// their length; everything else by `compression`, as a stream.
import type { AddressInfo } from "node:net";
import { request, type IncomingHttpHeaders, type Server } from "node:http";
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressReads } from "./compress-whole";

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

  it("compresses no HEAD and no post", async () => {
    const head = await get("/page", "gzip", "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
    const post = await get("/page", "gzip", "POST");
    expect(post.headers["content-encoding"]).toBeUndefined();
    expect(post.body.toString()).toBe(page);
  });
});
