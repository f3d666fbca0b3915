import { describe, expect, it } from "vitest";
import { usage, usageFor } from "./case-cli-usage";

describe("the usage printed after a mistake at npm run case", () => {
  it("is the command's own lines, a register with its continuation", () => {
    const shown = usageFor(["register", "--received", "1999-11-02", "--service", "childrens-social-care"]);
    expect(shown.split("\n")).toEqual([
      "Usage:",
      expect.stringMatching(/^ {2}npm run case -- register --received YYYY-MM-DD/),
      expect.stringMatching(/^ {27}\[--role parent\|…\] \[--stage 1\|2\]/),
    ]);
  });

  it("is the one event's line for an event, and every event's for an event it does not know", () => {
    expect(usageFor(["event", "C-7K4M-2Q9P-6", "replied", "1", "--date", "tomorrow"]).split("\n")).toEqual(["Usage:", expect.stringMatching(/-- event <reference> replied <stage> upheld\|/)]);
    // Options may come first: their values are not the command's words.
    expect(usageFor(["event", "--date", "2025-01-01", "C-7K4M-2Q9P-6", "replied", "1", "upheld"])).toBe(usageFor(["event", "C-7K4M-2Q9P-6", "replied"]));
    expect(usageFor(["event", "C-7K4M-2Q9P-6", "reopened"])).toBe("Usage:\n  npm run case -- event <reference> closed|reopened [--date …]");
    const events = usageFor(["event", "C-7K4M-2Q9P-6", "shut"]).split("\n").slice(1);
    expect(events).toHaveLength(usage.split("\n").filter((line) => line.includes("-- event <reference>")).length);
    expect(events.every((line) => line.startsWith("  npm run case -- event <reference> "))).toBe(true);
    expect(usageFor(["show"])).toBe("Usage:\n  npm run case -- show <reference>");
  });

  it("is the whole usage when the command is not known or missing", () => {
    expect(usageFor(["shwo", "C-7K4M-2Q9P-6"])).toBe(usage);
    expect(usageFor([])).toBe(usage);
  });
});
