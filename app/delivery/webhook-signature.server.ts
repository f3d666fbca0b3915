// Standard Webhooks signatures: base64 HMAC-SHA256 of "id.timestamp.body" with the secret after "whsec_".
import { createHmac, timingSafeEqual } from "node:crypto";

export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice("whsec_".length) : secret, "base64");
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac("sha256", secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** One signature per secret, space-separated: receivers still holding the old secret keep working during rotation. */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  return secrets.map((secret) => sign(secret, id, timestamp, body)).join(" ");
}

/** A timestamp as Standard Webhooks writes it: whole seconds in decimal digits, nothing else. */
const timestampText = /^[0-9]{1,12}$/;
/** A signature as base64 writes it, padded. */
const signatureText = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * What a receiver does: accept when any v1 signature matches, and the timestamp is within tolerance. The timestamp is
 * signed as it was sent, and taken only as digits ("0x…", "1.7e9" or "1765000000.0" are refused, though a number would read
 * them), and a signature only as base64: what this accepts, the reference libraries accept too.
 */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  if (!timestampText.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secretBytes(secret)).update(`${headers.id}.${headers.timestamp}.${body}`).digest();
  return headers.signature.split(" ").some((part) => {
    const [version, value, ...rest] = part.split(",");
    if (version !== "v1" || !value || rest.length || !signatureText.test(value)) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
