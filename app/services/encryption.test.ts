import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/config/config.server";
import { complaintJourney } from "~/journeys/complaint-journey";
import { storeJourneySubmission } from "~/journeys/submit-journey.server";
import { newKeyEntry, parseKeyring, Sealer } from "./encryption.server";
import { createServices } from "./services.server";
import { createTestDatabase, engines } from "../../tests/support/test-databases";

describe("sealing personal data", () => {
  it("round-trips, names its key, and refuses tampering", () => {
    const sealer = new Sealer(parseKeyring(newKeyEntry("a1")));
    const sealed = sealer.seal("Zażółć 😀");
    expect(sealed.startsWith("enc:v1:a1:")).toBe(true);
    expect(sealer.open(sealed)).toBe("Zażółć 😀");
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}A`;
    expect(() => sealer.open(tampered)).toThrow();
  });

  it.each(engines)("on %s, keeps no marker string readable in the database, and rotation keeps every submission readable", async (engine) => {
    const dir = mkdtempSync(path.join(tmpdir(), "sealed-"));
    const database = await createTestDatabase(engine, dir);
    const oldKey = newKeyEntry("old");
    const env = { DATA_DIR: dir, DATABASE_URL: database.url, DATA_KEYS: oldKey };
    const services = await createServices(loadConfig(env, () => {}));
    const markers = ["MARKER-NAME-7731", "marker-7731@example.org", "MARKER-STORY-7731"];
    const submission = await storeJourneySubmission(services, {
      journey: complaintJourney,
      language: "en",
      runId: randomUUID(),
      today: "2026-11-26",
      answers: {
        "your-name": { "full-name": markers[0]! },
        contact: { method: "email", email: markers[1]! },
        "what-happened": { "what-happened": markers[2]! },
      },
    });
    const session = await services.sessions.load(new Request("http://localhost/"));
    session.data.journeys.complaint = { runId: "x", answers: { "your-name": { "full-name": markers[0]! } } };
    await services.sessions.save(session);
    // An evidence file whose name and contents hold the markers too.
    const owner = { sessionId: session.id!, journey: "complaint", runId: "x" };
    const upload = await services.evidence.begin(owner, `${markers[0]!}.txt`);
    await upload.write(Buffer.from(`Statement by ${markers[0]!}: ${markers[2]!}`));
    const evidence = await upload.commit({ type: "text", sha256: "0".repeat(64), scan: "clean" });
    if (!evidence.ok) throw new Error("evidence not stored");
    if (engine === "sqlite") {
      // The file itself, write-ahead log included: what a stolen disk would show.
      await services.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      for (const file of readdirSync(dir).filter((f) => f.startsWith("portal.db"))) {
        const bytes = readFileSync(path.join(dir, file)).toString("latin1");
        for (const marker of markers) expect(bytes, file).not.toContain(marker);
      }
    } else {
      // Every row of every table as text: what a stolen dump would show.
      const dump = JSON.stringify([
        await services.db.all("SELECT * FROM submissions"),
        await services.db.all("SELECT * FROM sessions"),
        await services.db.all("SELECT * FROM delivery_jobs"),
        await services.db.all("SELECT * FROM evidence_files"),
        (await services.db.all<{ data: Buffer }>("SELECT data FROM evidence_chunks")).map((row) => Buffer.from(row.data).toString("latin1")),
      ]);
      for (const marker of markers) expect(dump).not.toContain(marker);
    }
    await services.db.close();

    const newKey = newKeyEntry("new");
    const rotated = await createServices(loadConfig({ ...env, DATA_KEYS: `${newKey},${oldKey}` }, () => {}));
    expect(await rotated.submissions.resealAll()).toBe(1);
    expect(await rotated.sessions.resealAll()).toBe(1);
    // Its sealed name and SHA-256, and its one piece.
    expect(await rotated.evidence.resealAll()).toBe(2);
    await rotated.db.close();
    // With the old key removed, everything still opens: rotation re-sealed it all with the new key.
    const newOnly = await createServices(loadConfig({ ...env, DATA_KEYS: newKey }, () => {}));
    const answers = (await newOnly.submissions.byId(submission.id))!.answers as Record<string, Record<string, string>>;
    expect(answers["your-name"]!["full-name"]).toBe(markers[0]);
    const opened = await newOnly.evidence.open(owner, evidence.file.id);
    expect(opened!.file.name).toBe(`${markers[0]!}.txt`);
    for await (const piece of opened!.content) expect(piece.toString("utf8")).toContain(markers[2]!);
    await newOnly.db.close();
    const wrongKey = await createServices(loadConfig({ ...env, DATA_KEYS: newKeyEntry("other") }, () => {}));
    await expect(wrongKey.submissions.byId(submission.id)).rejects.toThrow(/no key new/);
    await wrongKey.db.close();
    await database.drop();
  });
});
