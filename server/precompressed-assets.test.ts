// The build's .br and .gz files, served by what the browser takes, in a real Express app on loopback.
import { mkdtempSync, writeFileSync } from "node:fs";
import { get as httpGet, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressedAssets } from "./precompressed-assets";

let server: Server;
let base: string;
const script = "console.log('hello');".repeat(20);

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "assets-"));
  writeFileSync(path.join(dir, "entry-abc.js"), script);
  writeFileSync(path.join(dir, "entry-abc.js.br"), brotliCompressSync(script));
  writeFileSync(path.join(dir, "entry-abc.js.gz"), gzipSync(script));
  writeFileSync(path.join(dir, "only-gzip.js"), script);
  writeFileSync(path.join(dir, "only-gzip.js.gz"), gzipSync(script));
  const app = express();
  app.use(precompressedAssets(dir));
  app.use((_req, res) => res.status(418).end("left to the next handler"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const raw = (file: string, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(`${base}/${file}`, { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

describe("precompressedAssets", () => {
  it("sends brotli to a browser that takes it, whatever its order, and gzip to one that takes only that", async () => {
    const brotli = await raw("entry-abc.js", "gzip, deflate, br, zstd");
    expect(brotli.headers).toMatchObject({ "content-encoding": "br", "content-type": "text/javascript; charset=utf-8", vary: "Accept-Encoding", "cache-control": "public, max-age=31536000, immutable" });
    expect(brotli.body).toEqual(brotliCompressSync(script));
    const gzip = await raw("entry-abc.js", "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body).toEqual(gzipSync(script));
    expect((await raw("only-gzip.js", "br, gzip")).headers["content-encoding"]).toBe("gzip");
  });

  it("takes a q-value of 0 as a refusal", async () => {
    expect((await raw("entry-abc.js", "br;q=0, gzip")).headers["content-encoding"]).toBe("gzip");
    expect((await raw("entry-abc.js", "gzip;q=0, br;q=0")).status).toBe(418);
    expect((await raw("entry-abc.js", "identity")).status).toBe(418);
    expect((await raw("entry-abc.js")).status).toBe(418);
  });

  it("leaves what it has no compressed file for to the next handler", async () => {
    expect((await raw("missing.js", "br")).status).toBe(418);
    expect((await raw("entry-abc.txt", "br")).status).toBe(418);
  });
});
