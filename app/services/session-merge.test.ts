import { describe, expect, it } from "vitest";
import type { JourneyState, SessionData } from "~/journeys/session-data";
import { mergeChanges } from "./session-merge";

const run = (runId: string, answers: JourneyState["answers"] = {}, rest: Partial<JourneyState> = {}): JourneyState => ({ runId, answers, ...rest });
const session = (journeys: SessionData["journeys"], rest: Partial<SessionData> = {}): SessionData => ({ journeys, ...rest });

describe("merging what one tab changed over what another wrote", () => {
  it("keeps both tabs' answers to different pages of the same run, and each tab's own changes", () => {
    const base = session({ complaint: run("r", { service: { service: "public-health" } }) });
    const theirs = session({ complaint: run("r", { service: { service: "public-health" }, "who-are-you": { role: "parent" } }) });
    const mine = session({ complaint: run("r", { service: { service: "childrens-social-care" }, "about-who": { about: "me" } }) });
    expect(mergeChanges(base, mine, theirs).journeys.complaint?.answers).toEqual({
      service: { service: "childrens-social-care" },
      "who-are-you": { role: "parent" },
      "about-who": { about: "me" },
    });
  });

  it("keeps another journey the other tab started or sent, and a page this tab cleared stays cleared", () => {
    const submitted = { reference: "A-1", replyBy: null, submittedAt: "2026-12-04T10:00:00.000Z", language: "en" };
    const base = session({ complaint: run("r", { service: { service: "public-health" }, when: { when: "x" } }) });
    const theirs = session({ complaint: base.journeys.complaint!, advocate: run("a", {}, { submitted }) });
    const mine = session({ complaint: run("r", { service: { service: "public-health" } }) });
    const merged = mergeChanges(base, mine, theirs);
    expect(merged.journeys.advocate?.submitted).toEqual(submitted);
    expect(merged.journeys.complaint?.answers).toEqual({ service: { service: "public-health" } });
  });

  it("a run merely opened in one tab does not replace a run the other tab has answered in", () => {
    const base = session({});
    const theirs = session({ complaint: run("theirs", { service: { service: "public-health" } }) });
    const mine = session({ complaint: run("mine", {}, { startedAt: 1 }) });
    expect(mergeChanges(base, mine, theirs).journeys.complaint?.runId).toBe("theirs");
    const answered = session({ complaint: run("mine", { service: { service: "childrens-social-care" } }) });
    expect(mergeChanges(base, answered, theirs).journeys.complaint?.runId, "one with answers of its own is this tab's").toBe("mine");
  });

  it("a message for the next page consumed here but written there meanwhile is kept; one consumed here alone goes", () => {
    const flash = (page: string) => ({ journey: "complaint", page, values: {}, errors: [] });
    const base = session({}, { flash: flash("when") });
    const mine = session({});
    expect(mergeChanges(base, mine, session({}, { flash: flash("contact") })).flash?.page).toBe("contact");
    expect(mergeChanges(base, mine, base).flash).toBeUndefined();
  });

  it("counts wrong codes tried in both tabs against the limit", () => {
    const progress = (tries: number) => ({ reference: "C-1", requestedAt: 1, tries });
    const base = session({}, { progress: progress(1) });
    expect(mergeChanges(base, session({}, { progress: progress(2) }), session({}, { progress: progress(3) })).progress?.tries).toBe(4);
    // A code asked for afresh here starts its own count.
    const other = { reference: "C-2", requestedAt: 2, tries: 0 };
    expect(mergeChanges(base, session({}, { progress: other }), session({}, { progress: progress(3) })).progress).toEqual(other);
  });
});
