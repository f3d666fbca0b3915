import { z } from "zod";

const pageAnswerSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const journeyStateSchema = z.object({
  /** One run of a journey: a new one starts after a submission, so two tabs sending the same answers store them once. */
  runId: z.string(),
  /** When the first question was shown, for the minimum time a person needs (milliseconds since 1970). */
  startedAt: z.number().optional(),
  answers: z.record(z.string(), pageAnswerSchema),
  submitted: z
    .object({
      reference: z.string(),
      replyBy: z.string().nullable(),
      submittedAt: z.string(),
      language: z.string(),
      /** A request for the next stage added to the case: the stage it is for as recorded, which the confirmation
       * describes (the person may have picked another, `settleRequest`). */
      stage: z.union([z.literal(2), z.literal(3), z.literal("ended")]).optional(),
      /** A request for the next stage made after the time to ask: the council decides whether to take it, and the
       * reply date is when it says so (decision 090). */
      late: z.literal(true).optional(),
    })
    .optional(),
});

/** A failed post is redirected back to its page (so the page's <title> can say "Error:"); this carries what was typed. */
const flashSchema = z.object({
  journey: z.string(),
  page: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  errors: z.array(z.object({ href: z.string(), field: z.string(), messageKey: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  /** What the post did, said once on the page it comes back to (the evidence page: which files were added or removed). */
  notice: z.object({ messageKey: z.string(), values: z.record(z.string(), z.string()) }).optional(),
});

/**
 * "Check your complaint": the reference asked about, when, and how many codes were tried. What the page says about
 * a try depends only on these, never on whether the reference is a case's.
 */
const progressSchema = z.object({
  reference: z.string(),
  requestedAt: z.number(),
  tries: z.number(),
  /** A random id for this session's request: the code sent works only with it (app/cases/progress-codes.server.ts). */
  asker: z.string().optional(),
  /** Set once a code was right: the case this session may see, until `until` (ms): the idle time after the code was
   * entered or an answer last sent (decision 056). Viewing a page, or keeping the session alive, does not move it:
   * someone who picks the phone up later must not keep the case open (decision 075). Absent from sessions kept before
   * it was, which are closed. */
  viewing: z.object({ caseId: z.string(), reference: z.string(), until: z.number().optional() }).optional(),
});

export const sessionDataSchema = z.object({
  journeys: z.record(z.string(), journeyStateSchema),
  progress: progressSchema.optional(),
  flash: flashSchema.optional(),
  /** The id this session had before its last rotation: forms still open in other tabs carry tokens bound to it. */
  rotatedFrom: z.string().optional(),
});

export type Flash = z.infer<typeof flashSchema>;
export type ProgressState = z.infer<typeof progressSchema>;

export type PageAnswer = z.infer<typeof pageAnswerSchema>;
export type JourneyAnswers = Record<string, PageAnswer>;
export type JourneyState = z.infer<typeof journeyStateSchema>;
export type SessionData = z.infer<typeof sessionDataSchema>;

export type Viewing = NonNullable<ProgressState["viewing"]>;

/** The case this session may see now, or null once its time is up (or it never checked one). */
export function openViewing(progress: ProgressState | undefined, now: number): Viewing | null {
  const viewing = progress?.viewing;
  return viewing && (viewing.until ?? 0) > now ? viewing : null;
}

/** The person sent an answer: the case they checked stays open for the idle time from now, if it is still open. */
export function extendViewing(progress: ProgressState | undefined, now: number, idleMs: number): void {
  const viewing = openViewing(progress, now);
  if (viewing) viewing.until = now + idleMs;
}
