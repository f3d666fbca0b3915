// The client against a real clamd (tests/support/clamd.ts) with the EICAR signature: clean, infected, a
// scanner that is down and comes back, one that hangs, and one that refuses a stream over its limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from "../../tests/support/clamd";
import { docx, docxHiding } from "../../tests/support/evidence-files";
import { ClamdClient, parseClamdAddress, parseScanReply } from "./clamav.server";

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

describe("CLAMAV_URL", () => {
  it.each([
    ["tcp://127.0.0.1:3310", { kind: "tcp", host: "127.0.0.1", port: 3310 }],
    ["tcp://clamd.internal:3310", { kind: "tcp", host: "clamd.internal", port: 3310 }],
    ["tcp://[::1]:3310", { kind: "tcp", host: "::1", port: 3310 }],
    ["unix:/run/clamav/clamd.ctl", { kind: "unix", path: "/run/clamav/clamd.ctl" }],
    ["unix:///run/clamav/clamd.ctl", { kind: "unix", path: "/run/clamav/clamd.ctl" }],
  ])("reads %s", (value, address) => {
    expect(parseClamdAddress(value)).toEqual(address);
  });

  it.each(["clamd:3310", "http://clamd:3310", "tcp://clamd", "tcp://clamd:0", "tcp://clamd:3310/x", "unix:clamd.ctl", ""])("refuses %j", (value) => {
    expect(() => parseClamdAddress(value)).toThrow();
  });

  it("reads clamd's answers", () => {
    expect(parseScanReply("stream: OK\0")).toEqual({ status: "clean" });
    expect(parseScanReply("stream: Win.Test.EICAR_HDB-1 FOUND\0")).toEqual({ status: "infected", signature: "Win.Test.EICAR_HDB-1" });
    expect(parseScanReply("INSTREAM size limit exceeded. ERROR\0")).toMatchObject({ status: "unavailable", reason: expect.stringContaining("size limit") });
    expect(parseScanReply("")).toMatchObject({ status: "unavailable" });
  });
});

describe("a real clamd", () => {
  let clamd: TestClamd;
  beforeAll(async () => {
    clamd = await startClamd();
  }, 60_000);
  afterAll(async () => {
    await clamd?.close();
  });

  it("answers PING and VERSION over TCP and the unix socket", async () => {
    expect(await new ClamdClient(clamd.tcp, 5_000).ping()).toBe(true);
    expect(await new ClamdClient(clamd.unix, 5_000).ping()).toBe(true);
    expect(await new ClamdClient(clamd.tcp, 5_000).version()).toMatch(/^ClamAV \d+\.\d+/);
  });

  it("finds EICAR however it is cut, and passes ordinary bytes", async () => {
    for (const address of [clamd.tcp, clamd.unix]) {
      const client = new ClamdClient(address, 5_000);
      expect(await client.scan(pieces(EICAR, 68))).toEqual({ status: "infected", signature: EICAR_SIGNATURE });
      expect(await client.scan(pieces(EICAR, 5))).toEqual({ status: "infected", signature: EICAR_SIGNATURE });
      expect(await client.scan(pieces(Buffer.from("A letter about my son's care plan.\n"), 7))).toEqual({ status: "clean" });
    }
  });

  it("finds what a document hides deeper than it looks, or behind a password, set up as docs/deploying.md says", async () => {
    const client = new ClamdClient(clamd.tcp, 5_000);
    expect(await client.scan(pieces(docxHiding("nested", EICAR), 64 * 1024))).toMatchObject({ status: "infected", signature: expect.stringMatching(/^Heuristics\.Limits\.Exceeded/) });
    expect(await client.scan(pieces(docxHiding("encrypted", EICAR), 64 * 1024))).toMatchObject({ status: "infected", signature: expect.stringMatching(/^Heuristics\.Encrypted/) });
    expect(await client.scan(pieces(docx(), 64 * 1024))).toEqual({ status: "clean" });
  });

  it("streams a large file in pieces under backpressure", async () => {
    const client = new ClamdClient(clamd.tcp, 10_000);
    const large = Buffer.alloc(10 * 1024 * 1024, "evidence ");
    expect(await client.scan(pieces(large, 256 * 1024))).toEqual({ status: "clean" });
  });

  it("is unavailable, not clean, for a stream over clamd's own limit", async () => {
    const client = new ClamdClient(clamd.tcp, 10_000);
    const verdict = await client.scan(pieces(Buffer.alloc(13 * 1024 * 1024, 1), 256 * 1024));
    expect(verdict).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/size limit|cannot be reached|closed/) });
  });

  it("is unavailable while clamd is stopped, and scans again once it is back", async () => {
    const client = new ClamdClient(clamd.tcp, 5_000);
    await clamd.stop();
    try {
      expect(await client.ping()).toBe(false);
      expect(await client.scan(pieces(EICAR, 68))).toMatchObject({ status: "unavailable", reason: expect.stringContaining("cannot be reached") });
    } finally {
      await clamd.start();
    }
    expect(await client.scan(pieces(EICAR, 68))).toEqual({ status: "infected", signature: EICAR_SIGNATURE });
  }, 60_000);

  it("gives up on a clamd that hangs, within its time limit", async () => {
    const client = new ClamdClient(clamd.tcp, 500);
    clamd.freeze();
    try {
      const started = Date.now();
      expect(await client.scan(pieces(EICAR, 68))).toMatchObject({ status: "unavailable", reason: expect.stringContaining("in time") });
      // Bounded by the time limit, not by clamd (which would never answer); generous for a busy machine.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await client.ping()).toBe(false);
    } finally {
      clamd.thaw();
    }
    expect(await new ClamdClient(clamd.tcp, 5_000).ping()).toBe(true);
  }, 30_000);
});
