// An HTTP/1.1 client on a bare socket, for tests of how the server treats a connection: it writes exactly what it
// is given (a body the server has already answered, a request pipelined after it), waiting when the socket is full
// as a browser does, and reads every answer that comes, whether or not it has finished sending.
import { once } from "node:events";
import net from "node:net";

export interface RawHttpClient {
  /** Writes a piece, waiting while the socket is full; false once the connection is closed. */
  write(piece: Buffer | string): Promise<boolean>;
  /** Bytes handed to the socket so far. */
  written(): number;
  /** Whether the server has closed the connection (or it was reset). */
  closed(): boolean;
  close(): void;
  /** The whole answers so far, in order (each must say its length). */
  responses(): Array<{ status: number; body: string }>;
  /** The header blocks of those answers, as sent. */
  heads(): string[];
}

export async function rawHttpClient(port: number): Promise<RawHttpClient> {
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  const received: Buffer[] = [];
  let written = 0;
  socket.on("data", (chunk: Buffer) => received.push(chunk));
  // A reset after the server closed on purpose is what these tests are about, not a failure.
  socket.on("error", () => undefined);
  return {
    async write(piece) {
      if (socket.destroyed || socket.writableEnded) return false;
      written += Buffer.byteLength(piece);
      if (!socket.write(piece)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            socket.off("drain", done).off("close", done);
            resolve();
          };
          socket.once("drain", done).once("close", done);
        });
      }
      return !socket.destroyed;
    },
    written: () => written,
    closed: () => socket.destroyed || socket.readableEnded,
    close: () => socket.destroy(),
    responses: () => parsed().map(({ status, body }) => ({ status, body })),
    heads: () => parsed().map(({ head }) => head),
  };

  function parsed(): Array<{ head: string; status: number; body: string }> {
    const all = Buffer.concat(received);
    const answers: Array<{ head: string; status: number; body: string }> = [];
    let at = 0;
    for (;;) {
      const end = all.indexOf("\r\n\r\n", at);
      if (end < 0) break;
      const head = all.subarray(at, end).toString("latin1");
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (all.length < end + 4 + length) break;
      answers.push({ head, status: Number(head.slice(9, 12)), body: all.subarray(end + 4, end + 4 + length).toString("utf8") });
      at = end + 4 + length;
    }
    return answers;
  }
}
