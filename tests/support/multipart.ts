// Multipart form bodies as browsers send them, streamed to a real HTTP server piece by piece: at any pace (a
// slow phone), of any size (made as they are sent, never whole in memory), or deliberately wrong.
import http from "node:http";

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; content: Buffer | (() => AsyncIterable<Buffer>); contentType?: string };

export const BOUNDARY = "----PortalTestBoundary7MA4YWxkTrZu0gW";

/** The body, in pieces: each part's header, then its content as it comes. */
export async function* multipartBody(parts: Part[], boundary = BOUNDARY): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if ("value" in part) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
      continue;
    }
    const filename = part.filename.replace(/"/g, "%22").replace(/\r|\n/g, " ");
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${filename}"\r\nContent-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`);
    if (Buffer.isBuffer(part.content)) yield part.content;
    else yield* part.content();
    yield Buffer.from("\r\n");
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

/** `size` bytes starting with `head`, made a piece at a time. */
export function generated(size: number, head: Buffer = Buffer.alloc(0), piece = 64 * 1024): () => AsyncIterable<Buffer> {
  return async function* () {
    let sent = 0;
    if (head.length) {
      yield head.subarray(0, size);
      sent = Math.min(head.length, size);
    }
    while (sent < size) {
      const n = Math.min(piece, size - sent);
      yield Buffer.alloc(n, 0x41 + (sent % 26));
      sent += n;
    }
  };
}

export interface PostOptions {
  cookie?: string;
  /** The whole body; by default `multipartBody(parts)`. */
  body?: AsyncIterable<Buffer>;
  parts?: Part[];
  contentType?: string;
  /** Sent as Content-Length (otherwise the body is chunked). */
  contentLength?: number;
  /** A pause after each piece, as a slow connection sends: the pace of the upload, which the test is about. */
  pauseMs?: number;
  /** Stop sending after this many bytes and hold the connection open (a stalled phone). */
  stallAfter?: number;
}

export interface PostResult {
  status: number;
  text: string;
  /** How much of the body was written before the server answered. */
  written: number;
}

export function postMultipart(url: string, options: PostOptions): Promise<PostResult> {
  const body = options.body ?? multipartBody(options.parts ?? []);
  return new Promise((resolve, reject) => {
    let answered = false;
    let written = 0;
    const request = http.request(url, {
      method: "POST",
      headers: {
        "Content-Type": options.contentType ?? `multipart/form-data; boundary=${BOUNDARY}`,
        ...(options.contentLength !== undefined ? { "Content-Length": String(options.contentLength) } : {}),
        ...(options.cookie ? { Cookie: options.cookie } : {}),
      },
    });
    request.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), written }));
      response.on("error", reject);
    });
    // The server may answer and close before the whole body is sent (it cuts off large bodies): not a failure.
    request.on("error", (error) => {
      if (!answered) setImmediate(() => !answered && reject(error));
    });
    void (async () => {
      for await (const piece of body) {
        if (answered || request.destroyed) return;
        if (options.stallAfter !== undefined && written + piece.length > options.stallAfter) {
          request.write(piece.subarray(0, options.stallAfter - written));
          written = options.stallAfter;
          return;
        }
        written += piece.length;
        if (!request.write(piece)) await new Promise((r) => request.once("drain", r).once("close", r));
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      if (!answered && !request.destroyed) request.end();
    })().catch(() => undefined);
  });
}
