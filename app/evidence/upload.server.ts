// Receives an evidence upload: a multipart body streamed through busboy, each file through the type check, the
// virus scanner and the sealed piece store at once, never whole in memory. Every other route keeps the 128 KB
// body limit (server/remix-handler.ts); only a request handed here may be larger, and past 21 MB it is refused
// (its rest read and dropped once it is answered, so the browser sees the answer: leaveRefusedBody).
//
// The form's `csrf` field must come before its file input (browsers send fields in the form's order): the token
// is checked before any byte of a file is stored. What comes back is typed: the form's other fields, one outcome
// per file (accepted, or the error the page shows), and a refusal of the whole request when there is one.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import type { NextFunction, Request, Response } from "express";
import type { LoadedSession } from "~/services/session-store.server";
import { logger } from "~/services/logger.server";
import type { Scanner } from "./clamav.server";
import { evidenceLimits } from "./evidence-limits";
import type { EvidenceFile, EvidenceOwner, EvidenceStore, EvidenceTotals, PendingEvidence, ScanResult } from "./evidence-store.server";
import { cleanFileName, withExtension } from "./file-names";
import { claimedType, defaultExtension, FileSniffer } from "./file-types";

/** Why one file was not accepted; each has its message under `evidence.errors` in locales/<lng>/common.json. */
export const evidenceErrors = [
  "no-file",
  "too-large",
  "wrong-type",
  "empty",
  "password-protected",
  "too-many",
  "total-too-large",
  "infected",
  "scanner-unavailable",
  "upload-failed",
] as const;
export type EvidenceError = (typeof evidenceErrors)[number];

/**
 * Why the whole request was refused: a forged post (no valid token before the file), a body that is not a form
 * we sent (no boundary, many tiny parts, a field we do not have), a body past 21 MB, nothing sent for a minute,
 * or the browser went away.
 */
export type UploadRefusal = "forgery" | "malformed" | "body-too-large" | "timeout" | "aborted";

export type FileOutcome = { ok: true; name: string; file: EvidenceFile } | { ok: false; name: string; error: EvidenceError };

export interface UploadResult {
  /** The form's other fields: `csrf`, the button pressed, a file to remove. */
  fields: URLSearchParams;
  /** One for each file chosen, in order; a file input left empty gives none. */
  files: FileOutcome[];
  refusal: UploadRefusal | null;
}

/** The message key of a refusal, for the page that shows it (forgery has its own page, /refused). */
export function refusalError(refusal: Exclude<UploadRefusal, "forgery">): EvidenceError {
  return refusal === "body-too-large" ? "total-too-large" : "upload-failed";
}

export interface UploadRequest {
  contentType: string | undefined;
  contentLength: string | undefined;
  body: Readable;
}

export interface UploadOptions {
  store: EvidenceStore;
  scanner: Scanner;
  owner: EvidenceOwner;
  verifyCsrf: (token: string) => boolean;
  /** The file input's name. */
  fileField: string;
  /** The other fields the form has (`csrf` is always allowed); any other name is refused. */
  fields?: readonly string[];
  limits?: UploadLimits;
}

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxBodyBytes: number;
  /** A body said to be longer than this is refused unread (the server's body guard reads and drops no further). */
  maxDrainBytes: number;
  idleTimeoutMs: number;
}

/** Parts a form of ours sends at most: a token, a button, a few hidden fields, and the files. */
const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 1024;

