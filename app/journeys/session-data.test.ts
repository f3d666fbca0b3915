// How long a session may see the case it checked: the idle time after the code was entered or an answer last sent,
// whatever else the session does meanwhile (decisions 056 and 075).
import { describe, expect, it } from "vitest";
import { extendViewing, openViewing, sessionDataSchema, type ProgressState } from "./session-data";

const idle = 60 * 60_000;
const checkedAt = Date.parse("2026-12-07T10:00:00Z");
const progress = (): ProgressState => ({ reference: "C-7K4M-2Q9P-W", requestedAt: checkedAt - 60_000, tries: 1, viewing: { caseId: "case-1", reference: "C-7K4M-2Q9P-W", until: checkedAt + idle } });

describe("the case a session checked", () => {
  it("is open until its time, and closed from then, however the session was kept alive meanwhile", () => {
    const state = progress();
    expect(openViewing(state, checkedAt + idle - 1)).toMatchObject({ caseId: "case-1" });
    expect(openViewing(state, checkedAt + idle)).toBeNull();
    expect(openViewing(undefined, checkedAt)).toBeNull();
  });

  it("stays open for the idle time after each answer sent, and is not opened again by one sent after it closed", () => {
    const state = progress();
    extendViewing(state, checkedAt + 50 * 60_000, idle);
    expect(openViewing(state, checkedAt + 100 * 60_000)).not.toBeNull();
    expect(openViewing(state, checkedAt + 110 * 60_000)).toBeNull();
    extendViewing(state, checkedAt + 120 * 60_000, idle);
    expect(openViewing(state, checkedAt + 121 * 60_000)).toBeNull();
  });

  it("is closed in a session kept before it had a time", () => {
    const kept = sessionDataSchema.parse({ journeys: {}, progress: { reference: "C-7K4M-2Q9P-W", requestedAt: checkedAt, tries: 1, viewing: { caseId: "case-1", reference: "C-7K4M-2Q9P-W" } } });
    expect(openViewing(kept.progress, checkedAt)).toBeNull();
  });
});
