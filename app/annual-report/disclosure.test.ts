import { describe, expect, it } from "vitest";
import { Disclosure, givesAway } from "./disclosure";
import type { Count, Partition } from "./figures";

const count = (value: number, previous: number | null = null): Count => ({ value, previous });

describe("givesAway", () => {
  const shown = (value: number): [number, number] => [value, value];
  const fewerThan3: [number, number] = [1, 2];
  const atLeast3: [number, number] = [3, Infinity];
  const check = (total: [number, number], parts: [number, number][]) => {
    const counts = [count(0), ...parts.map(() => count(0))];
    const ranges = new Map(counts.map((c, index) => [c, index === 0 ? total : parts[index - 1]!]));
    return givesAway(counts[0]!, counts.slice(1), (c) => ranges.get(c)!);
  };

  it("finds a hidden count that is the total less the shown parts", () => {
    expect(check(shown(18), [shown(16), fewerThan3])).toBe(true);
    expect(check(fewerThan3, [shown(0), shown(0)])).toBe(false);
  });

  it("finds hidden counts that can only add up one way", () => {
    expect(check(shown(4), [fewerThan3, fewerThan3])).toBe(true);
    expect(check(shown(2), [fewerThan3, fewerThan3])).toBe(true);
    expect(check(shown(4), [atLeast3, fewerThan3])).toBe(true);
    expect(check(fewerThan3, [fewerThan3, fewerThan3])).toBe(true);
  });

  it("is satisfied when the hidden counts could add up more than one way", () => {
    expect(check(shown(3), [fewerThan3, fewerThan3])).toBe(false);
    expect(check(shown(5), [fewerThan3, fewerThan3, fewerThan3])).toBe(false);
    expect(check(shown(20), [atLeast3, atLeast3, shown(4)])).toBe(false);
    expect(check(fewerThan3, [fewerThan3, shown(0)])).toBe(false);
  });
});

describe("Disclosure", () => {
  it("shows every count when not suppressing", () => {
    const small = count(1, 2);
    const disclosure = new Disclosure([{ total: count(3, 2), parts: [small, count(2, 0)] }], null);
    expect(disclosure.show(small, "current")).toEqual({ kind: "number", value: 1 });
    expect(disclosure.show(small, "previous")).toEqual({ kind: "number", value: 2 });
  });

  it("shows 1 to N-1 as fewer than N, keeps 0, and withholds the smallest other part a total would give away", () => {
    const [a, b, c, zero] = [count(2), count(5), count(11), count(0)];
    const total = count(18);
    const disclosure = new Disclosure([{ total, parts: [a, b, c, zero] }], 3);
    expect(disclosure.show(a, "current")).toEqual({ kind: "fewer-than", threshold: 3 });
    expect(disclosure.show(zero, "current")).toEqual({ kind: "number", value: 0 });
    expect(disclosure.show(b, "current")).toEqual({ kind: "withheld" });
    expect(disclosure.show(c, "current")).toEqual({ kind: "number", value: 11 });
    expect(disclosure.show(total, "current")).toEqual({ kind: "number", value: 18 });
  });

  it("follows sums that share counts until none gives a hidden count away", () => {
    const [firstAt1, straightTo2] = [count(16), count(2)];
    const [resolved, progressed] = [count(12), count(4)];
    const partitions: Partition[] = [
      { total: count(18), parts: [firstAt1, straightTo2] },
      { total: firstAt1, parts: [resolved, progressed] },
    ];
    const disclosure = new Disclosure(partitions, 3);
    expect(disclosure.show(firstAt1, "current").kind).toBe("withheld");
    expect(disclosure.show(progressed, "current").kind).toBe("withheld");
    expect(disclosure.show(resolved, "current").kind).toBe("number");
  });

  it("omits every part of a small total that would still give them away, 0s too", () => {
    // 2 compliments, 1 about each service and none about a service not known: "fewer than 3", split into two
    // counts of "fewer than 3" and a 0, can only be 1 and 1.
    const [childrens, publicHealth, notSure] = [count(1), count(1), count(0)];
    const total = count(2);
    const disclosure = new Disclosure([{ total, parts: [childrens, publicHealth, notSure] }], 3);
    expect(disclosure.show(total, "current")).toEqual({ kind: "fewer-than", threshold: 3 });
    for (const part of [childrens, publicHealth, notSure]) expect(disclosure.show(part, "current")).toEqual({ kind: "omitted" });
    // A small total that gives nothing away keeps its parts: "fewer than 3" and 0 could be 1 or 2.
    const [some, none] = [count(2), count(0)];
    const alone = new Disclosure([{ total: count(2), parts: [some, none] }], 3);
    expect(alone.show(none, "current")).toEqual({ kind: "number", value: 0 });
  });

  it("omits, too, how every omitted count splits, so floors across several sums cannot pin it down", () => {
    // 2 complaints: one resolved at stage 1, one straight to stage 2 and still open. Received "fewer than 3" is
    // stage 1 + stage 2 + stage 3; were "resolved at stage 1" and "stage 2 still open" shown as "fewer than 3" (at
    // least 1 each) under omitted stage totals, they would add up to 2 = 1 + 1.
    const [atStage1, atStage2, atStage3] = [count(1), count(1), count(0)];
    const [resolved, progressed, openAt1] = [count(1), count(0), count(0)];
    const [concluded2, open2] = [count(0), count(1)];
    const received = count(2);
    const partitions: Partition[] = [
      { total: received, parts: [atStage1, atStage2, atStage3] },
      { total: atStage1, parts: [resolved, progressed, openAt1] },
      { total: atStage2, parts: [concluded2, open2] },
    ];
    const disclosure = new Disclosure(partitions, 3);
    expect(disclosure.show(received, "current")).toEqual({ kind: "fewer-than", threshold: 3 });
    for (const part of [atStage1, atStage2, atStage3, resolved, progressed, openAt1, concluded2, open2]) expect(disclosure.show(part, "current")).toEqual({ kind: "omitted" });
  });

  it("decides each period on its own, and hides a median whose replies are hidden", () => {
    const replies = count(2, 7);
    const disclosure = new Disclosure([], 3);
    const median = { value: 9, previous: 11, basis: replies };
    expect(disclosure.show(median, "current")).toEqual({ kind: "withheld" });
    expect(disclosure.show(median, "previous")).toEqual({ kind: "number", value: 11 });
    expect(disclosure.show({ value: null, previous: null, basis: replies }, "current")).toEqual({ kind: "none" });
  });
});
