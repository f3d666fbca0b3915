// A throwaway PostgreSQL cluster in a temporary folder, listening only on loopback: for tests and the
// benchmark, so that PostgreSQL is run for real rather than imitated. Debian's packages provide the binaries.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

function binDir(): string {
  const fromPath = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" }).stdout.trim();
  if (fromPath) return path.dirname(fromPath);
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error("PostgreSQL is needed for these tests: install it with `apt-get install -y postgresql` (.ci/run does)");
  return path.join(root, versions[0]!, "bin");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export class PostgresCluster {
  private readonly bin = binDir();
  readonly dir = mkdtempSync(path.join(tmpdir(), "portal-pg-"));
  private readonly data = path.join(this.dir, "data");
  private port = 0;
  /** PostgreSQL refuses to run as root; as root we run it as Debian's postgres user. */
  private readonly asUser = userInfo().uid === 0 ? "postgres" : null;

  get url(): string {
    return `postgres://portal@127.0.0.1:${this.port}/postgres`;
  }

  private run(command: string, args: string[]): void {
    const [file, argv] = this.asUser ? ["runuser", ["-u", this.asUser, "--", path.join(this.bin, command), ...args]] : [path.join(this.bin, command), args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
  }

  async start(): Promise<this> {
    await this.init();
    await this.resume();
    return this;
  }

  /** Creates the cluster and chooses its port, without starting it: a database that is not there yet. */
  async init(): Promise<this> {
    if (this.asUser) {
      const { uid, gid } = JSON.parse(execFileSync("sh", ["-c", `printf '{"uid":%s,"gid":%s}' $(id -u ${this.asUser}) $(id -g ${this.asUser})`], { encoding: "utf8" })) as { uid: number; gid: number };
      chownSync(this.dir, uid, gid);
    }
    this.run("initdb", ["-D", this.data, "-U", "portal", "--auth=trust", "--encoding=UTF8", "--no-sync", "--locale=C"]);
    this.port = await freePort();
    return this;
  }

  /** Starts (or starts again) the stopped cluster on the same port. */
  async resume(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
    this.run("pg_ctl", ["-D", this.data, "-l", path.join(this.dir, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  }

  /** Stops at once, dropping every connection: how a lost database looks to the portal. */
  stopNow(): void {
    this.run("pg_ctl", ["-D", this.data, "-m", "immediate", "-w", "stop"]);
  }

  destroy(): void {
    try {
      this.run("pg_ctl", ["-D", this.data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
