// A real SMTP server on 127.0.0.1 that keeps what it receives, and can refuse or fail on request.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: string;
  headers: ParsedMail["headers"];
}

/** What to answer the next message with: accept it, or an SMTP error code. */
export type MailBehaviour = () => "accept" | 451 | 550;

export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  readonly connectionErrors: string[] = [];
  behaviour: MailBehaviour = () => "accept";
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const outcome = this.behaviour();
          if (outcome !== "accept") {
            // As real servers do, a refusal quotes the recipient it refuses.
            const recipient = session.envelope.rcptTo[0]?.address ?? "";
            const error = Object.assign(new Error(outcome === 451 ? "Try again later" : `5.1.1 <${recipient}>: Recipient address rejected: User unknown`), { responseCode: outcome });
            return callback(error);
          }
          const raw = Buffer.concat(chunks).toString("utf8");
          void simpleParser(raw).then((mail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
            this.messages.push({ to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", messageId: mail.messageId ?? "", raw, headers: mail.headers });
            callback();
          }, callback);
        });
      },
    });
    // A client that dies mid-message (a worker killed with SIGKILL) resets its connection; a real mail server
    // carries on, and so does this one.
    this.server.on("error", (error: Error) => this.connectionErrors.push(error.message));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  to(address: string): CaughtMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }
}
