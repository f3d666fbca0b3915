// Headers every response carries: a Content Security Policy with a fresh nonce for our own inline scripts,
// and the rest of OWASP's list, set by helmet. The nonce is kept in res.locals for the page cache and the load context.
import { randomFillSync } from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

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

const permissionsPolicy =
  "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

/**
 * helmet sets the headers (decision 015); we add what it does not: the nonce, made before helmet reads it, and
 * Permissions-Policy. HSTS only in production, where the portal is always behind HTTPS.
 */
export function securityHeaders({ production }: { production: boolean }): RequestHandler {
  const nextNonce = nonceSource();
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce as string}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true, preload: false } : false,
  });
  return (req, res, next) => {
    res.locals.nonce = nextNonce();
    res.setHeader("Permissions-Policy", permissionsPolicy);
    headers(req, res, next);
  };
}
