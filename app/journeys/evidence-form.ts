// The evidence page's form, named once: the page renders these fields and the upload handler
// (app/evidence/upload.server.ts) refuses any other.

/** Marks the evidence page's part, whose script only that page fetches (app/page-parts.ts). */
export const evidencePartMarker = "data-app-evidence-question";

/** The file input. */
export const evidenceFileField = "evidence";

/** The button pressed: "upload" stays on the page to add more, "continue" goes on once the files are in. */
export const evidenceIntentField = "action";
export const evidenceIntents = ["upload", "continue"] as const;
export type EvidenceIntent = (typeof evidenceIntents)[number];

/** A file to take off the list: posted by its own small form, not with the upload. */
export const evidenceRemoveField = "remove";

/** Fields the upload form may carry besides `csrf` and the files. */
export const evidenceFields = [evidenceIntentField] as const;

/** A file as the page and check answers show it: made on the server, drawn by the page. */
export interface EvidenceFileView {
  id: string;
  name: string;
  /** Its kind and size in the person's language: "PDF, 1.2MB". */
  details: string;
  scanned: boolean;
}
