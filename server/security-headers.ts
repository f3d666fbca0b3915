// Headers every response carries: a Content Security Policy with a fresh nonce for our own inline scripts,
// and the rest of OWASP's list, set by helmet. The nonce is kept in res.locals for the page cache and the load context.
import { randomBytes, randomFillSync } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
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

type HelmetMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** What helmet does to a response: each header it sets (its value a function of the nonce) or removes. */
type HeaderStep = { name: string; value: ((nonce: string) => string) | null };

/**
 * helmet's headers, worked out once: helmet is run on a stand-in response with a placeholder for the nonce, and
 * what it set is replayed on every response with the response's own nonce in the placeholder's place. helmet's
 * middleware chain validates every CSP directive afresh on each response (our nonce directive is a function), about
 * a tenth of the CPU of a page served from the page cache. The test holds the replay to what helmet itself sets.
 */
function helmetSteps(helmetMiddleware: HelmetMiddleware): HeaderStep[] {
  const placeholder = `nonce-placeholder-${randomBytes(12).toString("hex")}`;
  const steps: HeaderStep[] = [];
  const response = {
    locals: { nonce: placeholder },
    setHeader(name: string, value: string | number | readonly string[]) {
      const parts = String(value).split(placeholder);
      steps.push({ name, value: parts.length === 1 ? () => parts[0]! : (nonce) => parts.join(nonce) });
      return response;
    },
    removeHeader(name: string) {
      steps.push({ name, value: null });
    },
  };
  let finished = false;
  helmetMiddleware({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
    finished = true;
  });
  // helmet's middleware is synchronous; if a release ever made it otherwise, replaying half of it would be wrong.
  if (!finished) throw new Error("helmet did not finish synchronously: its headers cannot be worked out once");
  return steps;
}

/** The security headers' middleware, which can also give a fresh nonce and its headers to a response that Express
 * never sees (a public page's copy served at the front door, server/front-door.ts). */
export type SecurityHeaders = RequestHandler & {
  /** A fresh nonce, and every header this middleware would set for it, as name, value pairs in one flat list. */
  fresh(): { nonce: string; headers: string[] };
};

/**
 * helmet sets the headers (decision 015); we add what it does not: the nonce, made before helmet reads it, and
 * Permissions-Policy. HSTS only in production, where the portal is always behind HTTPS.
 */
export function securityHeaders({ production }: { production: boolean }): SecurityHeaders {
  const nextNonce = nonceSource();
  const steps = helmetSteps(configuredHelmet(production) as HelmetMiddleware);
  const setSteps = steps.filter((step): step is { name: string; value: (nonce: string) => string } => step.value !== null);
  const removed = steps.filter((step) => step.value === null).map((step) => step.name);
  // One list of what is set, for responses behind Express and at the front door alike.
  const fresh = () => {
    const nonce = nextNonce();
    const headers = ["Permissions-Policy", permissionsPolicy];
    for (const { name, value } of setSteps) headers.push(name, value(nonce));
    return { nonce, headers };
  };
  const middleware: RequestHandler = (_req, res, next) => {
    const { nonce, headers } = fresh();
    res.locals.nonce = nonce;
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    // What helmet removes (X-Powered-By); never set on a response Express has not touched.
    for (const name of removed) res.removeHeader(name);
    next();
  };
  return Object.assign(middleware, { fresh });
}

/** helmet's middleware as the portal configures it; exported for the test that holds the replay to its answers. */
export function configuredHelmet(production: boolean) {
  return helmet({
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
}
