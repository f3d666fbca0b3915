// The evidence page's server side: what the page lists, and what each post does. The upload itself was streamed,
// checked and scanned before the action runs (app/evidence/upload.server.ts); here its outcome becomes the page's
// errors, the run's file list, or the next page. A file is removed by its own small form (a plain post).
import type { AppLoadContext } from "@remix-run/node";
import { evidenceLimits, fileSize, megabytes } from "~/evidence/evidence-limits";
import type { EvidenceFile, EvidenceOwner } from "~/evidence/evidence-store.server";
import { refusalError, type EvidenceError, type UploadResult } from "~/evidence/upload.server";
import { evidenceFileField, evidenceIntentField, evidenceRemoveField, type EvidenceFileView } from "./evidence-form";
import type { FieldError, FormFields } from "./journey-engine";
import type { JourneyRequest } from "./journey-requests.server";

export function evidenceOwner({ session, journey, state }: Pick<JourneyRequest, "session" | "journey" | "state">): EvidenceOwner | null {
  return session.id && !session.fresh ? { sessionId: session.id, journey: journey.id, runId: state.runId } : null;
}

export function describeFile(file: Pick<EvidenceFile, "id" | "name" | "type" | "size" | "scan">, language: string, t: (key: string, values?: Record<string, unknown>) => string): EvidenceFileView {
  return {
    id: file.id,
    name: file.name,
    details: t("common:evidence.details", { type: t(`common:evidence.types.${file.type}`), size: fileSize(file.size, language) }),
    scanned: file.scan === "clean",
  };
}

/** The files attached to this run so far (none before anything was answered). */
export async function runFiles(context: AppLoadContext, request: Pick<JourneyRequest, "session" | "journey" | "state">): Promise<EvidenceFile[]> {
  const owner = evidenceOwner(request);
  return owner ? context.services.evidence.list(owner) : [];
}

/** The words the page's limits are said in: filled into its hint and its errors. */
export const evidenceLimitValues = { count: evidenceLimits.maxFiles, fileSize: megabytes(evidenceLimits.maxFileBytes), totalSize: megabytes(evidenceLimits.maxTotalBytes) };

function errorFor(code: EvidenceError, name: string | null): FieldError {
  const size = code === "total-too-large" ? evidenceLimitValues.totalSize : evidenceLimitValues.fileSize;
  return {
    href: evidenceFileField,
    field: evidenceFileField,
    messageKey: `common:evidence.errors.${code}`,
    values: { count: evidenceLimits.maxFiles, size, ...(name ? { name } : {}) },
  };
}

/** What an upload or a removal did, said on the page when it comes back (in its status region, announced with
 * JavaScript, and shown by the button without it). */
export interface EvidenceNotice {
  messageKey: string;
  values: Record<string, string>;
}

export type EvidencePostOutcome =
  /** Back to the evidence page, with these errors (none: the files are in, or one was removed, as `notice` says). */
  | { kind: "stay"; errors: FieldError[]; notice?: EvidenceNotice }
  /** The person is done with this page. */
  | { kind: "continue" };

/**
 * What a post to the evidence page does. An upload's files were stored (or refused, each with its reason) before
 * this runs; "Continue" with files chosen uploads them first and goes on only if every one was taken.
 */
export async function evidencePost(context: AppLoadContext, request: JourneyRequest, form: FormFields, upload: UploadResult | undefined): Promise<EvidencePostOutcome> {
  const owner = evidenceOwner(request);
  const remove = form.get(evidenceRemoveField);
  if (typeof remove === "string" && remove) {
    const file = owner ? (await context.services.evidence.list(owner)).find((each) => each.id === remove) : undefined;
    const removed = owner && file ? await context.services.evidence.remove(owner, remove) : false;
    return { kind: "stay", errors: [], ...(removed && file ? { notice: { messageKey: "common:evidence.removed", values: { name: file.name } } } : {}) };
  }
  const intent = form.get(evidenceIntentField) === "upload" ? "upload" : "continue";
  if (upload?.refusal && upload.refusal !== "forgery") return { kind: "stay", errors: [errorFor(refusalError(upload.refusal), null)] };
  const files = upload?.files ?? [];
  // Only name the file in its message when several were sent at once, as the one-file pattern does not.
  const named = files.length > 1;
  const errors = files.flatMap((outcome) => (outcome.ok ? [] : [errorFor(outcome.error, named ? outcome.name : null)]));
  // The files that went in are said, with any that did not: each name set apart (a name may run either way), listed
  // as the language lists things ("a, b and c", "a وb وc").
  const added = files.flatMap((outcome) => (outcome.ok ? [`\u2068${outcome.name}\u2069`] : []));
  const notice = added.length ? { notice: { messageKey: "common:evidence.added", values: { names: new Intl.ListFormat(context.language, { type: "conjunction" }).format(added) } } } : {};
  if (errors.length) return { kind: "stay", errors, ...notice };
  if (intent === "upload") return files.length ? { kind: "stay", errors: [], ...notice } : { kind: "stay", errors: [errorFor("no-file", null)] };
  return { kind: "continue" };
}
