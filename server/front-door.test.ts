// The front door on its own: a real node:http server in front of a real Express app with the same middleware the
// portal puts around a kept copy (security headers, compression, the page cache), and a page that prints its nonce
// the way Remix does. What the front door sends must be what Express would have sent for the same copy.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "~/services/logger.server";
import { compressReads } from "./compress-whole";
import { frontDoor } from "./front-door";
import { pageCache, type PageVisit } from "./page-cache";
import { requestLog } from "./request-log";
import { securityHeaders, type SecurityHeaders } from "./security-headers";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The public pages of this test: the same for everyone, read with no query string and no session. A language it
 * cannot read makes it fail, as a fault in reading one would. */
const publicPage = (req: { url?: string; headers: IncomingHttpHeaders }): PageVisit | null => {
  if (req.headers["accept-language"] === "boom") throw new URIError("a language that cannot be read");
  return ["/", "/privacy"].includes(req.url ?? "") && !req.headers.cookie?.includes("session=") ? { key: req.url!, tokens: {} } : null;
};

async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener!).listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function start({ security = securityHeaders({ production: true }) }: { security?: SecurityHeaders } = {}) {
  const renders: string[] = [];
  const app = express();
  app.disable("x-powered-by");
  app.use(compressReads());
  app.use(requestLog((path) => path));
  app.use(security);
  const cache = pageCache({ visitOf: (req) => publicPage(req), maxBytes: 1_000_000, maxPageBytes: 100_000, maxAgeMs: 60_000, announceHits: false });
  app.use(cache);
  app.all("*", (req, res) => {
    renders.push(`${req.method} ${req.originalUrl}`);
    res.locals.renderedUrl = req.originalUrl;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    const nonce = String(res.locals.nonce);
    res.end(`<!DOCTYPE html><script nonce="${nonce}"></script>${`<p>${req.path}: Złóż skargę, تقديم شكوى</p>`.repeat(40)}<script nonce="${nonce}"></script>`);
  });
  const toApp: string[] = [];
  const door = frontDoor({
    app: (req, res) => {
      toApp.push(`${req.method ?? ""} ${req.url ?? ""}`);
      app(req as express.Request, res as express.Response);
    },
    cache,
    publicPage,
    security,
    patternOf: (path) => path,
  });
  // The same app and cache without the front door: what Express itself sends for a kept copy.
  return { door: await listen(door), expressOnly: await listen(app), renders, toApp };
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { method, headers: { "accept-encoding": "identity", ...headers } }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))![1]!;

/** The answer's headers and page with its own nonce, date and request id taken out. */
function withoutTokens(answer: Answer, gzipped = false) {
  const nonce = nonceOf(answer);
  const { date: _date, "x-request-id": _id, ...headers } = answer.headers;
  const page = (gzipped ? gunzipSync(answer.body) : answer.body).toString().replaceAll(nonce, "NONCE");
  headers["content-security-policy"] = String(headers["content-security-policy"]).replaceAll(nonce, "NONCE");
  if (gzipped) delete headers["content-length"];
  return { status: answer.status, headers, page };
}

