// What a connection may hold on to. Node's defaults let a body trickle in for five minutes and any one client open
// as many connections as it likes; people on slow phone connections need time, but not that. A person's upload on
// slow 3G moves some 50 KB a second and never stops for long: a connection that sends nothing for the idle limit,
// or whose body arrives slower than the minimum rate once the idle limit has passed, is closed, and a client
// address past its number of open connections is turned away at once. The rate is taken from the bytes the socket
// has read, so backpressure and the routes' own reading are untouched. The one body read here is one that no route
// read before its answer went, and only so far (below).
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import type { Environment } from "~/config/config.server";
import { evidenceLimits } from "~/evidence/evidence-limits";

export interface ConnectionLimits {
  headersTimeoutMs: number;
  idleTimeoutMs: number;
  /** 0: no minimum. */
  minBodyBytesPerSecond: number;
  /** 0: no limit (behind a proxy every connection comes from the proxy's address). */
  maxConnectionsPerClient: number;
  /** A body answered before it was read is read and dropped as far as this from its start, then its connection closed. */
  maxUnreadBodyBytes: number;
  log: (entry: { msg: string; reason: string }) => void;
}

/** The portal's limits, from its settings: the same for the production server (server/main.ts) and in development. */
export function portalConnectionLimits(env: Pick<Environment, "HEADERS_TIMEOUT_SECONDS" | "IDLE_TIMEOUT_SECONDS" | "MIN_BODY_BYTES_PER_SECOND" | "MAX_CONNECTIONS_PER_CLIENT" | "TRUST_PROXY">, log: ConnectionLimits["log"]): ConnectionLimits {
  return {
    headersTimeoutMs: env.HEADERS_TIMEOUT_SECONDS * 1000,
    idleTimeoutMs: env.IDLE_TIMEOUT_SECONDS * 1000,
    minBodyBytesPerSecond: env.MIN_BODY_BYTES_PER_SECOND,
    maxConnectionsPerClient: env.TRUST_PROXY ? 0 : env.MAX_CONNECTIONS_PER_CLIENT,
    // As far as a refused upload is read: the most any body is read and dropped (docs/decisions/044, 045).
    maxUnreadBodyBytes: evidenceLimits.maxDrainBytes,
    log,
  };
}

/** The longest a whole request may take: the slowest upload the rate allows of the largest body, with room. */
const requestCeilingMs = 15 * 60_000;

export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = requestCeilingMs;
  // A browser reuses an idle connection within a few seconds or not at all.
  server.keepAliveTimeout = 5_000;
  // Nothing moving either way for the idle limit: the socket is closed (Node's default is never).
  server.setTimeout(limits.idleTimeoutMs, (socket: Socket) => {
    limits.log({ msg: "connection closed", reason: "idle" });
    socket.destroy();
  });

  if (limits.maxConnectionsPerClient > 0) {
    const open = new Map<string, number>();
    server.on("connection", (socket: Socket) => {
      const address = socket.remoteAddress ?? "";
      const count = open.get(address) ?? 0;
      if (count >= limits.maxConnectionsPerClient) {
        limits.log({ msg: "connection refused", reason: "too many open connections from one client" });
        socket.destroy();
        return;
      }
      open.set(address, count + 1);
      socket.once("close", () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
    });
  }

  // A request answered before its body has all come (a refused post, a wrong method, a body sent with a GET). Left to
  // itself, Node reads and drops the rest, for as long as the client sends it, where nothing can count it. So each
  // body is marked as being read from the start (`read(0)` takes nothing), which keeps Node's own reader out; once
  // the answer has gone, the rest of a body not read to its end is read and dropped here instead: so that a browser still
  // sending reads the answer rather than a reset connection, but only as far as `maxUnreadBodyBytes` from the body's
  // start, past which the connection is closed. A refused upload the upload route has begun to read is paused there
  // and its rest left to this (docs/decisions/044, 045). The rest is read once the answer has gone to the socket's
  // buffers: every answer to a refused post is a redirect or a few bytes of data, which always fit.
  // Before the server's own handler, which may answer at once (a cross-site post's redirect).
  server.prependListener("request", (request, response) => {
    if (!hasBody(request)) return;
    const socket = request.socket;
    const readBefore = socket.bytesRead;
    request.read(0);
    // Said to be longer than would be read: its connection is closed once answered, and the answer says so.
    const declaredTooLong = Number(request.headers["content-length"] ?? 0) > limits.maxUnreadBodyBytes;
    if (declaredTooLong) response.setHeader("Connection", "close");
    response.once("finish", () => {
      if (request.destroyed || request.readableEnded) return;
      if (!request.complete) {
        const tooLong = () => {
          limits.log({ msg: "connection closed", reason: "unread body too long" });
          request.destroy();
        };
        // Said to be longer than would be read: not worth reading.
        if (declaredTooLong) return tooLong();
        const count = () => {
          if (socket.bytesRead - readBefore <= limits.maxUnreadBodyBytes) return;
          request.off("data", count);
          tooLong();
        };
        request.on("data", count);
        request.once("end", () => request.off("data", count));
        // Node has given the answered connection its keep-alive wait (5 s and 1 of quiet); while the body is still
        // coming, a slow phone's pause is allowed the idle limit, as during any request. Node sets the wait again
        // when the next request comes.
        socket.setTimeout(limits.idleTimeoutMs);
      }
      request.resume();
    });
  });

  if (limits.minBodyBytesPerSecond > 0) {
    server.on("request", (request) => {
      if (!hasBody(request)) return;
      const socket = request.socket;
      const started = Date.now();
      const readAtStart = socket.bytesRead;
      // Listeners are taken off again when the body ends: a kept-alive connection carries many requests.
      const stop = () => {
        clearInterval(check);
        request.off("end", stop);
        socket.off("close", stop);
      };
      const check = setInterval(() => {
        if (request.complete || socket.destroyed) return stop();
        const elapsedMs = Date.now() - started;
        if (elapsedMs < limits.idleTimeoutMs) return;
        if (((socket.bytesRead - readAtStart) * 1000) / elapsedMs < limits.minBodyBytesPerSecond) {
          stop();
          limits.log({ msg: "connection closed", reason: "body too slow" });
          socket.destroy();
        }
      }, Math.min(1_000, limits.idleTimeoutMs));
      check.unref();
      request.once("end", stop);
      socket.once("close", stop);
    });
  }
}

function hasBody(request: IncomingMessage): boolean {
  return Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"] !== undefined;
}
