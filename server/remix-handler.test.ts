// The Remix handler's body reading on a real node:http server: a body past the limit is left where it is while the
// page that refuses it is made, rather than read and dropped for as long as that takes.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { rawHttpClient } from "../tests/support/raw-http-client";
import express from "express";
import { readBody, send } from "./remix-handler";

const MB = 1024 * 1024;
let server: http.Server | undefined;
afterEach(async () => {
  const closing = server;
  if (!closing) return;
  closing.closeAllConnections();
  await new Promise((resolve) => closing.close(resolve));
});

it("leaves the rest of a body past the limit unread while the answer is made", async () => {
  let readWhenAnswered = 0;
  let readAtLimit = 0;
  let refused = false;
  let answered!: () => void;
  const made = new Promise<void>((resolve) => (answered = resolve));
  const portal = http.createServer((req, res) => {
    void readBody(req, 64 * 1024).then(async (body) => {
      refused = !Buffer.isBuffer(body);
      readAtLimit = req.socket.bytesRead;
      // A page that takes a while to make (a slow database), while the client goes on sending.
      await new Promise((wait) => setTimeout(wait, 500));
      readWhenAnswered = req.socket.bytesRead;
      res.setHeader("Connection", "close");
      res.end("too large");
      answered();
    });
  });
  server = portal;
  portal.listen(0, "127.0.0.1");
  await once(portal, "listening");
  const client = await rawHttpClient((portal.address() as AddressInfo).port);
  await client.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
  const piece = Buffer.alloc(256 * 1024, 0x41);
  const framed = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]);
  let open = true;
  while (open && client.written() < 400 * MB && readWhenAnswered === 0) open = await client.write(framed);
  await made;
  expect(refused).toBe(true);
  // Read on while the page was made, it would be hundreds of megabytes on loopback; left unread, what the socket's
  // buffer takes.
  expect(readWhenAnswered - readAtLimit).toBeLessThan(4 * MB);
  client.close();
});

it("gives each header Remix sets once, in place of an earlier middleware's, and each cookie on a line of its own", async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    res.append("Set-Cookie", "earlier=1");
    next();
  });
  app.get("/", (_req, res) => {
    const headers = new Headers({ "Cache-Control": "no-store", "Content-Type": "text/plain" });
    headers.append("Set-Cookie", "a=1; Path=/");
    headers.append("Set-Cookie", "b=2; Path=/");
    void send(res, new Response("page", { headers }));
  });
  app.get("/kept", (_req, res) => void send(res, new Response("page", { headers: { "Cache-Control": "private, max-age=60" } })));
  const portal = http.createServer(app);
  server = portal;
  portal.listen(0, "127.0.0.1");
  await once(portal, "listening");
  const base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  const linesOf = async (path: string) => {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${base}${path}`, resolve).on("error", reject));
    response.resume();
    const lines: [string, string][] = [];
    for (let i = 0; i < response.rawHeaders.length; i += 2) lines.push([response.rawHeaders[i]!.toLowerCase(), response.rawHeaders[i + 1]!]);
    return lines;
  };
  const page = await linesOf("/");
  expect(page.filter(([name]) => name === "cache-control")).toEqual([["cache-control", "no-store"]]);
  expect(page.filter(([name]) => name === "set-cookie").map(([, value]) => value)).toEqual(["earlier=1", "a=1; Path=/", "b=2; Path=/"]);
  expect(page.filter(([name]) => name === "content-type")).toEqual([["content-type", "text/plain"]]);
  const kept = await linesOf("/kept");
  expect(kept.filter(([name]) => name === "cache-control")).toEqual([["cache-control", "private, max-age=60"]]);
});
