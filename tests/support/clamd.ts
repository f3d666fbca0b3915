// A real clamd for tests: started in a temporary folder on a loopback port (and a unix socket beside it), with
// a signature database holding only the EICAR test file's hash, since signatures cannot be downloaded here.
// Ready when it answers PING with PONG; it can be stopped and started again on the same address.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ClamdClient, type ClamdAddress } from "../../app/evidence/clamav.server";

/** The 68-byte EICAR anti-virus test file, which every scanner reports and which harms nothing. */
export const EICAR = Buffer.from("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*", "latin1");
/** The name in eicar.hdb; clamd adds ".UNOFFICIAL" to signatures that are not from ClamAV's own databases. */
const EICAR_SIGNATURE_NAME = "Eicar-Test-Signature";
export const EICAR_SIGNATURE = `${EICAR_SIGNATURE_NAME}.UNOFFICIAL`;

const CLAMD = process.env.CLAMD_PATH ?? "/usr/sbin/clamd";
const START_TIMEOUT_MS = 30_000;

export interface TestClamd {
  tcp: ClamdAddress;
  unix: ClamdAddress;
  /** `tcp://127.0.0.1:port`, as CLAMAV_URL. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections are still accepted by the kernel, but nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

export function clamdInstalled(): boolean {
  return existsSync(CLAMD);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startClamd(): Promise<TestClamd> {
  if (!clamdInstalled()) throw new Error(`clamd is not installed at ${CLAMD}: apt-get install -y clamav-daemon (.ci/run does)`);
  const dir = mkdtempSync(path.join(tmpdir(), "clamd-"));
  const database = path.join(dir, "db");
  mkdirSync(database);
  writeFileSync(path.join(database, "eicar.hdb"), `44d88612fea8a8f36de82e1278abb02f:68:${EICAR_SIGNATURE_NAME}\n`);
  const port = await freePort();
  const socketPath = path.join(dir, "clamd.sock");
  const config = path.join(dir, "clamd.conf");
  writeFileSync(
    config,
    [
      `TCPSocket ${port}`,
      "TCPAddr 127.0.0.1",
      `LocalSocket ${socketPath}`,
      `DatabaseDirectory ${database}`,
      "Foreground yes",
      `LogFile ${path.join(dir, "clamd.log")}`,
      `TemporaryDirectory ${dir}`,
      `PidFile ${path.join(dir, "clamd.pid")}`,
      // What docs/deploying.md recommends: a little over the largest file the portal accepts.
      "StreamMaxLength 12M",
      // A file clamd cannot look all the way into (nested deeper than its limits, or password-protected) is
      // reported, not passed as clean.
      "AlertExceedsMax yes",
      "AlertEncrypted yes",
      "MaxThreads 4",
      "SelfCheck 0",
      "",
    ].join("\n"),
  );
  const tcp: ClamdAddress = { kind: "tcp", host: "127.0.0.1", port };
  const client = new ClamdClient(tcp, 1_000);
  let child: ChildProcess | null = null;

  const start = async () => {
    if (child) return;
    const started = spawn(CLAMD, ["-c", config], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    started.stderr?.on("data", (data: Buffer) => (stderr = (stderr + data.toString()).slice(-4000)));
    let exited: number | null = null;
    started.once("exit", (code) => (exited = code ?? -1));
    child = started;
    const deadline = Date.now() + START_TIMEOUT_MS;
    // A condition, not a pause: ask until it answers, and stop at once if it died.
    while (!(await client.ping())) {
      if (exited !== null) throw new Error(`clamd exited with ${exited} while starting:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`clamd did not answer PING within ${START_TIMEOUT_MS} ms:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  };

  await start();
  return {
    tcp,
    unix: { kind: "unix", path: socketPath },
    url: `tcp://127.0.0.1:${port}`,
    start,
    stop,
    freeze: () => void child?.kill("SIGSTOP"),
    thaw: () => void child?.kill("SIGCONT"),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
