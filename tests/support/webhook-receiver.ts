// A real HTTP server on 127.0.0.1 that receives webhooks, checks their signatures, and can fail on request.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "../../app/delivery/webhook-signature.server";

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: unknown;
  verified: boolean;
  status: number;
}

/** The answer to give: a status code (with optional headers), or "hang" to never answer. */
export type WebhookBehaviour = (request: { id: string }) => number | "hang" | { status: number; headers: Record<string, string> };

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  behaviour: WebhookBehaviour = () => 200;
  private server: Server | null = null;
  private hanging: IncomingMessage[] = [];
  port = 0;

  /** `now` is the receiver's clock in milliseconds: a test that moves the sender's clock moves this one too. */
  constructor(
    readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  async start(port = 0): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = {
          id: String(request.headers["webhook-id"] ?? ""),
          timestamp: String(request.headers["webhook-timestamp"] ?? ""),
          signature: String(request.headers["webhook-signature"] ?? ""),
        };
        const verified = verify(this.secret, headers, body, Math.floor(this.now() / 1000));
        // As a real receiver does: a webhook whose signature does not verify is refused, whatever else is asked.
        const answer = verified ? this.behaviour({ id: headers.id }) : 401;
        const status = typeof answer === "number" ? answer : answer === "hang" ? 0 : answer.status;
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          json = null;
        }
        this.received.push({ ...headers, body, json, verified, status });
        if (answer === "hang") {
          this.hanging.push(request);
          return;
        }
        response.writeHead(status, typeof answer === "object" ? answer.headers : {});
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/webhooks`;
  }

  /** Webhooks the receiver accepted, one per webhook-id, as a receiver that drops duplicates would keep. */
  accepted(): ReceivedWebhook[] {
    const byId = new Map<string, ReceivedWebhook>();
    for (const hook of this.received) if (hook.status >= 200 && hook.status < 300 && !byId.has(hook.id)) byId.set(hook.id, hook);
    return [...byId.values()];
  }

  async stop(): Promise<void> {
    for (const request of this.hanging) request.socket.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
