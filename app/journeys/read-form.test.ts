// A post's fields come from the bytes the server read, whatever the browser sent them as.
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Refusal } from "./forgery.server";
import { readForm } from "./read-form.server";

const post = (type: string | null) => new Request("http://x/complaint/service", { method: "POST", headers: type ? { "Content-Type": type } : {} });
const context = (body?: string | Buffer, refusal?: Refusal) => ({ body: typeof body === "string" ? Buffer.from(body) : body, refusal }) as AppLoadContext;

describe("readForm", () => {
  it("reads a form sent with JavaScript off or on, in UTF-8", async () => {
    const form = await readForm(post("application/x-www-form-urlencoded;charset=UTF-8"), context("csrf=t&service=public-health&name=Zo%C5%9Bka+K&x=1&x=2"));
    expect(form.get("service")).toBe("public-health");
    expect(form.get("name")).toBe("Zośka K");
    expect(form.getAll("x")).toEqual(["1", "2"]);
  });

  it("reads a multipart form's text fields", async () => {
    const body = new FormData();
    body.append("csrf", "t");
    body.append("what-happened", "Nobody came.\r\nTwice.");
    const encoded = new Response(body);
    const form = await readForm(post(encoded.headers.get("Content-Type")), context(Buffer.from(await encoded.arrayBuffer())));
    expect(form.get("what-happened")).toBe("Nobody came.\r\nTwice.");
  });

  it("reads anything else, a broken body or no body as an empty form", async () => {
    for (const [type, body] of [["application/json", '{"service":"public-health"}'], ["multipart/form-data; boundary=x", "not multipart"], [null, "service=public-health"], ["application/x-www-form-urlencoded", undefined]] as const) {
      const form = await readForm(post(type), context(body));
      expect(form.get("service")).toBeNull();
    }
  });

  it("refuses a post the server refused before the route ran, with its reason and wait", async () => {
    const refused = await readForm(post("application/x-www-form-urlencoded"), context("csrf=t", { reason: "rate", retryAfterSeconds: 90 })).catch((thrown: unknown) => thrown);
    expect((refused as Response).headers.get("Location")).toBe("/refused?reason=rate&retry=90&back=%2Fcomplaint%2Fservice");
  });

  it("refuses a body that was too large to read", async () => {
    const refused = await readForm(post("application/x-www-form-urlencoded"), context(undefined, { reason: "too-large" })).catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(303);
    expect((refused as Response).headers.get("Location")).toBe("/refused?reason=too-large&back=%2Fcomplaint%2Fservice");
  });
});
