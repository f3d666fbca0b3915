// A small client for clamd, ClamAV's daemon (decision 030 says why not the `clamscan` package): INSTREAM over
// TCP or a unix socket, fed piece by piece as an upload arrives, with backpressure and a time limit on every
// wait; PING and VERSION for health checks. A scan's answer is clean, infected (with the signature's name), or
// unavailable (clamd could not be reached, was too slow, or answered with an error): never a guess.
import net from "node:net";

export type ClamdAddress = { kind: "tcp"; host: string; port: number } | { kind: "unix"; path: string };

export type ScanVerdict =
  | { status: "clean" }
  | { status: "infected"; signature: string }
  | { status: "unavailable"; reason: string }
  /** Only without CLAMAV_URL in development: the file was not scanned at all, and says so wherever it goes. */
  | { status: "not-scanned" };

/** One file's scan, fed as the file arrives. */
export interface ScanSession {
  /** Sends a piece of the file; resolves once the scanner has taken it, or at once if the scan has failed. */
  write(chunk: Uint8Array): Promise<void>;
  /** Ends the file and waits for the verdict. */
  finish(): Promise<ScanVerdict>;
  /** Set as soon as the scan cannot succeed (the scanner went away or refused), so the caller can stop early. */
  readonly failed: ScanVerdict | null;
  /** Gives the scan up (the upload was refused for another reason). */
  abort(): void;
}

export interface Scanner {
  start(): ScanSession;
  ping(): Promise<boolean>;
}

/** `tcp://host:3310` or `unix:/path/to/clamd.ctl`; the message names what is wrong, for the configuration error. */
export function parseClamdAddress(value: string): ClamdAddress {
  if (value.startsWith("unix:")) {
    const socketPath = value.slice("unix:".length).replace(/^\/\/(?=\/)/, "");
    if (!socketPath.startsWith("/")) throw new Error("unix: must be followed by the socket's absolute path, such as unix:/run/clamav/clamd.ctl");
    return { kind: "unix", path: socketPath };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error("must be tcp://host:port or unix:/path/to/clamd.ctl");
  }
  if (url.protocol !== "tcp:") throw new Error("must be tcp://host:port or unix:/path/to/clamd.ctl");
  const port = Number(url.port);
  if (!url.hostname || !url.port || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error("must name a host and a port, such as tcp://clamd.internal:3310");
  }
  if ((url.pathname && url.pathname !== "/") || url.search || url.username) throw new Error("must be only tcp://host:port");
  return { kind: "tcp", host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port };
}

export function describeClamdAddress(address: ClamdAddress): string {
  return address.kind === "unix" ? `unix:${address.path}` : `tcp://${address.host.includes(":") ? `[${address.host}]` : address.host}:${address.port}`;
}

/** clamd's one-line answers end with a NUL after a `z` command. The longest we read is a signature name. */
const MAX_REPLY_BYTES = 4096;

export function parseScanReply(reply: string): ScanVerdict {
  const text = reply.replace(/\0+$/, "").trim();
  if (text === "stream: OK") return { status: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { status: "infected", signature: found[1]! };
  return { status: "unavailable", reason: text ? `clamd answered: ${text.slice(0, 200)}` : "clamd closed the connection without an answer" };
}

function connect(address: ClamdAddress): net.Socket {
  return address.kind === "unix" ? net.createConnection({ path: address.path }) : net.createConnection({ host: address.host, port: address.port });
}

function socketError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return `clamd cannot be reached (${code ?? error.message})`;
}

class ClamdScan implements ScanSession {
  private failure: string | null = null;
  private readonly reply: Buffer[] = [];
  private replyBytes = 0;
  private replyComplete = false;
  private closed = false;
  /** Woken whenever something changes: connected, drained, answered, failed or closed. */
  private wake: (() => void) | null = null;

  constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on("error", (error) => this.fail(socketError(error)));
    socket.on("data", (data: Buffer) => {
      if (this.replyComplete) return;
      this.reply.push(data);
      this.replyBytes += data.length;
      if (data.includes(0) || this.replyBytes > MAX_REPLY_BYTES) this.replyComplete = true;
      this.notify();
    });
    socket.on("end", () => {
      this.replyComplete = true;
      this.notify();
    });
    socket.on("close", () => {
      this.closed = true;
      this.replyComplete = true;
      this.notify();
    });
    socket.on("drain", () => this.notify());
    socket.on("connect", () => this.notify());
    // Node queues this until the connection is made.
    socket.write("zINSTREAM\0");
  }

  get failed(): ScanVerdict | null {
    if (this.failure) return { status: "unavailable", reason: this.failure };
    // clamd answers before the end only to refuse (a size limit, a bad piece); it then closes the connection.
    if (this.replyBytes > 0 || this.closed) return { status: "unavailable", reason: parseScanReplyOrClosed(this.replyText()) };
    return null;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private fail(reason: string): void {
    if (!this.failure) this.failure = reason;
    this.socket.destroy();
    this.notify();
  }

  private replyText(): string {
    return Buffer.concat(this.reply).toString("utf8");
  }

  /** Waits until `done()` holds, something fails, or the time limit passes (then the scan fails with `late`). */
  private async until(done: () => boolean, late: string): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    while (!done() && !this.failure) {
      const left = deadline - Date.now();
      if (left <= 0) return this.fail(late);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.failed || chunk.length === 0) return;
    const header = Buffer.alloc(4);
    header.writeUInt32BE(chunk.length);
    this.socket.write(header);
    if (this.socket.write(chunk)) return;
    // clamd reads as fast as it scans; past the socket's buffer, wait for it rather than hold the file in memory.
    await this.until(() => !this.socket.writableNeedDrain || this.replyBytes > 0 || this.closed, "clamd stopped taking the file in time");
  }

  async finish(): Promise<ScanVerdict> {
    if (this.failed) return this.settle(this.failed);
    this.socket.write(Buffer.alloc(4));
    await this.until(() => this.replyComplete, "clamd did not give its verdict in time");
    if (this.failure) return this.settle({ status: "unavailable", reason: this.failure });
    return this.settle(parseScanReply(this.replyText()));
  }

  private settle(verdict: ScanVerdict): ScanVerdict {
    this.socket.destroy();
    return verdict;
  }

  abort(): void {
    this.socket.destroy();
  }
}

function parseScanReplyOrClosed(text: string): string {
  const verdict = parseScanReply(text);
  return verdict.status === "unavailable" ? verdict.reason : `clamd answered early: ${text.replace(/\0+$/, "").slice(0, 200)}`;
}

export class ClamdClient implements Scanner {
  constructor(
    readonly address: ClamdAddress,
    private readonly timeoutMs: number,
  ) {}

  /** Starts an INSTREAM scan; pieces go to clamd as they are written. */
  start(): ScanSession {
    return new ClamdScan(connect(this.address), this.timeoutMs);
  }

  /** Scans a whole source (a stored file, a test's bytes) piece by piece. */
  async scan(source: AsyncIterable<Uint8Array>): Promise<ScanVerdict> {
    const session = this.start();
    try {
      for await (const chunk of source) {
        await session.write(chunk);
        if (session.failed) return session.failed;
      }
    } catch (error) {
      session.abort();
      throw error;
    }
    return session.finish();
  }

  /** `PING`, answered `PONG` by a clamd that is up with its signatures loaded. */
  async ping(): Promise<boolean> {
    try {
      return (await this.command("PING")) === "PONG";
    } catch {
      return false;
    }
  }

  /** `VERSION`: "ClamAV 1.4.6/27000/Tue Dec  1 09:12:00 2026", the engine and the signatures' version and date. */
  version(): Promise<string> {
    return this.command("VERSION");
  }

  private command(name: "PING" | "VERSION"): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.address);
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (error: Error | null) => {
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(Buffer.concat(chunks).toString("utf8").replace(/\0+$/, "").trim());
      };
      const timer = setTimeout(() => done(new Error(`clamd did not answer ${name} within ${this.timeoutMs} ms`)), this.timeoutMs);
      socket.on("error", (error) => done(new Error(socketError(error))));
      socket.on("data", (data: Buffer) => {
        chunks.push(data);
        size += data.length;
        if (data.includes(0) || size > MAX_REPLY_BYTES) done(null);
      });
      socket.on("end", () => done(size ? null : new Error(`clamd closed the connection without answering ${name}`)));
      socket.write(`z${name}\0`);
    });
  }
}

/** Development without CLAMAV_URL: files are taken as they are and marked not-scanned (the start logs a warning). */
export class NoScanner implements Scanner {
  start(): ScanSession {
    return {
      failed: null,
      write: async () => undefined,
      finish: async () => ({ status: "not-scanned" }),
      abort: () => undefined,
    };
  }

  async ping(): Promise<boolean> {
    return true;
  }
}

export function createScanner(scanner: { address: ClamdAddress; timeoutMs: number } | null): Scanner {
  return scanner ? new ClamdClient(scanner.address, scanner.timeoutMs) : new NoScanner();
}
