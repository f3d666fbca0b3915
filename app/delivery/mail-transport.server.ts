// Email leaves through nodemailer: pooled SMTP with short timeouts where SMTP_URL is set, otherwise as .eml
// files under data/mail so the quick start needs no mail server.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { makeFolderSync } from "~/services/folders.server";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { isLoopback } from "~/config/config.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same on every attempt, so a mailbox can tell a retry from a new message. */
  messageId?: string;
  /** Files sent with it (evidence, up to EVIDENCE_ATTACH_MAX_MB in all). */
  attachments?: readonly { filename: string; content: Buffer; contentType: string }[];
}

export interface MailTransport {
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Whether a failed send is worth retrying: SMTP 5xx answers are final, everything else is temporary. */
export class MailError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

function classify(error: unknown): MailError {
  const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
  if (typeof responseCode === "number") {
    return new MailError(`SMTP ${responseCode}: ${(message ?? "").slice(0, 300)}`, responseCode >= 500 && responseCode < 600);
  }
  return new MailError(`${code ?? "ERROR"}: ${(message ?? String(error)).slice(0, 300)}`, false);
}

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const transporter: Transporter = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    // Outside this machine, refuse to send children's details over an unencrypted connection.
    requireTLS: !secure && !isLoopback(url.hostname),
    ignoreTLS: isLoopback(url.hostname) && !secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    description: `SMTP ${url.hostname}:${url.port || (secure ? 465 : 587)}`,
    async send(mail) {
      try {
        await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, attachments: mail.attachments ? [...mail.attachments] : undefined });
      } catch (error) {
        throw classify(error);
      }
    },
    close() {
      transporter.close();
    },
  };
}

export function createFileTransport(folder: string, from: string, log: (message: string) => void): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `files in ${folder}`,
    async send(mail) {
      const info = await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, attachments: mail.attachments ? [...mail.attachments] : undefined });
      makeFolderSync(folder);
      const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.eml`);
      writeFileSync(file, info.message as Buffer);
      log(file);
    },
    close() {},
  };
}
