// The rate limit counts posts in fixed windows of the clock (app/services/rate-limit.server.ts): at a window's end every
// count starts again. A test whose posts must all fall in one window waits, when the current one ends too soon, for the
// next to begin, rather than hope the boundary does not fall between its posts.
import { expect, test } from "@playwright/test";

/** How long a window to give a portal under test: an hour, so that waiting for one to begin is rare. */
export const rateWindowMinutes = 60;

/** Returns once at least `needMs` is left in the current window (waiting, if need be, for the next one to begin). */
export async function awayFromRateWindowEnd(needMs: number, windowMinutes = rateWindowMinutes): Promise<void> {
  const windowMs = windowMinutes * 60_000;
  const left = windowMs - (Date.now() % windowMs);
  if (left >= needMs) return;
  const nextBegins = Date.now() + left;
  test.setTimeout(test.info().timeout + left);
  await expect.poll(() => Date.now() > nextBegins, { timeout: left + 5_000, intervals: [250] }).toBe(true);
}
