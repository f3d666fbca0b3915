// Writes the JSON Schemas in docs/webhooks from the zod schemas the portal sends with.
import { writeFileSync } from "node:fs";
import { caseUpdatedJsonSchema } from "../app/cases/case-webhook";
import { webhookJsonSchema } from "../app/delivery/webhook-payload";

for (const [file, schema] of [
  ["docs/webhooks/webhook-payload.schema.json", webhookJsonSchema()],
  ["docs/webhooks/case-updated.schema.json", caseUpdatedJsonSchema()],
] as const) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`Wrote ${file}`);
}
