// Writes docs/webhooks/webhook-payload.schema.json from the zod schema the portal sends with.
import { writeFileSync } from "node:fs";
import { webhookJsonSchema } from "../app/delivery/webhook-payload";

writeFileSync("docs/webhooks/webhook-payload.schema.json", `${JSON.stringify(webhookJsonSchema(), null, 2)}\n`);
console.log("Wrote docs/webhooks/webhook-payload.schema.json");
