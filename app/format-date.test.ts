import { describe, expect, it } from "vitest";
import { formatDate, formatLongDate } from "./format-date";

describe("dates as people read them", () => {
  it("writes each language's own long date and date, whatever was written before", () => {
    for (let round = 0; round < 2; round++) {
      expect(formatLongDate("2026-12-11", "en")).toBe("Friday, 11 December 2026");
      expect(formatDate("2026-12-11", "en")).toBe("11 December 2026");
      expect(formatLongDate("2026-12-11", "pl")).toBe("piątek, 11 grudnia 2026");
      expect(formatDate("2026-11-26", "pl")).toBe("26 listopada 2026");
      expect(formatDate("2026-11-26", "ar")).toBe(new Intl.DateTimeFormat("ar-u-nu-latn", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date("2026-11-26T00:00:00Z")));
      expect(formatDate("2026-11-26", "ar")).toMatch(/^26 .+ 2026$/);
      // Anything unsupported is written in English.
      expect(formatDate("2026-01-02", "xx")).toBe("2 January 2026");
    }
  });
});
