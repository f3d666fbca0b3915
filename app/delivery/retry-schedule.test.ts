import { describe, expect, it } from "vitest";
import { maxAttempts, nextAttemptAt, retryDelaysMs } from "./retry-schedule";

describe("the retry schedule", () => {
  it("spreads about three days of retries, then stops", () => {
    const total = retryDelaysMs.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(60);
    expect(total / 3_600_000).toBeLessThan(96);
    expect(maxAttempts).toBe(11);
    expect(nextAttemptAt(maxAttempts, 0)).toBeNull();
  });
  it("waits 5 seconds after the first failure and 5 minutes after the second, within 10% jitter", () => {
    expect(nextAttemptAt(1, 1_000, null, { random: () => 0.5 })).toBe(6_000);
    for (const r of [0, 0.999]) {
      const at = nextAttemptAt(2, 0, null, { random: () => r })!;
      expect(at).toBeGreaterThanOrEqual(270_000);
      expect(at).toBeLessThanOrEqual(330_000);
    }
  });
  it("honours a longer Retry-After", () => {
    expect(nextAttemptAt(1, 0, 120_000, { random: () => 0.5 })).toBe(120_000);
  });
});

describe("a council's own retry schedule", () => {
  it("uses the delays it is given and makes a dead letter after the last", () => {
    const delays = [1_000, 2_000];
    expect(nextAttemptAt(1, 0, null, { delays, random: () => 0.5 })).toBe(1_000);
    expect(nextAttemptAt(2, 0, null, { delays, random: () => 0.5 })).toBe(2_000);
    expect(nextAttemptAt(3, 0, null, { delays })).toBeNull();
  });
});
