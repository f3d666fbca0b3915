// The delivery benchmark's mail server and webhook receiver, in a process of their own: in a council's
// deployment they are other machines, so their work (parsing each message, checking each signature) must not be
// counted as the delivery worker's. Started by bench/run.ts; prints its addresses as one JSON line, answers each
// "counts" line on stdin with what it has received, and stops when stdin closes.
import { createInterface } from "node:readline";
import { z } from "zod";
import { MailCatcher } from "../tests/support/mail-catcher";
import { WebhookReceiver } from "../tests/support/webhook-receiver";

const [secret] = z.tuple([z.string().startsWith("whsec_")]).parse(process.argv.slice(2));
const mail = new MailCatcher();
const receiver = new WebhookReceiver(secret);
await mail.start();
await receiver.start();
process.stdout.write(`${JSON.stringify({ smtpUrl: mail.url, webhookUrl: receiver.url })}\n`);

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "counts") process.stdout.write(`${JSON.stringify({ emails: mail.messages.length, webhooks: receiver.accepted().length })}\n`);
});
lines.on("close", () => {
  void Promise.all([mail.stop(), receiver.stop()]).then(() => process.exit(0));
});
