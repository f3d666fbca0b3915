// PostgreSQL going away, for real: a portal of its own on a cluster of its own, which this test stops and
// starts. The portal must wait for the database at start, answer 503 while it is gone, store nothing half
// done, and take the same send again once the database is back.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, PostgresCluster } from "../support/postgres-cluster";
import { withDatabase } from "../support/test-databases";
import { completeQuickComplaint, expectHeading } from "./support/journey";
import { serverNodeFlags } from "../support/portal-command";

test.describe.configure({ mode: "serial" });
test.use({ javaScriptEnabled: false });

let cluster: PostgresCluster;
let portal: ChildProcess;
let baseURL: string;
let logFile: string;

const health = async () => (await fetch(`${baseURL}/healthz`)).status;

function storedCount(): Promise<number> {
  return withDatabase(cluster.url, async (db) => Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM submissions"))!.n));
}

test.beforeAll(async () => {
  cluster = await new PostgresCluster().init();
  const dataDir = mkdtempSync(path.join(tmpdir(), "portal-faults-"));
  logFile = path.join(dataDir, "portal.log");
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  // The cluster exists but is not running: the portal starts before its database does.
  portal = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: cluster.url, RATE_LIMIT_POSTS: "100000", WORKER_ENABLED: "false" },
    stdio: ["ignore", openSync(logFile, "a"), openSync(logFile, "a")],
  });
});

test.afterAll(async () => {
  portal?.kill("SIGTERM");
  cluster?.destroy();
});

test("waits for an unreachable database, answering 503 on /healthz, and says why in its log", async () => {
  await expect.poll(async () => health().catch(() => 0), { timeout: 15_000 }).toBe(503);
  await expect.poll(() => readFileSync(logFile, "utf8"), { timeout: 15_000 }).toMatch(/database not ready; trying again.*ECONNREFUSED|ECONNREFUSED.*database not ready; trying again/);
  expect(await health()).toBe(503);
  await cluster.resume();
  await expect.poll(health, { timeout: 40_000, intervals: [250] }).toBe(200);
});

for (const [javaScriptEnabled, storedBefore] of [[false, 0], [true, 1]] as const) {
  test(`with JavaScript ${javaScriptEnabled ? "on" : "off"}, a send while the database is lost gets a 503 and stores nothing; the same send works once it is back`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await context.newPage();
    await completeQuickComplaint(page, "The database went away during my send.");
    await expectHeading(page, "Check your answers before sending your complaint");

    cluster.stopNow();
    // Without JavaScript the form posts the page; with it, Remix posts to check-answers.data.
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: /Send/ }).click()]);
    expect(response.status()).toBe(503);
    expect(response.headers()["retry-after"]).toBe("30");
    await expectHeading(page, "Sorry, there is a problem with the service");
    // The page around it is the service's, with the council's number to call: a failed post once came without them.
    await expect(page).toHaveTitle(/^Sorry, there is a problem with the service – Complaints and compliments/);
    await expect(page.getByText("If you need to tell us something now, call 01632 960000 or email")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Complaints and compliments");
    expect(await page.content()).not.toMatch(/at .+\.(js|ts):\d+/);
    expect(await health()).toBe(503);

    await cluster.resume();
    expect(await storedCount()).toBe(storedBefore);
    await expect.poll(health, { timeout: 10_000 }).toBe(200);
    // The person opens check answers again and sends: the answers were kept in the session, in the database.
    await page.goto("/complaint/check-answers");
    await expectHeading(page, "Check your answers before sending your complaint");
    await page.getByRole("button", { name: /Send/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Complaint sent/);
    expect(await storedCount()).toBe(storedBefore + 1);
    await context.close();
  });
}
