// The body every webhook carries, as one zod schema: the JSON Schema in docs/webhooks is generated from it.
import { z } from "zod";

export const webhookTypes = ["complaint.submitted", "compliment.submitted", "advocate.requested", "format.requested", "escalation.requested"] as const;

export const webhookPayloadSchema = z
  .object({
    type: z.enum(webhookTypes).describe("What happened."),
    timestamp: z.iso.datetime().describe("When this payload was made (UTC)."),
    schemaVersion: z.literal(1).describe("Version of this payload's shape."),
    data: z.object({
      reference: z.string().regex(/^[CTAFE]-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/).describe("The person's reference, with its check character."),
      journey: z.string().describe("The form they used."),
      answersSchemaVersion: z.number().int().positive().describe("Version of the journey's questions."),
      submittedAt: z.iso.datetime(),
      language: z.enum(["en", "pl"]).describe("The language they used; reply in it."),
      replyBy: z.iso.date().nullable().describe("The date a reply is due, counting working days."),
      service: z.string().nullable(),
      flags: z.array(z.enum(["advocate", "another-format", "late", "under-18", "escalation"])),
      answers: z
        .record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])))
        .describe("Every answer, by question page then field, exactly as typed."),
    }),
  })
  .describe("A submission from the complaints portal, signed as a Standard Webhook.");

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export function webhookJsonSchema(): unknown {
  return z.toJSONSchema(webhookPayloadSchema, { target: "draft-2020-12" });
}
