// Every kind of request the portal takes is counted in the annual report: each journey's submissions stored as the
// portal stores them, read back as the report reads them, on both engines. (The report once looked for kinds the
// portal never wrote, so other-format and next-stage requests were counted nowhere but "how people reached us".)
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "~/config/config.server";
import { journeyById, registeredJourneys } from "~/journeys/journeys";
import { storeJourneySubmission } from "~/journeys/submit-journey.server";
import { createServices, type Services } from "~/services/services.server";
import { answerJourney } from "../../tests/support/answer-journey";
import { personas, type Persona } from "../../tests/support/personas";
import { createTestDatabase, engines, type TestDatabase } from "../../tests/support/test-databases";
import { computeFigures } from "./figures";
import { loadReportInput } from "./report-source.server";

const today = "2026-11-16";
const dataKeys = `src1:${Buffer.alloc(32, 5).toString("base64")}`;

describe.each(engines)("what the portal stores, as the annual report counts it, on %s", (engine) => {
  let dir: string;
  let database: TestDatabase;
  let services: Services;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "report-source-"));
    database = await createTestDatabase(engine, dir);
    services = await createServices(loadConfig({ DATA_DIR: dir, DATABASE_URL: database.url, DATA_KEYS: dataKeys }, () => {}));
  });

  afterEach(async () => {
    await services.db.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function send(persona: Persona): Promise<void> {
    const journey = journeyById(persona.journey)!;
    const { answers } = answerJourney(journey, persona, today);
    await storeJourneySubmission(services, { journey, answers, language: "en", runId: randomUUID(), today });
  }

  it("counts every journey's submissions in its own figure, and all of them in how people reached us", async () => {
    const people = personas({ today });
    const sent = [people.parent, people.thanks, people.advocateForChild, people.formatByEmail, people.formatToCollect, people.escalateWithReference, people.escalateWithoutReference];
    // Every journey is among them: a new journey needs a line here, and a figure in the report.
    expect(new Set(sent.map((persona) => persona.journey))).toEqual(new Set(registeredJourneys.map((journey) => journey.id)));
    for (const persona of sent) await send(persona);

    const period = { from: "2026-04-01", to: "2027-03-31" };
    const figures = computeFigures(await loadReportInput(services.db, services.sealer, services.config.council.timetable, period), period);
    const value = (count: { value: number }) => count.value;
    expect(value(figures.services["childrens-social-care"].received)).toBe(1);
    expect(value(figures.compliments.total)).toBe(1);
    expect(value(figures.requests.advocates)).toBe(1);
    expect(value(figures.requests.formats.total)).toBe(2);
    expect(Object.values(figures.requests.formats.byFormat).reduce((sum, count) => sum + count.value, 0)).toBe(2);
    expect(value(figures.requests.escalations.total)).toBe(2);
    expect(Object.fromEntries(Object.entries(figures.requests.escalations.byStage).map(([stage, count]) => [stage, count.value]))).toEqual({ stage2: 1, stage3: 1 });
    // How people reached us counts the same submissions, each once.
    expect(value(figures.reach.total)).toBe(sent.length);
  });
});
