// The body every webhook carries, as one zod schema: the JSON Schema in docs/webhooks is generated from it. Its
// types, flags, references and languages all come from the one list of each (the journey registry, the flags, the
// languages), so a new journey's webhooks pass their own schema.
import { z } from "zod";
import { supportedLanguages } from "~/i18n";
import { routingFlags } from "~/journeys/flags";
import { isPortalReference, webhookTypes } from "~/journeys/journeys";
import { CANONICAL_REFERENCE } from "~/reference";
import { evidenceTypeNames } from "~/evidence/file-types";

export const webhookFileSchema = z
  .object({
    id: z.string().describe("The file's id."),
    name: z.string().describe("The file's name as the person's device gave it, cleaned: never a path."),
    type: z.enum(evidenceTypeNames).describe("What the file is, told by its content, not its name."),
    mimeType: z.string().describe("Its media type."),
    size: z.number().int().positive().describe("Its size in bytes."),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of its content, in hex: check the download against it."),
    scan: z.enum(["clean", "not-scanned"]).describe("clamd found nothing (clean), or no scanner was configured (not-scanned: development only)."),
    url: z.url().describe("Where to download it: a signed link, working until expiresAt, then 404; also 404 once the submission is purged."),
    expiresAt: z.iso.datetime().describe("When the link stops working (UTC)."),
  })
  .describe("A file the person attached to show what happened (a letter, a photo, a screenshot).");

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
      replyBy: z.iso
        .date()
        .nullable()
        .describe(
          "The date a reply is due, counting working days. For a request for the next stage flagged late (made after the time to ask), the date the council's decision on whether to take it is due, not the stage's reply.",
        ),
      service: z.string().nullable(),
      flags: z.array(z.enum(routingFlags)),
      urgent: z.boolean().describe("Something is about to happen that the person wants stopped or waited for (the urgent flag)."),
      urgentBy: z.iso.date().nullable().describe("When it will happen, if they said; null when they do not know, or it is not urgent."),
      answers: z
        .record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])))
        .describe("Every answer, by question page then field, exactly as typed."),
      files: z.array(webhookFileSchema).describe("Files the person attached, in the order they added them; empty when none."),
    }),
  })
  .describe("A submission from the complaints portal, signed as a Standard Webhook.");

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export function webhookJsonSchema(): unknown {
  // As read by a receiver (`io: "input"`): an object may carry fields added since, which a receiver ignores.
  return z.toJSONSchema(webhookPayloadSchema, { target: "draft-2020-12", unrepresentable: "any", io: "input" });
}
