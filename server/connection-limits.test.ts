// The connection limits of server/connection-limits.ts on a real node:http server, with clients on bare sockets: a
// request answered before its body came (as the portal's cross-site, rate-limit and wrong-method answers are) is
// read and dropped only so far, while a body within that leaves the connection open for the next request.
import { once } from "node:events";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawHttpClient } from "../tests/support/raw-http-client";
import { applyConnectionLimits } from "./connection-limits";

const MB = 1024 * 1024;
/** The most of a body answered unread that the server reads and drops: 64 MB in the portal, less here for speed. */
const UNREAD_MB = 16;

describe("connection limits", () => {
  let server: Server;
  let port: number;
  const logged: string[] = [];

  beforeEach(async () => {
    logged.length = 0;
    server = http.createServer((req, res) => {
      // Answered without reading the body, as a refused post is.
      if (req.url === "/refuse") return void res.writeHead(303, { Location: "/refused", "Content-Length": "0" }).end();
      if (req.url === "/ping") return void res.end("pong");
      // Read only after something else has been waited for, as a route reads once it has loaded the session.
      if (req.url === "/read-later") {
        return void setTimeout(() => {
          req.resume();
          req.once("end", () => res.end("read later"));
        }, 100);
      }
      // Read to the end, then answered.
      req.resume();
      req.once("end", () => res.end("read"));
    });
    applyConnectionLimits(server, { headersTimeoutMs: 20_000, idleTimeoutMs: 30_000, minBodyBytesPerSecond: 1_000, maxConnectionsPerClient: 100, maxUnreadBodyBytes: UNREAD_MB * MB, log: ({ reason }) => logged.push(reason) });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends `head`, then chunked pieces of 256 KB until the server closes the connection or `most` bytes have gone. */
  const sendEndlessly = async (head: string, most: number) => {
    const client = await rawHttpClient(port);
    await client.write(head);
    const piece = Buffer.alloc(256 * 1024, 0x41);
    const framed = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]);
    let open = true;
    while (open && client.written() < most) open = await client.write(framed);
    await expect.poll(() => client.closed(), { timeout: 20_000 }).toBe(true);
    return { written: client.written(), answers: client.responses() };
  };

  it("closes a connection whose request was answered before its body came, however the body goes on", async () => {
    for (const head of [
      "POST /refuse HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n",
      // A body sent with a GET: answered as a GET, the body never read.
      "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n",
    ]) {
      // Node alone reads and drops such a body for as long as it comes: gigabytes in seconds on loopback.
      const { written, answers } = await sendEndlessly(head, 400 * MB);
      expect(answers.map(({ status }) => status)).toEqual([head.startsWith("POST") ? 303 : 200]);
      // Read past the answer, so that a browser still sending sees it, as far as the limit and what the two sockets'
      // buffers held when the server closed.
      expect(written).toBeGreaterThan(UNREAD_MB * MB);
      expect(written).toBeLessThan((UNREAD_MB + 24) * MB);
    }
    expect(logged).toEqual(["unread body too long", "unread body too long"]);

    // Said to be longer than would be read: closed once answered, not read as far as the limit first.
    const client = await rawHttpClient(port);
    await client.write(`POST /refuse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${400 * MB}\r\n\r\n`);
    await expect.poll(() => client.closed(), { timeout: 20_000 }).toBe(true);
    expect(client.responses().map(({ status }) => status)).toEqual([303]);
    // And the answer says so, so that a client or proxy does not take the close for a fault.
    expect(client.heads()[0]).toMatch(/\r\nConnection: close(\r\n|$)/i);
    expect(logged).toHaveLength(3);
  }, 60_000);

  it("waits the idle limit, not Node's keep-alive wait, for the rest of a body answered unread", async () => {
    // Node's keep-alive wait as short as it goes (it adds a second): a pause of 2.5 s outlasts it, well within the
    // idle limit of 30 s.
    server.keepAliveTimeout = 1;
    const client = await rawHttpClient(port);
    await client.write("POST /refuse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n");
    await client.write("x".repeat(100_000));
    await expect.poll(() => client.responses().length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await client.write("x".repeat(900_000));
    await client.write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await expect.poll(() => client.responses().length, { timeout: 10_000 }).toBe(2);
    expect(client.responses()).toEqual([{ status: 303, body: "" }, { status: 200, body: "pong" }]);
    client.close();
  });

  it("keeps a connection open for its next request when a body answered unread comes whole within the limit", async () => {
    const client = await rawHttpClient(port);
    // A form refused unread whose body comes only after the answer (as a browser may send a post's headers and body
    // apart), a body read to its end, one read late, then a plain request: four answers on one connection.
    await client.write("POST /refuse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n");
    await expect.poll(() => client.responses().length, { timeout: 10_000 }).toBe(1);
    await client.write("x".repeat(1_000_000));
    await client.write("POST /read HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello");
    // A body larger than a stream's buffer, read only after a wait, with the next request in the same write.
    await client.write(`POST /read-later HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 200000\r\n\r\n${"y".repeat(200_000)}GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await expect.poll(() => client.responses().length, { timeout: 10_000 }).toBe(4);
    expect(client.responses()).toEqual([{ status: 303, body: "" }, { status: 200, body: "read" }, { status: 200, body: "read later" }, { status: 200, body: "pong" }]);
    expect(client.closed()).toBe(false);
    expect(logged).toEqual([]);
    client.close();
  });
});