describe("front door", () => {
  it("serves a kept public page itself, with the headers and bytes Express sends for the same copy and a nonce of its own", async () => {
    const { door, expressOnly, renders, toApp } = await start();
    const rendered = await get(`${door}/`);
    expect(toApp).toEqual(["GET /"]);
    const fromExpress = await get(`${expressOnly}/`);
    const fromDoor = await get(`${door}/`);
    const again = await get(`${door}/`);
    expect(toApp).toEqual(["GET /"]);
    expect(renders).toEqual(["GET /"]);
    expect(withoutTokens(fromDoor)).toEqual(withoutTokens(fromExpress));
    expect(fromDoor.headers["content-length"]).toBe(String(fromDoor.body.length));
    expect(fromDoor.headers["transfer-encoding"]).toBeUndefined();
    expect(withoutTokens(fromDoor).page).toBe(withoutTokens(rendered).page);
    // Its own nonce in its CSP and in the page, and its own request id.
    const nonces = [rendered, fromExpress, fromDoor, again].map(nonceOf);
    expect(new Set(nonces).size).toBe(4);
    expect(fromDoor.body.toString()).toContain(`<script nonce="${nonceOf(fromDoor)}">`);
    expect(fromDoor.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers["x-request-id"]).not.toBe(fromDoor.headers["x-request-id"]);
    // A proxy's request id is kept, as behind Express.
    expect((await get(`${door}/`, { "x-request-id": "proxy-1234-abcd" })).headers["x-request-id"]).toBe("proxy-1234-abcd");
    // The security headers are the middleware's own.
    expect(fromDoor.headers).toMatchObject({ "x-frame-options": "DENY", "strict-transport-security": "max-age=31536000; includeSubDomains", "cache-control": "no-store" });
  });

  it("leaves a browser's first gzip of a copy to Express, which compresses it whole, and sends the next from its pieces", async () => {
    const { door, expressOnly, toApp } = await start();
    const browser = { "accept-encoding": "gzip, deflate, br, zstd" };
    await get(`${door}/privacy`);
    const first = await get(`${door}/privacy`, browser);
    expect(toApp).toEqual(["GET /privacy", "GET /privacy"]);
    expect(first.headers["content-encoding"]).toBe("gzip");
    const fromDoor = await get(`${door}/privacy`, browser);
    const fromExpress = await get(`${expressOnly}/privacy`, browser);
    expect(toApp).toHaveLength(2);
    expect(fromDoor.headers).toMatchObject({ "content-encoding": "gzip", "content-length": String(fromDoor.body.length), vary: "Accept-Encoding" });
    expect(withoutTokens(fromDoor, true)).toEqual(withoutTokens(fromExpress, true));
    expect(withoutTokens(fromDoor, true).page).toBe(withoutTokens(first, true).page);
    // Its nonce is in the gzipped page as it is, in a stored block of its own.
    expect(fromDoor.body.includes(nonceOf(fromDoor))).toBe(true);
    // A client that takes brotli or deflate but not gzip has it compressed behind Express, as it would without the
    // front door; one that takes nothing, or no encoding it knows, gets it plain from here.
    expect((await get(`${door}/privacy`, { "accept-encoding": "br" })).headers["content-encoding"]).toBe("br");
    expect((await get(`${door}/privacy`, { "accept-encoding": "deflate" })).headers["content-encoding"]).toBe("deflate");
    expect(toApp).toEqual(["GET /privacy", "GET /privacy", "GET /privacy", "GET /privacy"]);
    expect((await get(`${door}/privacy`, { "accept-encoding": "zstd" })).headers["content-encoding"]).toBeUndefined();
    expect((await get(`${door}/privacy`, {})).headers["content-encoding"]).toBeUndefined();
    expect(toApp).toHaveLength(4);
  });

  it("leaves to Express everything that is not a kept public page read plainly", async () => {
    const { door, toApp } = await start();
    await get(`${door}/`);
    toApp.length = 0;
    await get(`${door}/?lng=pl`);
    await get(`${door}/`, { cookie: "session=abc.def" });
    await get(`${door}/`, {}, "HEAD");
    await get(`${door}/`, {}, "POST");
    await get(`${door}/complaint`);
    await get(`${door}//`);
    expect(toApp).toEqual(["GET /?lng=pl", "GET /", "HEAD /", "POST /", "GET /complaint", "GET //"]);
  });

  it("writes one log line for each answer, from either side, with its request id, route and status", async () => {
    const { door } = await start();
    const info = vi.spyOn(logger, "info");
    try {
      const answers = [await get(`${door}/`), await get(`${door}/`), await get(`${door}/`, { "accept-encoding": "gzip" }), await get(`${door}/`, { "accept-encoding": "gzip" })];
      // Written once the answer has gone: wait for the last one's.
      await vi.waitFor(() => expect(info.mock.calls.filter(([, message]) => message === "request")).toHaveLength(4));
      const lines = info.mock.calls.filter(([, message]) => message === "request").map(([fields]) => fields as Record<string, unknown>);
      expect(lines.map((line) => line.requestId)).toEqual(answers.map((answer) => answer.headers["x-request-id"]));
      for (const line of lines) expect(line).toMatchObject({ method: "GET", route: "/", status: 200 });
    } finally {
      info.mockRestore();
    }
  });

  it("answers behind Express when it cannot tell what a request is for", async () => {
    const { door, toApp } = await start();
    await get(`${door}/`);
    const answer = await get(`${door}/`, { "accept-language": "boom" });
    // The Express side's own cache middleware fails on it the same way, and the page is rendered.
    expect(answer.status).toBe(200);
    expect(toApp).toEqual(["GET /", "GET /"]);
    expect((await get(`${door}/`)).status).toBe(200);
    expect(toApp).toHaveLength(2);
  });

  it("renders the page behind Express when its copy cannot be served from here", async () => {
    const security = securityHeaders({ production: true });
    const fresh = security.fresh;
    let failing = true;
    security.fresh = () => {
      if (failing) throw new Error("no nonce");
      return fresh();
    };
    const { door, toApp, renders } = await start({ security });
    await get(`${door}/`);
    const answer = await get(`${door}/`);
    expect(answer.status).toBe(200);
    expect(toApp).toEqual(["GET /", "GET /"]);
    // Express served the copy kept by the first request.
    expect(renders).toEqual(["GET /"]);
    expect(answer.body.toString()).toContain(`<script nonce="${nonceOf(answer)}">`);
    failing = false;
    await get(`${door}/`);
    expect(toApp).toHaveLength(2);
  });
});
