// TRUST_PROXY as Express reads it: which address of X-Forwarded-For counts as the client's (rate limits, connections).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { environmentSchema } from "~/config/config.server";

async function clientAddress(trustProxy: string | undefined, forwardedFor: string): Promise<string> {
  const app = express();
  app.set("trust proxy", environmentSchema.parse({ TRUST_PROXY: trustProxy }).TRUST_PROXY);
  app.get("/", (req, res) => res.send(req.ip));
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const { port } = server.address() as AddressInfo;
    return await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } })).text();
  } finally {
    server.close();
  }
}

describe("TRUST_PROXY", () => {
  // The client wrote 6.6.6.6; the one load balancer saw the client at 203.0.113.7 and appended it.
  const header = "6.6.6.6, 203.0.113.7";

  it("with a number of proxies, takes the address the farthest of them saw, whatever the client wrote", async () => {
    expect(await clientAddress("1", header)).toBe("203.0.113.7");
    expect(await clientAddress("2", header)).toBe("6.6.6.6");
  });

  it("with true, takes the left-most address; unset, the connection's own", async () => {
    expect(await clientAddress("true", header)).toBe("6.6.6.6");
    expect(await clientAddress(undefined, header)).toBe("127.0.0.1");
    expect(await clientAddress("false", header)).toBe("127.0.0.1");
  });
});
