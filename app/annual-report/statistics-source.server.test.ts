import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "~/services/migrations.server";
import { insertStatistic } from "../../tests/support/statistics-rows";
import { createTestDatabase, engines, withDatabase } from "../../tests/support/test-databases";
import { financialYear } from "./report-period";
import { statutoryTimetable } from "./report-timetable";
import { statisticsReportSource } from "./statistics-source.server";

describe.each(engines)("the report's records from the statistics table on %s", (engine) => {
  it("reads complaints as received and open at stage 1, and other submissions by the registry's kinds, up to the period's end", async () => {
    const database = await createTestDatabase(engine, mkdtempSync(path.join(tmpdir(), "report-source-")));
    try {
      const input = await withDatabase(database.url, async (db) => {
        await migrate(db);
        await insertStatistic(db, { type: "complaint.submitted", service: "childrens-social-care", role: "care-leaver", advocate: true, on: "2025-05-02", language: "pl" });
        await insertStatistic(db, { type: "complaint.submitted", service: "public-health", role: "parent", on: "2025-06-02" });
        await insertStatistic(db, { type: "complaint.submitted", service: null, role: "not-a-role", on: "2024-06-02" });
        await insertStatistic(db, { type: "compliment.submitted", service: "public-health", role: "parent", on: "2025-07-01" });
        await insertStatistic(db, { type: "format.requested", format: "braille", on: "2025-07-02" });
        await insertStatistic(db, { type: "escalation.requested", service: "childrens-social-care", stage: "stage-3", on: "2025-07-03" });
        await insertStatistic(db, { type: "advocate.requested", service: "childrens-social-care", on: "2025-07-04" });
        await insertStatistic(db, { type: "complaint.submitted", service: "childrens-social-care", on: "2026-04-01" });
        return statisticsReportSource(db, statutoryTimetable)(financialYear(2025));
      });
      expect(input.cases.map((record) => [record.receivedOn, record.service, record.role])).toEqual([
        ["2024-06-02", "not-sure", null],
        ["2025-05-02", "childrens-social-care", "care-leaver"],
        ["2025-06-02", "public-health", "parent"],
      ]);
      const first = input.cases[1]!;
      expect(first).toMatchObject({ channel: "portal", reach: { language: "pl", javascript: null, widthBand: null }, firstStage: 1, advocateAsked: true, advocateArranged: false, closedOn: null });
      expect(first.stages).toEqual([{ stage: 1, startedOn: "2025-05-02", dueOn: "2025-05-19", extendedDueOn: null, repliedOn: null, outcome: null, workingDays: null, timeliness: null }]);
      expect(input.cases[2]!.stages[0]!.dueOn).toBe("2025-12-02");
      expect(input.submissions.map((record) => [record.kind, record.receivedOn, record.facts])).toEqual([
        ["compliment", "2025-07-01", {}],
        ["format", "2025-07-02", { format: "braille" }],
        ["escalation", "2025-07-03", { stage: "stage-3" }],
        ["advocate", "2025-07-04", {}],
      ]);
      expect(input.quotations).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});
