import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caseUpdatedJsonSchema } from "~/cases/case-webhook";
import { webhookJsonSchema } from "./webhook-payload";

describe("the webhooks' JSON Schemas in docs/webhooks", () => {
  it.each([
    ["webhook-payload.schema.json", webhookJsonSchema],
    ["case-updated.schema.json", caseUpdatedJsonSchema],
  ])("%s is the one generated from the zod schema (run npm run webhook-schema after a change)", (file, generate) => {
    const committed = JSON.parse(readFileSync(`docs/webhooks/${file}`, "utf8")) as unknown;
    expect(committed).toEqual(generate());
  });
});
