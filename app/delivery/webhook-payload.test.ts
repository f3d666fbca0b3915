import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webhookJsonSchema } from "./webhook-payload";

describe("the webhook payload's JSON Schema", () => {
  it("in docs/webhooks is the one generated from the zod schema (run npm run webhook-schema after a change)", () => {
    const committed = JSON.parse(readFileSync("docs/webhooks/webhook-payload.schema.json", "utf8")) as unknown;
    expect(committed).toEqual(webhookJsonSchema());
  });
});