export function receiveEvidenceUpload(request: UploadRequest, options: UploadOptions): Promise<UploadResult> {
  const limits: UploadLimits = options.limits ?? evidenceLimits;
  const allowed = new Set(["csrf", ...(options.fields ?? [])]);
  const fields = new URLSearchParams();
  const files: FileOutcome[] = [];
  const result = (refusal: UploadRefusal | null): UploadResult => ({ fields, files, refusal });
  const { body } = request;

  // A body said to be past the limit is read up to it all the same, like one that does not say its length, so the
  // answer can name the file that was too large (and the form's token is checked). One said to be longer than a
  // refusal reads and drops is refused unread (and closed once answered: server/connection-limits.ts).
  if (Number(request.contentLength ?? 0) > limits.maxDrainBytes) return Promise.resolve(result("body-too-large"));
  if (!request.contentType || !/^multipart\/form-data\s*;/i.test(request.contentType)) return Promise.resolve(result("malformed"));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.contentType },
      defParamCharset: "utf8",
      limits: {
        fieldNameSize: 100,
        fieldSize: MAX_FIELD_BYTES,
        fields: MAX_FIELDS,
        // One more than may be kept, so that a sixth file is told "you can only upload 5".
        files: limits.maxFiles + 1,
        fileSize: limits.maxFileBytes + 1,
        parts: MAX_FIELDS + limits.maxFiles + 1,
        headerPairs: 16,
      },
    });
  } catch {
    // busboy throws at once for a multipart type without a boundary.
    return Promise.resolve(result("malformed"));
  }

  return new Promise<UploadResult>((resolve) => {
    let csrfChecked = false;
    let settled = false;
    let received = 0;
    let filesSeen = 0;
    let totals: EvidenceTotals | null = null;
    const accepted = { count: 0, bytes: 0 };
    // Files are handled one after another, in the order they arrive.
    let chain = Promise.resolve();

    const settle = (refusal: UploadRefusal | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      body.off("data", count);
      body.unpipe(parser);
      // A refused body is not parsed further: its rest is left to the server (leaveRefusedBody).
      if (refusal) parser.destroy();
      void chain.then(() => resolve(result(refusal)));
    };

    let idle = setTimeout(() => settle("timeout"), limits.idleTimeoutMs);
    const count = (chunk: Buffer) => {
      received += chunk.length;
      clearTimeout(idle);
      if (received > limits.maxBodyBytes) return settle("body-too-large");
      idle = setTimeout(() => settle("timeout"), limits.idleTimeoutMs);
    };
    body.on("data", count);
    body.once("aborted", () => settle("aborted"));
    body.once("error", () => settle("aborted"));

    parser.on("field", (name, value, info) => {
      if (settled) return;
      if (!allowed.has(name) || info.nameTruncated || info.valueTruncated) return settle("malformed");
      if (name === "csrf") csrfChecked = options.verifyCsrf(value);
      fields.append(name, value);
    });
    parser.on("file", (name, stream, info) => {
      // A part cut short by a refusal errors after it is no longer read: that is expected, not a crash.
      stream.on("error", () => undefined);
      if (settled || name !== options.fileField) {
        stream.resume();
        return settle(settled ? null : "malformed");
      }
      if (!csrfChecked) {
        stream.resume();
        return settle("forgery");
      }
      // An empty file input: the browser sends a part with no name and no bytes.
      const filename = info.filename;
      if (!filename) return void stream.resume();
      const seen = ++filesSeen;
      chain = chain.then(async () => {
        totals ??= await options.store.totals(options.owner).catch(() => null);
        const outcome = await receiveFile(stream, filename, {
          ...options,
          limits,
          roomFor: totals ? { files: limits.maxFiles - totals.count - accepted.count, bytes: limits.maxTotalBytes - totals.bytes - accepted.bytes } : null,
          tooMany: seen > limits.maxFiles,
        });
        if (outcome.ok) {
          accepted.count++;
          accepted.bytes += outcome.file.size;
        }
        files.push(outcome);
      }).catch((error: unknown) => {
        // Never a hung request: whatever went wrong, this file failed and the others go on.
        logger.error({ error: error instanceof Error ? error.message : String(error) }, "evidence upload failed");
        stream.resume();
        files.push({ ok: false, name: cleanFileName(filename), error: "upload-failed" });
      });
    });
    // Too many parts or fields is not a form of ours; too many files is answered file by file above.
    parser.on("partsLimit", () => settle("malformed"));
    parser.on("fieldsLimit", () => settle("malformed"));
    parser.on("error", () => settle("malformed"));
    parser.on("close", () => {
      if (!settled) settle(csrfChecked ? null : "forgery");
    });
    body.pipe(parser);
  });
}

interface FileOptions extends UploadOptions {
  limits: UploadLimits;
  /** What is left of the run's limits before this file; null when the database could not say. */
  roomFor: { files: number; bytes: number } | null;
  /** This file is past the number one request may carry. */
  tooMany: boolean;
}

type ReceivedPart = Readable & { truncated?: boolean };

