// Webhooks to the council's case system, signed as Standard Webhooks. Only a 2xx answer counts; redirects
// are not followed; a slow receiver times out and is tried again later.
import type { WebhookEndpoint } from "~/config/config.server";
import { signatureHeader } from "./webhook-signature.server";

export class WebhookError extends Error {
  constructor(message: string, readonly permanent: boolean, readonly retryAfterMs: number | null = null) {
    super(message);
  }
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A connection reset or closed by the other side (undici reports these as a TypeError with the socket error as its cause). */
export function isResetConnection(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : "";
  return ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(code);
}

export async function sendWebhook(endpoint: Pick<WebhookEndpoint, "name" | "url" | "secrets">, id: string, body: string, timeoutMs = 15_000, now = Date.now): Promise<void> {
  const timestamp = Math.floor(now() / 1000);
  const post = () =>
    fetch(endpoint.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "complaints-portal-webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signatureHeader(endpoint.secrets, id, timestamp, body),
      },
      body,
    });
  let response: Response;
  try {
    try {
      response = await post();
    } catch (error) {
      // A kept-alive connection the receiver closed while this process was busy fails at once, before the receiver
      // read anything: sent again straight away on a new connection, as HTTP clients do, rather than waiting for
      // the retry schedule. The webhook-id lets the receiver drop a duplicate if one ever got through.
      if (!isResetConnection(error)) throw error;
      response = await post();
    }
  } catch (error) {
    const name = (error as Error).name;
    throw new WebhookError(name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : `${name}: ${(error as Error).message}`.slice(0, 300), false);
  }
  await response.body?.cancel();
  if (response.status >= 200 && response.status < 300) return;
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
  // 408, 429 and 5xx may pass; other 4xx and redirects will not change by themselves.
  const temporary = response.status === 408 || response.status === 429 || response.status >= 500;
  throw new WebhookError(`HTTP ${response.status}`, !temporary, retryAfterMs);
}
