import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { urgentContactBy } from "./timetable";

describe("urgentContactBy", () => {
  const { timetable } = councilSettingsSchema.parse(exampleCouncil);

  it("counts from the day it was sent in London, not UTC's day", () => {
    // 23:30 UTC on Monday 1 June 2026 is 00:30 on Tuesday in London (summer time): one working day on is Wednesday.
    expect(urgentContactBy("2026-06-01T23:30:00.000Z", timetable)).toBe("2026-06-03");
    // Sent at 00:30 on a Saturday in London: the first working day after the weekend is Monday, one on is Tuesday.
    expect(urgentContactBy("2026-06-05T23:30:00.000Z", timetable)).toBe("2026-06-09");
  });

  it("is the next working day for a weekday send in winter", () => {
    expect(urgentContactBy("2026-12-01T10:00:00.000Z", timetable)).toBe("2026-12-02");
  });
});
