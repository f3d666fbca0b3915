// sendWebhook against real sockets: a kept-alive connection the receiver has dropped is not a failed send.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendWebhook, WebhookError } from "./send-webhook.server";

const secret = `whsec_${Buffer.alloc(32, 3).toString("base64")}`;
let server: Server | null = null;

/** A tiny HTTP/1.1 server over raw TCP whose connections do what `onRequest` says, one call per request. */
async function rawServer(onRequest: (socket: Socket, index: number) => void): Promise<string> {
  let count = 0;
  server = createServer((socket) => {
    let buffered = "";
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = buffered.slice(end + 4 + length);
      onRequest(socket, count++);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe("sendWebhook", () => {
  it("sends again at once on a new connection when the receiver resets the one it had", async () => {
    const url = await rawServer((socket, index) => {
      if (index === 0) socket.resetAndDestroy();
      else socket.end("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
    });
    await expect(sendWebhook({ name: "case-system", url, secrets: [secret] }, "msg_reset", "{}")).resolves.toBeUndefined();
  });

  it("fails, to be tried later, when the receiver resets every connection", async () => {
    const url = await rawServer((socket) => socket.resetAndDestroy());
    const error = await sendWebhook({ name: "case-system", url, secrets: [secret] }, "msg_always", "{}").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookError);
    expect((error as WebhookError).permanent).toBe(false);
  });
});
