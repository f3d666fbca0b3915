// Headers every response carries: a Content Security Policy with a fresh nonce for our own inline scripts,
// and the rest of OWASP's list. The nonce is kept in res.locals for the page cache and the load context.
import { randomFillSync } from "node:crypto";
import type { RequestHandler } from "express";

const NONCE_BYTES = 16;

/** Nonces cut from a block of random bytes filled 256 at a time: one call to the system's generator, not one each. */
function nonceSource(): () => string {
  const block = Buffer.alloc(NONCE_BYTES * 256);
  let offset = block.length;
  return () => {
    if (offset === block.length) {
      randomFillSync(block);
      offset = 0;
    }
    const nonce = block.toString("base64", offset, offset + NONCE_BYTES);
    offset += NONCE_BYTES;
    return nonce;
  };
}

export function securityHeaders({ production }: { production: boolean }): RequestHandler {
  const nextNonce = nonceSource();
  return (_req, res, next) => {
    const nonce = nextNonce();
    res.locals.nonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader(
      "Permissions-Policy",
      "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()",
    );
    if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}
