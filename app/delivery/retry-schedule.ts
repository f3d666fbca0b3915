// About three days of retries: a mail server or case system that is down over a weekend still gets everything.
export const retryDelaysMs: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

/** The first attempt is at once; after the last delay's attempt fails, the job is a dead letter. */
export const maxAttempts = retryDelaysMs.length + 1;

export interface RetryOptions {
  /** The waits between attempts; a council may set its own with DELIVERY_RETRY_DELAYS. */
  delays?: readonly number[];
  random?: () => number;
}

/**
 * When to try again after `attempts` failed attempts, or null when there are no tries left.
 * Jitter of ±10% spreads retries so a recovering server is not hit by every job at the same moment.
 * A receiver's Retry-After is honoured when it asks for longer.
 */
export function nextAttemptAt(attempts: number, now: number, retryAfterMs: number | null = null, { delays = retryDelaysMs, random = Math.random }: RetryOptions = {}): number | null {
  if (attempts >= delays.length + 1) return null;
  const base = delays[attempts - 1] ?? delays[delays.length - 1]!;
  const jittered = base * (0.9 + random() * 0.2);
  return now + Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
