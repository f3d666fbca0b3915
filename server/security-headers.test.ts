// The headers every response carries, over a real HTTP server: HSTS in production only, a fresh nonce each time.
import express from "express";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { configuredHelmet, securityHeaders } from "./security-headers";

async function headersFrom(production: boolean, times = 2): Promise<Headers[]> {
  const app = express();
  app.use(securityHeaders({ production }));
  app.get("/", (_req, res) => res.send(String(res.locals.nonce)));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const answers: Headers[] = [];
    for (let i = 0; i < times; i++) {
      const response = await fetch(url);
      const nonce = await response.text();
      expect(response.headers.get("content-security-policy")).toContain(`script-src 'self' 'nonce-${nonce}'`);
      answers.push(response.headers);
    }
    return answers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("security headers", () => {
  it("in production, tell browsers to use HTTPS for a year, and give each response its own nonce", async () => {
    const [first, second] = await headersFrom(true);
    expect(first!.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(first!.get("content-security-policy")).not.toBe(second!.get("content-security-policy"));
    for (const [name, value] of [["x-content-type-options", "nosniff"], ["referrer-policy", "no-referrer"], ["x-frame-options", "DENY"], ["cross-origin-opener-policy", "same-origin"]] as const) {
      expect(first!.get(name), name).toBe(value);
    }
    expect(first!.get("permissions-policy")).toContain("camera=()");
    expect(first!.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("in development, over plain HTTP on a laptop, send no HSTS", async () => {
    const [headers] = await headersFrom(false, 1);
    expect(headers!.get("strict-transport-security")).toBeNull();
    expect(headers!.get("content-security-policy")).toContain("object-src 'none'");
  });

  it("sets exactly the headers helmet itself sets, with the response's own nonce", async () => {
    for (const production of [true, false]) {
      const app = express();
      app.get("/ours", securityHeaders({ production }), (_req, res) => res.send(String(res.locals.nonce)));
      // helmet run afresh on each response, as before its headers were worked out once, with the nonce it is given.
      const helmet = configuredHelmet(production);
      app.get(
        "/helmet",
        (req, res, next) => {
          res.locals.nonce = String(req.query.nonce);
          res.setHeader("Permissions-Policy", "as-ours");
          helmet(req, res, next);
        },
        (_req, res) => res.send(String(res.locals.nonce)),
      );
      const server = app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      try {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const seen = new Set<string>();
        for (let i = 0; i < 5; i++) {
          const ours = await fetch(`${base}/ours`);
          const nonce = await ours.text();
          seen.add(nonce);
          const theirs = await fetch(`${base}/helmet?nonce=${encodeURIComponent(nonce)}`);
          expect(await theirs.text()).toBe(nonce);
          // Only the date and the body's length and tag may differ.
          const listed = (headers: Headers) => [...headers].filter(([name]) => !["date", "etag", "content-length", "permissions-policy"].includes(name));
          expect(listed(ours.headers)).toEqual(listed(theirs.headers));
          expect(ours.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
          expect(ours.headers.get("x-powered-by")).toBeNull();
        }
        expect(seen.size).toBe(5);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });
});