async function receiveFile(stream: ReceivedPart, originalName: string, options: FileOptions): Promise<FileOutcome> {
  let name = cleanFileName(originalName);
  const claimed = claimedType(name);
  const refuse = (error: EvidenceError): FileOutcome => {
    stream.resume();
    return { ok: false, name, error };
  };
  if (!options.roomFor) return refuse("upload-failed");
  if (options.tooMany || options.roomFor.files <= 0) return refuse("too-many");
  if (claimed === "unsupported") return refuse("wrong-type");

  const sniffer = new FileSniffer(claimed === "none" ? null : claimed.type);
  const hash = createHash("sha256");
  let pending: PendingEvidence | null = null;
  const scan = options.scanner.start();
  let size = 0;
  let error: EvidenceError | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // After a problem the rest of the file is read and dropped, so the next part of the form can be read.
      if (error) continue;
      size += chunk.length;
      if (size > options.limits.maxFileBytes) error = "too-large";
      else if (size > options.roomFor.bytes) error = "total-too-large";
      else {
        sniffer.push(chunk);
        if (sniffer.problem) error = sniffer.problem;
        else if (scan.failed) error = "scanner-unavailable";
        else {
          hash.update(chunk);
          pending ??= await options.store.begin(options.owner, name);
          await Promise.all([scan.write(chunk), pending.write(chunk)]);
        }
      }
    }
    if (stream.truncated) error ??= "too-large";
  } catch (failure) {
    // The request was cut off or refused (the stream was destroyed), or the database failed.
    error ??= "upload-failed";
    if (!(failure instanceof Error && /Unexpected end of form/.test(failure.message))) {
      logger.error({ error: failure instanceof Error ? failure.message : String(failure) }, "evidence upload failed");
    }
  }
  if (!error) {
    const verdict = sniffer.finish();
    if (!verdict.ok) error = verdict.problem;
    else if (claimed === "none") name = withExtension(name, defaultExtension(verdict.type));
    if (verdict.ok && !error) {
      const scanned = await scan.finish();
      if (scanned.status === "infected") {
        // The signature's name only: never the person's file name.
        logger.warn({ signature: scanned.signature }, "evidence refused: clamd found a virus");
        error = "infected";
      } else if (scanned.status === "unavailable") {
        logger.error({ reason: scanned.reason }, "evidence refused: the virus scanner is unavailable");
        error = "scanner-unavailable";
      } else {
        const scanResult: ScanResult = scanned.status === "clean" ? "clean" : "not-scanned";
        try {
          pending ??= await options.store.begin(options.owner, name);
          pending.rename(name);
          const committed = await pending.commit({ type: verdict.type, sha256: hash.digest("hex"), scan: scanResult });
          if (committed.ok) return { ok: true, name, file: committed.file };
          error = committed.problem === "gone" ? "upload-failed" : committed.problem;
          pending = null;
        } catch (failure) {
          logger.error({ error: failure instanceof Error ? failure.message : String(failure) }, "evidence could not be stored");
          error = "upload-failed";
        }
      }
    }
  }
  scan.abort();
  await pending?.discard().catch(() => undefined);
  return { ok: false, name, error: error ?? "upload-failed" };
}

/** Whether an Express request is a multipart post, the only kind an upload route streams. */
export function isMultipartPost(req: IncomingMessage): boolean {
  return req.method === "POST" && /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");
}

export interface UploadRouteOptions {
  store: EvidenceStore;
  scanner: Scanner;
  verifyCsrf: (session: LoadedSession, token: string) => boolean;
  loadSession: (req: Request, res: Response) => Promise<LoadedSession>;
  /** Which journey a path's uploads belong to, or null when the path takes none. */
  journeyOf: (path: string) => string | null;
  /** Whether the session's answers have reached the path's page (it is on their route, every page before it
   * answered): files are taken only there, not from a run one answer old that posts to the page's address. */
  reached: (session: LoadedSession, journey: string, path: string) => boolean;
  fileField: string;
  fields?: readonly string[];
  limits?: UploadLimits;
}

/**
 * Leaves a refused upload's unread rest for the server's body guard (`server/connection-limits.ts`), which reads and
 * drops it once the answer has gone, as far as 64 MB from the body's start, so that a browser still sending reads the
 * answer rather than a reset connection (docs/decisions/044, 045). Until then it waits, paused, as every body answered
 * unread does. A body that stopped coming (the upload timed out) and a browser that went away are closed once answered.
 */
function leaveRefusedBody(req: Request, res: Response, refusal: UploadRefusal): void {
  if (req.readableEnded) return;
  req.pause();
  if ((refusal === "timeout" || refusal === "aborted") && !res.headersSent) res.setHeader("Connection", "close");
}

/**
 * Express middleware for the pages that take uploads: a multipart post to one of them is received here, and the
 * result is left in `res.locals.evidenceUpload` for the page's action (through the load context), with the
 * session in `res.locals.session`. The body is then used up: `res.locals.bodyRead` tells the Remix handler not
 * to read it again. A refused request's unread rest is left for the server's body guard (leaveRefusedBody).
 */
export function evidenceUploadRoute(options: UploadRouteOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // A post the server has already refused (a JavaScript post over the rate limit) is left unread for its route.
    const journey = isMultipartPost(req) && res.locals.refusal === undefined ? options.journeyOf(req.path) : null;
    if (!journey) return next();
    const limits = options.limits ?? evidenceLimits;
    void (async () => {
      const session = await options.loadSession(req, res);
      res.locals.session = session;
      res.locals.bodyRead = true;
      const runId = session.data.journeys[journey]?.runId;
      if (!session.id || session.fresh || !runId || !options.reached(session, journey, req.path)) {
        // No answers to attach files to (the session ended), or not yet this far: the page sends the person on, as
        // for any post.
        res.locals.evidenceUpload = { fields: new URLSearchParams(), files: [], refusal: "forgery" } satisfies UploadResult;
        leaveRefusedBody(req, res, "forgery");
        return next();
      }
      const upload = await receiveEvidenceUpload(
        { contentType: req.headers["content-type"], contentLength: req.headers["content-length"], body: req },
        {
          store: options.store,
          scanner: options.scanner,
          owner: { sessionId: session.id, journey, runId },
          verifyCsrf: (token) => options.verifyCsrf(session, token),
          fileField: options.fileField,
          fields: options.fields,
          limits,
        },
      );
      res.locals.evidenceUpload = upload;
      if (upload.refusal) leaveRefusedBody(req, res, upload.refusal);
      next();
    })().catch(next);
  };
}
