// POST /api/case-events: the council's case system tells the portal what happened to a complaint. Each request is
// a Standard Webhook, signed with a secret from CASE_EVENTS_SECRET, at most 5 minutes old, and applied once per
// webhook-id. A bad signature gets a bare 401; a malformed body a 400 or 422 naming the field; an unknown reference
// a 404; an event that does not fit the case (a stage 3 before stage 2's reply, an extension past the limit, anything
// but the Ombudsman or a reopening on a closed case) a 409 saying why. Nothing is stored unless it is applied.
import { json, problem, type ProblemField } from "~/api/problem.server";
import { verify } from "~/delivery/webhook-signature.server";
import { caseReferenceOf } from "./case-reference.server";
import type { z } from "zod";
import { caseEventBodySchema, caseEventSchema } from "./case-events";
import { currentStage, replyDueOn } from "./case-state";
import type { CaseStore } from "./case-store.server";

export interface CaseEventsRequest {
  headers: Headers;
  body: Buffer | undefined;
  tooLarge: boolean;
}

const TOLERANCE_SECONDS = 300;

/** The largest case event read: far more than any event needs (they are a few hundred bytes). The server reads more
 * for the person's forms (read-form.server.ts); a body past that comes here as `tooLarge` too. */
export const caseEventMaxBytes = 64 * 1024;

/**
 * Requests refused for their signature that one address may make in a window; past them, each refused one is
 * answered 429 with when the window ends. Signed posts never count and are always answered for what they say.
 */
export const refusedCaseEvents = { limit: 20, windowMs: 15 * 60_000 } as const;

function fieldsOf(error: z.ZodError): ProblemField[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join(".") || "body", detail: issue.message }));
}

export async function receiveCaseEvent(request: CaseEventsRequest, secrets: readonly string[], cases: CaseStore, nowSeconds: number): Promise<Response> {
  if (!secrets.length) return problem({ status: 404, title: "Not found" });
  if (request.tooLarge || (request.body?.length ?? 0) > caseEventMaxBytes) return problem({ status: 413, title: "Too large", detail: `A case event is at most ${caseEventMaxBytes / 1024} KB.` });
  const id = request.headers.get("webhook-id") ?? "";
  const timestamp = request.headers.get("webhook-timestamp") ?? "";
  const signature = request.headers.get("webhook-signature") ?? "";
  const raw = request.body?.toString("utf8") ?? "";
  const signed = id.length > 0 && id.length <= 256 && secrets.some((secret) => verify(secret, { id, timestamp, signature }, raw, nowSeconds, TOLERANCE_SECONDS));
  // Nothing more is said: which part failed would help someone guessing.
  if (!signed) return problem({ status: 401, title: "Unauthorized" });
  if ((request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase() !== "application/json") {
    return problem({ status: 415, title: "Unsupported media type", detail: "Send the event as application/json." });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return problem({ status: 400, title: "Malformed JSON", detail: "The body is not valid JSON.", errors: [{ field: "body", detail: "is not valid JSON" }] });
  }
  const body = caseEventBodySchema.safeParse(parsed);
  if (!body.success) return problem({ status: 422, title: "Invalid case event", errors: fieldsOf(body.error) });
  const { reference: given, ...fields } = body.data;
  const read = caseReferenceOf(given);
  if (!read.ok) return problem({ status: 422, title: "Invalid case event", errors: [{ field: "reference", detail: read.problem }] });
  const reference = read.reference;
  const event = caseEventSchema.safeParse(fields);
  if (!event.success) return problem({ status: 422, title: "Invalid case event", errors: fieldsOf(event.error) });
  const outcome = await cases.applyOutside(reference, event.data, { source: "case-system", webhookId: id });
  switch (outcome.status) {
    case "duplicate":
      return json({ status: "duplicate", detail: "This webhook-id was applied before; nothing changed." });
    case "not-found":
      return problem({ status: 404, title: "Unknown reference", detail: "No case has this reference.", errors: [{ field: "reference", detail: "is not a case the portal knows" }] });
    case "refused":
      return problem({ status: 409, title: outcome.refusal.title, detail: outcome.refusal.detail, errors: outcome.refusal.field ? [{ field: outcome.refusal.field, detail: outcome.refusal.detail }] : [] });
    case "applied": {
      const { state } = outcome.case;
      return json({ status: "applied", reference, stage: currentStage(state).stage, replyDueOn: replyDueOn(state), acknowledgedOn: state.acknowledgedOn, closedOn: state.closedOn });
    }
  }
}
