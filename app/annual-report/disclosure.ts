// Small numbers (`--suppress-below N`): what the report may say about each figure, decided once per figure and
// period so that every sentence, table, chart and CSV line says the same.
//
// - A count from 1 to N-1 is shown as "fewer than N". Zero stays 0: it identifies no one, and the statutory
//   report must be able to say "no complaints about public health".
// - A hidden count must not be worked out from a sum the report shows (a total and the parts it splits into),
//   by subtraction or because the hidden parts can only add up one way (a total of 4 split into two counts of
//   "fewer than 3" must be 2 and 2). Where one could be, one more count is withheld (the smallest shown part
//   that is not 0, else the total): shown as "not shown", and in sentences as "some". A reader is assumed to
//   know that "fewer than N" means 1 to N-1 and "not shown" at least N. This repeats until no declared sum gives
//   a hidden count away, or every count in that sum is hidden already.
// - Where every count in a sum is hidden already and it still gives one away (a total of "fewer than 3" split into
//   two counts of "fewer than 3" must be 2 = 1 + 1, because a 0 would be shown), its parts are all omitted, 0s too:
//   shown as "not shown", and in sentences as "an unstated number", which may be none. So are the parts of every
//   sum an omitted count is the total of, and theirs in turn: a "fewer than 3" under one would say it is at least 1.
//   A reader then knows only that the parts add up to the total.
// - A median of working days is not shown when the number of replies it is taken over is hidden.
import { isMedian, type Count, type Figure, type Partition } from "./figures";

export type Period = "current" | "previous";

export type Shown =
  | { kind: "number"; value: number }
  /** A count from 1 to threshold - 1. */
  | { kind: "fewer-than"; threshold: number }
  /** A count of at least the threshold, withheld so that a smaller count cannot be worked out from it. */
  | { kind: "withheld" }
  /** A part of a small total that would otherwise give the others away: any number, 0 included. */
  | { kind: "omitted" }
  /** A median with no replies to take it over, or a previous value when there are no previous figures. */
  | { kind: "none" };

type Range = [low: number, high: number];

type Hiding = "fewer-than" | "withheld" | "omitted";

/**
 * Whether the sum `total = parts` pins a hidden member down to one value, given what a reader knows of each
 * member (its range: one value when it is shown).
 */
export function givesAway(total: Count, parts: readonly Count[], rangeOf: (count: Count) => Range): boolean {
  const [totalLow, totalHigh] = rangeOf(total);
  const ranges = parts.map(rangeOf);
  const sumLow = ranges.reduce((sum, [low]) => sum + low, 0);
  const sumHigh = ranges.reduce((sum, [, high]) => sum + high, 0);
  const low = Math.max(totalLow, sumLow);
  const high = Math.min(totalHigh, sumHigh);
  if (totalLow !== totalHigh && low === high) return true;
  return ranges.some(([partLow, partHigh], index) => {
    if (partLow === partHigh) return false;
    const others = ranges.filter((_, other) => other !== index);
    const othersLow = others.reduce((sum, [otherLow]) => sum + otherLow, 0);
    const othersHigh = others.reduce((sum, [, otherHigh]) => sum + otherHigh, 0);
    return Math.max(partLow, low - othersHigh) === Math.min(partHigh, high - othersLow);
  });
}

/** The threshold the report suggests for publishing when none was given: counts of 1 and 2 shown as "fewer than 3". */
export const suggestedSuppressBelow = 3;

export class Disclosure {
  private readonly hidden: Record<Period, Map<Count, Hiding>> = { current: new Map(), previous: new Map() };

  constructor(
    partitions: readonly Partition[],
    /** Counts under this are suppressed; null shows every count. */
    readonly threshold: number | null,
  ) {
    if (threshold === null) return;
    for (const period of ["current", "previous"] as const) {
      const hidden = this.hidden[period];
      const valueOf = (count: Count) => (period === "current" ? count.value : count.previous);
      for (const { total, parts } of partitions) {
        for (const count of [total, ...parts]) {
          const value = valueOf(count);
          if (value !== null && value > 0 && value < threshold) hidden.set(count, "fewer-than");
        }
      }
      /** Omits every count in `parts` not omitted already; whether any was. */
      const omitAll = (parts: readonly Count[]): boolean => {
        const fresh = parts.filter((part) => hidden.get(part) !== "omitted");
        for (const part of fresh) hidden.set(part, "omitted");
        return fresh.length > 0;
      };
      for (let changed = true; changed; ) {
        changed = false;
        for (const { total, parts } of partitions) {
          if (valueOf(total) === null) continue;
          // How an omitted count splits is not said either: "fewer than 3" under an omitted total says it is at least 1,
          // and such floors, across several sums, can pin down what the omission hid.
          const members = [...new Set(parts)];
          if (hidden.get(total) === "omitted") {
            changed = omitAll(members) || changed;
            continue;
          }
          if (!givesAway(total, members, (count) => this.range(count, period, hidden))) continue;
          const next =
            members.filter((count) => !hidden.has(count) && (valueOf(count) ?? 0) > 0).sort((a, b) => (valueOf(a) ?? 0) - (valueOf(b) ?? 0))[0] ??
            (hidden.has(total) ? undefined : total);
          if (next) {
            hidden.set(next, "withheld");
            changed = true;
            continue;
          }
          // Every count in the sum is hidden and it still gives one away: what the parts are is not said at all.
          changed = omitAll(members) || changed;
        }
      }
    }
  }

  /** What a reader knows of a count: its value, 1 to N-1, or at least N. */
  private range(count: Count, period: Period, hidden: Map<Count, Hiding>): Range {
    const state = hidden.get(count);
    if (state === "fewer-than") return [1, this.threshold! - 1];
    if (state === "withheld") return [this.threshold!, Infinity];
    if (state === "omitted") return [0, Infinity];
    const value = (period === "current" ? count.value : count.previous) ?? 0;
    return [value, value];
  }

  get suppressing(): boolean {
    return this.threshold !== null;
  }

  show(figure: Figure, period: Period): Shown {
    const value = period === "current" ? figure.value : figure.previous;
    if (value === null) return { kind: "none" };
    if (isMedian(figure)) {
      const basis = this.show(figure.basis, period);
      return basis.kind === "number" ? { kind: "number", value } : basis.kind === "none" ? { kind: "none" } : { kind: "withheld" };
    }
    const hidden = this.hidden[period].get(figure);
    if (hidden === "fewer-than") return { kind: "fewer-than", threshold: this.threshold! };
    if (hidden === "withheld") return { kind: "withheld" };
    if (hidden === "omitted") return { kind: "omitted" };
    if (this.threshold !== null && value > 0 && value < this.threshold) return { kind: "fewer-than", threshold: this.threshold };
    return { kind: "number", value };
  }

  /** Whether a count is shown as its number (so comparisons with it can be exact). */
  exact(count: Count, period: Period): boolean {
    return this.show(count, period).kind === "number";
  }
}
