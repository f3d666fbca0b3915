// The body every webhook carries, as one zod schema: the JSON Schema in docs/webhooks is generated from it. Its
// types, flags, references and languages all come from the one list of each (the journey registry, the flags, the
// languages), so a new journey's webhooks pass their own schema.
import { z } from "zod";
import { supportedLanguages } from "~/i18n";
import { routingFlags } from "~/journeys/flags";
import { isPortalReference, webhookTypes } from "~/journeys/journeys";
import { CANONICAL_REFERENCE } from "~/reference";

export { webhookTypes };

export const webhookPayloadSchema = z
  .object({
    type: z.enum(webhookTypes).describe("What happened."),
    timestamp: z.iso.datetime().describe("When this payload was made (UTC)."),
    schemaVersion: z.literal(1).describe("Version of this payload's shape."),
    data: z.object({
      reference: z
        .string()
        .regex(CANONICAL_REFERENCE)
        .refine((value) => isPortalReference(value), "a portal reference with its check character")
        .describe("The person's reference, with its check character."),
      journey: z.string().describe("The form they used."),
      answersSchemaVersion: z.number().int().positive().describe("Version of the journey's questions."),
      submittedAt: z.iso.datetime(),
      language: z.enum(supportedLanguages).describe("The language they used; reply in it."),
      replyBy: z.iso.date().nullable().describe("The date a reply is due, counting working days."),
      service: z.string().nullable(),
      flags: z.array(z.enum(routingFlags)),
      urgent: z.boolean().describe("Something is about to happen that the person wants stopped or waited for (the urgent flag)."),
      urgentBy: z.iso.date().nullable().describe("When it will happen, if they said; null when they do not know, or it is not urgent."),
      answers: z
        .record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])))
        .describe("Every answer, by question page then field, exactly as typed."),
    }),
  })
  .describe("A submission from the complaints portal, signed as a Standard Webhook.");

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export function webhookJsonSchema(): unknown {
  return z.toJSONSchema(webhookPayloadSchema, { target: "draft-2020-12", unrepresentable: "any" });
}
