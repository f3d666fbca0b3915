// `GET /api/files/<id>?expires=…&signature=…`: the case system downloads a sent evidence file through the link
// in the webhook. The signature is an HMAC over the id and the expiry, with a key derived from SESSION_SECRET
// (so no other setting to keep); a wrong signature, a link past its expiry and a purged file all get the same
// 404, so nothing says which. The file streams out a piece at a time, as an attachment that is never sniffed,
// rendered or cached.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import type { RequestHandler, Response } from "express";
import { logger } from "~/services/logger.server";
import type { EvidenceStore } from "./evidence-store.server";
import { evidenceTypes } from "./file-types";

/** Ids are 18 random bytes in base64url (evidence-store.server.ts). */
const fileId = /^[A-Za-z0-9_-]{24}$/;

export class EvidenceLinks {
  private readonly key: Buffer;

  constructor(
    sessionSecret: string,
    private readonly publicUrl: string,
    private readonly validityMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // A key of its own, derived: a download signature can never be taken for a session cookie's, or the reverse.
    this.key = Buffer.from(hkdfSync("sha256", sessionSecret, "complaints-portal", "evidence download links v1", 32));
  }

  private sign(id: string, expires: number): string {
    return createHmac("sha256", this.key).update(`${id}.${expires}`).digest("base64url");
  }

  /** The link the webhook payload carries for a sent file, and when it stops working (from `now`: the sender's clock). */
  linkFor(id: string, now: number = this.now()): { url: string; expiresAt: string } {
    const expires = Math.floor((now + this.validityMs) / 1000);
    const url = `${this.publicUrl}/api/files/${encodeURIComponent(id)}?expires=${expires}&signature=${this.sign(id, expires)}`;
    return { url, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Whether a link's id, expiry and signature are ours and still current. */
  verify(id: string, expires: unknown, signature: unknown): boolean {
    if (!fileId.test(id) || typeof expires !== "string" || typeof signature !== "string" || !/^\d{1,12}$/.test(expires)) return false;
    const seconds = Number(expires);
    const expected = Buffer.from(this.sign(id, seconds));
    const given = Buffer.from(signature);
    const genuine = expected.length === given.length && timingSafeEqual(expected, given);
    return genuine && seconds * 1000 > this.now();
  }
}

function notFound(res: Response): void {
  res.status(404).setHeader("Cache-Control", "no-store");
  res.type("text/plain").send("Not found");
}

/** The Express handler for `GET /api/files/:id`. */
export function evidenceDownloads({ evidence, evidenceLinks }: { evidence: EvidenceStore; evidenceLinks: EvidenceLinks }): RequestHandler<{ id: string }> {
  return (req, res, next) => {
    const { id } = req.params;
    if (!evidenceLinks.verify(id, req.query.expires, req.query.signature)) return notFound(res);
    void (async () => {
      const opened = await evidence.openSubmitted(id);
      if (!opened) return notFound(res);
      const { file, content } = opened;
      // Express's attachment() writes RFC 6266's header with an ASCII fallback and RFC 5987's UTF-8 name.
      res.attachment(file.name);
      res.setHeader("Content-Type", evidenceTypes[file.type].mime);
      res.setHeader("Content-Length", String(file.size));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "no-store");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
      if (req.method === "HEAD") return void res.end();
      res.status(200);
      let sent = 0;
      try {
        for await (const piece of content) {
          if (res.destroyed) return;
          sent += piece.length;
          if (!res.write(piece)) await Promise.race([once(res, "drain"), once(res, "close")]);
        }
        res.end();
      } catch (error) {
        // Headers are gone: the only honest signal left is a cut connection, which the receiver sees as a failure.
        logger.error({ requestId: res.locals.requestId, error: error instanceof Error ? error.message : String(error), sent }, "evidence download failed");
        res.destroy();
      }
    })().catch(next);
  };
}
