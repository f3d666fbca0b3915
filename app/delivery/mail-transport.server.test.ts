// The two ways email leaves: .eml files for the quick start, and SMTP, which refuses plain text beyond this machine.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { hostname, networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { isLoopback } from "~/config/config.server";
import { createFileTransport, createSmtpTransport, MailError } from "./mail-transport.server";

describe("the .eml transport", () => {
  it("writes each message as a file a mail program opens, and says where", async () => {
    const folder = path.join(mkdtempSync(path.join(tmpdir(), "eml-")), "mail");
    const written: string[] = [];
    const transport = createFileTransport(folder, "Complaints <complaints@example.org>", (file) => written.push(file));
    await transport.send({ to: "team@example.org", subject: "Complaint · C-1234", text: "Plain words", html: "<p>Plain words</p>", messageId: "<job-1@complaints-portal>" });
    expect(readdirSync(folder)).toHaveLength(1);
    expect(written).toEqual([path.join(folder, readdirSync(folder)[0]!)]);
    const message = readFileSync(written[0]!, "utf8");
    expect(message).toMatch(/^To: team@example\.org$/m);
    expect(message).toMatch(/^Subject: =\?UTF-8\?Q\?Complaint_=C2=B7_C-1234\?=$|^Subject: Complaint · C-1234$/m);
    expect(message).toMatch(/^Message-ID: <job-1@complaints-portal>$/m);
    expect(message).toContain("Plain words");
  });
});

describe("SMTP", () => {
  it("will not send over an unencrypted connection to a server that is not on this machine", async () => {
    // A server that offers no STARTTLS, reached by an address that is not loopback.
    const received: string[] = [];
    const server = new SMTPServer({
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, _session, callback) {
        stream.on("data", (chunk: Buffer) => received.push(chunk.toString()));
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    // This machine's own network address (or, with no network, its name): on this machine, but not loopback.
    const name = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal)?.address ?? hostname();
    expect(isLoopback(name), "the machine's name is not treated as a loopback address").toBe(false);
    const port = (server.server.address() as AddressInfo).port;
    try {
      const transport = createSmtpTransport(`smtp://${name}:${port}`, "complaints@example.org");
      const error = await transport.send({ to: "team@example.org", subject: "Complaint", text: "A child's words", html: "<p>A child's words</p>" }).catch((e: unknown) => e);
      transport.close();
      expect(error).toBeInstanceOf(MailError);
      expect((error as MailError).message).toMatch(/STARTTLS|TLS/i);
      expect(received.join("")).not.toContain("A child's words");

      // The same server on a loopback address (a local relay) is used as it is.
      const local = createSmtpTransport(`smtp://127.0.0.1:${port}`, "complaints@example.org");
      await local.send({ to: "team@example.org", subject: "Complaint", text: "Local relay", html: "<p>Local relay</p>" });
      local.close();
      expect(received.join("")).toContain("Local relay");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
