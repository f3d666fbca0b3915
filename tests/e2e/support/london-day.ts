// Tests that date several steps "today", some by their own clock and some by the portal's (a reply-by date worked
// out here and read on a page, an event sent without a date), must not straddle London's midnight: one full run did,
// and read 7 December against 8. The clock is not the portal's to fake (every date it shows comes from it), so the
// test waits for the day to turn instead, with its timeout lengthened by the wait.
import { londonToday } from "../../support/personas";
import { expect, test } from "./fixtures";

/** Longer than any test in the files that use it takes, slowed ones included. */
const leastLeftMs = 5 * 60_000;

/** Today in London, once at least five minutes of it (or the test's timeout, if longer) are left. */
async function londonDayWithTimeLeft(): Promise<string> {
  const info = test.info();
  const marginMs = Math.max(leastLeftMs, info.timeout);
  const today = londonToday();
  if (londonToday(new Date(Date.now() + marginMs)) === today) return today;
  info.setTimeout(info.timeout + marginMs + 60_000);
  await expect.poll(() => londonToday(), { timeout: marginMs + 30_000, intervals: [1_000] }).not.toBe(today);
  return londonToday();
}

/** Every test in the file starts with the London day far from its end. */
export function withLondonDayLeft(): void {
  test.beforeEach(async () => {
    await londonDayWithTimeLeft();
  });
}
