import { describe, expect, it } from "vitest";
import { joinList, reportWords, say, sentence } from "./report-words";

describe("the report's words", () => {
  it("chooses the form for 0, 1 and more, and 'other' for words like 'fewer than 3'", () => {
    expect(say("received.sentence", { count: 0, comparison: "" })).toBe("No complaints were received.");
    expect(say("received.sentence", { count: 1, comparison: "" })).toBe("1 complaint was received.");
    expect(say("received.sentence", { count: 2, comparison: "" })).toBe("2 complaints were received.");
    expect(say("received.sentence", { count: { text: "fewer than 3", form: "other" }, comparison: "" })).toBe("fewer than 3 complaints were received.");
    expect(say("advocacy.arranged", { count: 0, list: "" })).toBe("No advocates were arranged.");
    expect(say("timeliness.late", { count: 0 })).toBe("0 late");
  });

  it("refuses a missing key or value rather than printing a gap", () => {
    expect(() => say("nothing.here" as never)).toThrow(/no words for "nothing.here"/);
    expect(() => say("received.sentence", { count: 3 })).toThrow(/need a value for \{\{comparison\}\}/);
  });

  it("has no key both plain and with plural forms, where one would hide the other", () => {
    const keys = Object.keys(reportWords);
    const plain = new Set(keys.filter((key) => !/_(zero|one|other)$/.test(key)));
    expect(keys.filter((key) => plain.has(key.replace(/_(zero|one|other)$/, "")) && /_(zero|one|other)$/.test(key))).toEqual([]);
    expect(keys.filter((key) => /_(zero|one)$/.test(key) && !keys.includes(key.replace(/_(zero|one)$/, "_other")))).toEqual([]);
  });

  it("joins lists and starts sentences with a capital", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["a"])).toBe("a");
    expect(joinList(["a", "b", "c"])).toBe("a, b and c");
    expect(sentence("fewer than 3 came")).toBe("Fewer than 3 came");
  });
});
