import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, evidenceScanWarning, loadConfig, webhooksFor } from "./config.server";
import { exampleCouncil } from "./example-council";
import { councilIn, councilSettingsSchema, publicCouncilSettings } from "./council-schema";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "config-"));
const quiet = () => {};

describe("configuration", () => {
  it("runs on embedded defaults, generating a development secret once", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }, quiet);
    expect(first.env.PORT).toBe(3000);
    expect(first.env.DATABASE_URL).toBe("file:./data/portal.db");
    // Behind proxies: not at all, every entry of X-Forwarded-For, or a number of proxies (Express's "trust proxy").
    expect(first.env.TRUST_PROXY).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "true" }, quiet).env.TRUST_PROXY).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: "2" }, quiet).env.TRUST_PROXY).toBe(2);
    expect(councilIn(first.council, "en").councilName).toBe("Example Borough Council");
    expect(first.sessionIdleMs).toBe(60 * 60_000);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }, quiet).sessionSecret).toBe(first.sessionSecret);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://portal:secret@db.internal:notaport/portal" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgres://portal:secret@db.internal:5432" }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgresql://portal:secret@/portal" }, "DATABASE_URL"],
    [{ DATABASE_URL: "file:" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
    [{ MIGRATE_ON_START: "maybe" }, "MIGRATE_ON_START"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "0" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "1.5" }, "TRUST_PROXY"],
    [{ DELIVERY_LEASE_SECONDS: "5" }, "DELIVERY_LEASE_SECONDS"],
    [{ DELIVERY_RETRY_DELAYS: "5s,soon" }, "DELIVERY_RETRY_DELAYS"],
    [{ SESSION_IDLE_MINUTES: "1" }, "SESSION_IDLE_MINUTES"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ APP_ENV: "production" }, "SESSION_SECRET"],
    [{ APP_ENV: "staging" }, "APP_ENV"],
    [{ WEBHOOK_URL: "https://cases.example.org/hooks", WEBHOOK_SECRET: "not-a-secret" }, "WEBHOOK_SECRET"],
    [{ WEBHOOK_URL: "https://cases.example.org/hooks", WEBHOOK_SECRET: "whsec_c2hvcnQ=" }, "WEBHOOK_SECRET"],
    [{ WEBHOOK_URL: "https://cases.example.org/hooks" }, "WEBHOOK_SECRET"],
    [{ APP_ENV: "production", SESSION_SECRET: "x".repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`, WEBHOOK_URL: "http://cases.example.org/hooks", WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 1).toString("base64")}` }, "WEBHOOK_URL"],
    [{ WEBHOOK_ENDPOINTS: "[{" }, "WEBHOOK_ENDPOINTS"],
    [{ WEBHOOK_ENDPOINTS: JSON.stringify([{ name: "warehouse", url: "https://warehouse.example.org/hooks", secrets: [`whsec_${Buffer.alloc(32, 2).toString("base64")}`], events: ["everything"] }]) }, "WEBHOOK_ENDPOINTS"],
    [{ WEBHOOK_ENDPOINTS: JSON.stringify([{ name: "warehouse", url: "https://warehouse.example.org/hooks", secrets: [`whsec_${Buffer.alloc(32, 2).toString("base64")}`], events: [] }]) }, "WEBHOOK_ENDPOINTS"],
    [{ SMTP_URL: "http://mail.example.org" }, "SMTP_URL"],
    [{ STAFF_EMAIL_DETAIL: "some" }, "STAFF_EMAIL_DETAIL"],
    [{ APP_ENV: "production", SESSION_SECRET: "x".repeat(32) }, "DATA_KEYS"],
    [{ APP_ENV: "production", SESSION_SECRET: "x".repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`, CLAMAV_URL: "tcp://127.0.0.1:3310" }, "PUBLIC_URL"],
    [{ CASE_EVENTS_SECRET: "not-a-secret" }, "CASE_EVENTS_SECRET"],
    [{ CASE_DIGEST_HOUR: "25" }, "CASE_DIGEST_HOUR"],
    [{ DATA_KEYS: "k1:c2hvcnQ=" }, "DATA_KEYS"],
    [{ DATA_KEYS: "not a keyring" }, "DATA_KEYS"],
    [{ CLAMAV_URL: "clamd:3310" }, "CLAMAV_URL"],
    [{ CLAMAV_URL: "tcp://clamd" }, "CLAMAV_URL"],
    [{ CLAMAV_URL: "unix:clamd.ctl" }, "CLAMAV_URL"],
    [{ CLAMAV_TIMEOUT_SECONDS: "0" }, "CLAMAV_TIMEOUT_SECONDS"],
    [{ EVIDENCE_ATTACH_MAX_MB: "26" }, "EVIDENCE_ATTACH_MAX_MB"],
    [{ EVIDENCE_LINK_DAYS: "0" }, "EVIDENCE_LINK_DAYS"],
    [{ PUBLIC_URL: "portal.example.org" }, "PUBLIC_URL"],
    [{ APP_ENV: "production", SESSION_SECRET: "x".repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}` }, "CLAMAV_URL"],
    [{ APP_ENV: "production", SESSION_SECRET: "x".repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`, CLAMAV_URL: "tcp://clamd:3310", WEBHOOK_URL: "https://cases.example.org/hooks", WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 1).toString("base64")}` }, "PUBLIC_URL"],
    [{ APP_ENV: "production", SESSION_SECRET: "x".repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`, CLAMAV_URL: "tcp://clamd:3310", PUBLIC_URL: "https://complaints.example.org" }, "SMTP_URL"],
  ])("stops with the name of the bad setting: %o", (env, name) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env }, quiet)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it("sends each webhook endpoint what it asks for: a data warehouse only where cases stand, without anyone's answers", () => {
    const secrets = [`whsec_${Buffer.alloc(32, 2).toString("base64")}`];
    const config = loadConfig(
      {
        DATA_DIR: dataDir(),
        WEBHOOK_URL: "https://cases.example.org/hooks",
        WEBHOOK_SECRET: secrets[0],
        WEBHOOK_ENDPOINTS: JSON.stringify([
          { name: "warehouse", url: "https://warehouse.example.org/hooks", secrets, events: ["case.updated"] },
          { name: "crm", url: "https://crm.example.org/hooks", secrets },
        ]),
      },
      quiet,
    );
    expect(webhooksFor(config.webhooks, "submissions")).toEqual(["crm", "case-system"]);
    expect(webhooksFor(config.webhooks, "case.updated")).toEqual(["warehouse", "crm", "case-system"]);
  });

  it("scans evidence with the clamd CLAMAV_URL names, and in development without it marks files not scanned, saying so once", () => {
    const tcp = loadConfig({ DATA_DIR: dataDir(), CLAMAV_URL: "tcp://clamd.internal:3310", CLAMAV_TIMEOUT_SECONDS: "12" }, quiet);
    expect(tcp.evidence.scanner).toEqual({ address: { kind: "tcp", host: "clamd.internal", port: 3310 }, timeoutMs: 12_000 });
    expect(evidenceScanWarning(tcp)).toBeNull();
    const unix = loadConfig({ DATA_DIR: dataDir(), CLAMAV_URL: "unix:/run/clamav/clamd.ctl" }, quiet);
    expect(unix.evidence.scanner).toEqual({ address: { kind: "unix", path: "/run/clamav/clamd.ctl" }, timeoutMs: 30_000 });
    const none = loadConfig({ DATA_DIR: dataDir() }, quiet);
    expect(none.evidence.scanner).toBeNull();
    expect(evidenceScanWarning(none)).toMatch(/CLAMAV_URL is not set.*not-scanned/);
    expect(none.evidence).toMatchObject({ limits: { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024, maxBodyBytes: 21 * 1024 * 1024 }, attachMaxBytes: 10 * 1024 * 1024, linkValidityMs: 7 * 86_400_000 });
    expect(none.publicUrl).toBe("http://localhost:3000");
    const set = loadConfig({ DATA_DIR: dataDir(), EVIDENCE_ATTACH_MAX_MB: "0", EVIDENCE_LINK_DAYS: "3", PUBLIC_URL: "https://complaints.example.org/" }, quiet);
    expect(set.evidence).toMatchObject({ attachMaxBytes: 0, linkValidityMs: 3 * 86_400_000 });
    expect(set.publicUrl).toBe("https://complaints.example.org");
  });

  it("refuses a DATA_DIR where no folder can be made, naming it, at once (Node's recursive mkdir would try for ever under /proc)", () => {
    expect(() => loadConfig({ DATA_DIR: "/proc/no-such-data-folder" }, quiet)).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: "/proc/no-such-data-folder" }, quiet)).toThrow(/^Invalid configuration:\n {2}DATA_DIR: cannot make the folder \/proc\/no-such-data-folder \((ENOENT|EACCES)\)$/);
  });

  it("never repeats a PostgreSQL password when it refuses the URL", () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://portal:hunter2@db.internal:99999/portal" }, quiet)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://portal:hunter2@db.internal:99999/portal" }, quiet)).not.toThrow(/hunter2/);
  });

  it("accepts PostgreSQL URLs and a council's own retry schedule", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgres://portal:pw@db.internal:5432/portal?sslmode=require", DELIVERY_RETRY_DELAYS: "1s, 2m,3h" }, quiet);
    expect(config.env.DATABASE_URL).toContain("postgres://");
    expect(config.env.DELIVERY_RETRY_DELAYS).toEqual([1_000, 120_000, 10_800_000]);
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "postgresql:///portal?host=/var/run/postgresql" }, quiet).env.DATABASE_URL).toContain("portal");
  });

  it("lets a council with many people behind one address allow more tries at Check your complaint, within bounds", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }, quiet).env.PROGRESS_RATE_LIMIT_POSTS).toBe(30);
    expect(loadConfig({ DATA_DIR: dataDir(), PROGRESS_RATE_LIMIT_POSTS: "120" }, quiet).env.PROGRESS_RATE_LIMIT_POSTS).toBe(120);
    expect(() => loadConfig({ DATA_DIR: dataDir(), PROGRESS_RATE_LIMIT_POSTS: "0" }, quiet)).toThrow(/PROGRESS_RATE_LIMIT_POSTS/);
  });

  it("allows plain HTTP webhooks to loopback, and anywhere outside production", () => {
    const secret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
    const production = { APP_ENV: "production", SESSION_SECRET: "x".repeat(32), DATA_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`, WEBHOOK_SECRET: secret, CLAMAV_URL: "tcp://127.0.0.1:3310", PUBLIC_URL: "https://complaints.example.org", SMTP_URL: "smtps://portal:pw@smtp.example.org:465" };
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, WEBHOOK_URL: "http://127.0.0.1:9000/hooks" }, quiet).webhooks).toHaveLength(1);
    expect(loadConfig({ DATA_DIR: dataDir(), WEBHOOK_SECRET: secret, WEBHOOK_URL: "http://cases.internal/hooks" }, quiet).webhooks[0]?.name).toBe("case-system");
  });

  it("names the bad field of the council's settings", () => {
    const dir = dataDir();
    const file = path.join(dir, "council.json");
    writeFileSync(file, JSON.stringify({ ...exampleCouncil, contact: { ...exampleCouncil.contact, email: "not an email" } }));
    expect(() => loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file }, quiet)).toThrow(/COUNCIL_CONFIG\.contact\.email/);
    writeFileSync(file, "{ not json");
    expect(() => loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file }, quiet)).toThrow(/COUNCIL_CONFIG: cannot read/);
  });

  it("writes every phone number on one line, and left to right in a right-to-left language", () => {
    const council = councilSettingsSchema.parse(exampleCouncil);
    // Every setting that is a number to call or text, found by its value, so a new one cannot be missed.
    const numbers: { path: string[]; value: string }[] = [];
    const walk = (value: unknown, path: string[]) => {
      if (typeof value === "string" && /^[0-9 +()]{3,40}$/.test(value)) numbers.push({ path, value });
      else if (value && typeof value === "object" && !Array.isArray(value)) for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    };
    walk(council, []);
    expect(numbers.map(({ path }) => path.join("."))).toEqual(expect.arrayContaining(["contact.phone", "contact.textPhone", "safeguarding.emergencyNumber", "childline", "advocacy.textMessage"]));
    const at = (object: unknown, path: string[]) => path.reduce<unknown>((here, key) => (here as Record<string, unknown>)[key], object);
    for (const { path, value } of numbers) {
      const oneLine = value.replaceAll(" ", "\u00a0");
      expect(at(councilIn(council, "ar"), path)).toBe(`\u2066${oneLine}\u2069`);
      expect(at(councilIn(council, "en"), path)).toBe(oneLine);
      expect(at(councilIn(council, "pl"), path)).toBe(oneLine);
    }
  });

  it("takes the words people read in each language, falls back to English with a warning naming what is missing, and refuses an unknown language", () => {
    const dir = dataDir();
    const file = path.join(dir, "council.json");
    const serviceName = { en: "Complaints and compliments", pl: "Skargi i podziękowania" };
    writeFileSync(file, JSON.stringify({ ...exampleCouncil, serviceName, contact: { ...exampleCouncil.contact, openingHours: "9am to 5pm" } }));
    const warnings: string[] = [];
    const config = loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file, SESSION_SECRET: "x".repeat(32) }, (message) => warnings.push(message));
    expect(councilIn(config.council, "pl").serviceName).toBe("Skargi i podziękowania");
    expect(councilIn(config.council, "ar").serviceName).toBe("Complaints and compliments");
    expect(councilIn(config.council, "en").serviceName).toBe("Complaints and compliments");
    // One string is the same words in every language: nothing is missing there.
    expect(councilIn(config.council, "ar").contact.openingHours).toBe("9am to 5pm");
    expect(warnings.filter((w) => w.startsWith("COUNCIL_CONFIG"))).toEqual([expect.stringContaining("serviceName (ar)")]);
    expect(warnings.join("\n")).not.toContain("openingHours");
    // The example council has every language's words: no warning.
    const quietWarnings: string[] = [];
    loadConfig({ DATA_DIR: dataDir(), SESSION_SECRET: "x".repeat(32) }, (message) => quietWarnings.push(message));
    expect(quietWarnings.filter((w) => w.startsWith("COUNCIL_CONFIG"))).toEqual([]);
    // English is required, and a language the portal does not speak is a mistake, named.
    writeFileSync(file, JSON.stringify({ ...exampleCouncil, serviceName: { pl: "Skargi" } }));
    expect(() => loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file }, quiet)).toThrow(/COUNCIL_CONFIG\.serviceName/);
    writeFileSync(file, JSON.stringify({ ...exampleCouncil, serviceName: { en: "Complaints", fr: "Plaintes" } }));
    expect(() => loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file }, quiet)).toThrow(/COUNCIL_CONFIG\.serviceName/);
  });

  it("stops at start on a negative or missing time limit, naming it", () => {
    const dir = dataDir();
    const file = path.join(dir, "council.json");
    const { timetable } = exampleCouncil;
    writeFileSync(file, JSON.stringify({ ...exampleCouncil, timetable: { ...timetable, childrensSocialCare: { ...timetable.childrensSocialCare, stage1: { ...timetable.childrensSocialCare.stage1, replyWithin: -10 } } } }));
    expect(() => loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file }, quiet)).toThrow(/COUNCIL_CONFIG\.timetable\.childrensSocialCare\.stage1\.replyWithin: must be more than 0/);
    const { acknowledgeWithin: _missing, ...withoutAcknowledge } = timetable;
    writeFileSync(file, JSON.stringify({ ...exampleCouncil, timetable: withoutAcknowledge }));
    expect(() => loadConfig({ DATA_DIR: dir, COUNCIL_CONFIG: file }, quiet)).toThrow(/COUNCIL_CONFIG\.timetable\.acknowledgeWithin/);
  });

  it("lets only the public allow-list reach the browser", () => {
    const council = councilSettingsSchema.parse(exampleCouncil);
    const shown = JSON.stringify(publicCouncilSettings(council, "en"));
    for (const mailbox of Object.values(council.mailboxes)) expect(shown).not.toContain(mailbox);
    expect(shown).not.toContain(council.exitUrl);
  });
});
