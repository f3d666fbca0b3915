// `npm run bench`: measures the built portal against a bare node:http ceiling on this machine, the delivery
// worker's throughput, and page weight in Chromium. Prints a table, writes JSON to bench/results/, and exits
// non-zero when a page-weight budget is broken. `npm run bench -- --postgres` measures the same on PostgreSQL,
// in a throwaway cluster (or the one TEST_POSTGRES_URL names).
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { loadConfig } from "../app/config/config.server";
import { DeliveryWorker } from "../app/delivery/delivery-worker.server";
import { complaintJourney } from "../app/journeys/complaint-journey";
import { signStart } from "../app/journeys/bot-checks.server";
import { newKeyEntry, parseKeyring, Sealer } from "../app/services/encryption.server";
import { storeJourneySubmission } from "../app/journeys/submit-journey.server";
import { createMailTransport, createServices, workerDeps } from "../app/services/services.server";
import { openDatabaseUrl } from "../app/services/database.server";
import { PostgresCluster } from "../tests/support/postgres-cluster";
import { createTestDatabase, type Engine } from "../tests/support/test-databases";
import { londonToday, parentComplaint } from "../tests/support/personas";
import { answerJourney } from "../tests/support/answer-journey";
import { chromiumArgs, chromiumPath } from "../tests/e2e/support/browser";
import { z } from "zod";
import { measureJourneys, residentMb, type JourneyFigures } from "./journeys";
import { serverNodeFlags } from "../tests/support/portal-command";

const lighthouseVersion = z.object({ version: z.string() }).parse(JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8"))).version;

const args = new Set(process.argv.slice(2));
const engine: Engine = args.has("--postgres") ? "postgres" : "sqlite";
// Each round measures the ceiling and then every run straight after it, so each ratio is against the machine as it
// was at that moment; the table gives each run's median round. One slow patch of a shared machine then moves
// no figure, in either direction.
const rounds = Math.max(1, Math.round(Number(process.env.BENCH_ROUNDS ?? 3)) || 1);
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 6);
const warmupSeconds = 2;
/** People who complete a journey before each mode's measured run, to warm the portal up (`BENCH_WARMUP_PEOPLE`). */
const journeyWarmUpPeople = Math.max(0, Math.round(Number(process.env.BENCH_WARMUP_PEOPLE ?? 20)) || 0);
const connections = 10;
const clockTicks = 100; // Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s.

// The JavaScript budget was 120 KB; with the page's words looked up without i18next in the browser (decision 041) it
// came down to 110 KB, and with the character count and file upload scripts fetched only where they are (decision
// 042) a question page fetches about 102 KB and the budget came down to 105 KB. With the browser's scripts minified by
// terser (decision 046) a question page fetches about 98 KB and the budget is the 100 KB issue 17 asks for, so the
// room is not spent unnoticed. Its target is 90 KB of script on a first visit, reached when pages came with the words
// they read (decision 053); the table says whether each page meets it.
const budgets = { noJsBytes: 60 * 1024, extraJsBytes: 100 * 1024 };
const javaScriptTargetBytes = 90 * 1024;

interface RunFigures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  requests: number;
  non2xx: number;
  /** The measured process's resident memory straight after the run, in MB. */
  residentMb: number;
  /** Requests a second as a percentage of the ceiling measured in the same round. */
  ratio?: number;
  /** The lowest and highest ratio across rounds. */
  ratioRange?: [number, number];
  /**
   * The ceiling's CPU ms a request as a percentage of this run's, in the same round: the share of the ceiling on
   * the portal's own CPU, which moves less with a busy machine than throughput does (the load generator's and other
   * processes' share of the cores is not in it). Targets are judged on its median round.
   */
  cpuShare?: number;
  cpuShareRange?: [number, number];
  /** For the final send: how many ended on their confirmation page. */
  confirmed?: number;
  /** For a target in requests a second: the lowest and highest round. */
  perSecondRange?: [number, number];
}

/** The HTTP targets of issue #7: a share of the ceiling, or requests a second. */
const targets: Record<string, { ratio?: number; perSecond?: number }> = {
  "GET start page": { ratio: 25 },
  "GET question page in a session": { ratio: 8 },
  "POST valid answer, 303 to next page": { ratio: 10 },
  "POST final send (store + outbox jobs)": { perSecond: 500 },
};
const deliveryTarget = 200;
/** The portal's resident memory after the journeys, in MB. */
const memoryTargetMb = 200;
/** Lighthouse 12, default mobile setting (simulated slow 4G, 4x CPU slowdown). */
const lighthouseTargets = { score: 0.99, largestContentfulPaintMs: 1500, totalBlockingTimeMs: 50, cumulativeLayoutShift: 0 };

// The single-request runs ask for no compression, as autocannon does, so that they measure the portal's own work;
// every browser asks for it, so the pages people read most are measured a second time as a browser asks, with what
// compressing them costs (the journeys ask for it too: Node's fetch does).
const browserEncodings = { "accept-encoding": "gzip, deflate, br, zstd" };
const asABrowser = "as a browser asks (compressed)";

const percentOf = (rps: number, ceiling: number) => Number(((rps / ceiling) * 100).toFixed(2));

/** The median of several measurements by one figure, with the lowest and highest. */
function medianBy<T>(measurements: T[], figure: (measurement: T) => number): { median: T; lowest: T; highest: T } {
  const sorted = [...measurements].sort((a, b) => figure(a) - figure(b));
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, lowest: sorted[0]!, highest: sorted[sorted.length - 1]! };
}

/**
 * The median round by CPU share (what targets are judged on; for the ceiling itself, by its CPU ms a request), with
 * the spreads of both shares across rounds; anything unexpected in any round is counted.
 */
function medianRound(figures: RunFigures[], ceiling = false): RunFigures {
  const { median } = medianBy(figures, (round) => (ceiling ? round.cpuMsPerRequest : round.cpuShare!));
  const ratios = figures.map((round) => round.ratio!);
  const shares = figures.map((round) => round.cpuShare!);
  return {
    ...median,
    non2xx: figures.reduce((sum, round) => sum + round.non2xx, 0),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    cpuShareRange: [Math.min(...shares), Math.max(...shares)],
  };
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

async function run(name: string, pid: number, options: autocannon.Options, expectStatus = (status: number) => status >= 200 && status < 400): Promise<RunFigures> {
  await autocannon({ ...options, connections, duration: warmupSeconds });
  const before = cpuMs(pid);
  const result = await autocannon({ ...options, connections, ...(options.amount ? {} : { duration: durationSeconds }) });
  const used = cpuMs(pid) - before;
  const statusCodes = result.statusCodeStats as unknown as Record<string, { count: number }>;
  const bad = Object.entries(statusCodes).filter(([status]) => !expectStatus(Number(status))).reduce((sum, [, s]) => sum + s.count, 0);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: Number((used / Math.max(1, result.requests.total)).toFixed(3)),
    requests: result.requests.total,
    non2xx: bad + result.errors + result.timeouts,
    residentMb: residentMb(pid),
  };
}

/** One session that has answered the first question, as a person part-way through. */
async function answerFirstQuestion(base: string): Promise<{ cookie: string; csrf: string }> {
  const opened = await fetch(`${base}/complaint/service`);
  const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await opened.text())?.[1] ?? "";
  await fetch(`${base}/complaint/service`, { method: "POST", body: `csrf=${encodeURIComponent(csrf)}&service=public-health`, headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
  return { cookie, csrf };
}

function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  return new Promise((resolve, reject) => {
    const tryOnce = () =>
      fetch(url).then(
        (r) => (r.ok ? resolve() : setTimeout(tryOnce, 100)),
        () => (Date.now() > deadline ? reject(new Error(`${url} did not answer`)) : setTimeout(tryOnce, 100)),
      );
    tryOnce();
  });
}

// A finished complaint's answers as the portal keeps them (each page's checked answer, not the form's fields).
const fullAnswers = answerJourney(complaintJourney, parentComplaint(""), londonToday()).answers;

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-"));
  const sessionSecret = randomBytes(32).toString("base64url");
  const dataKeys = newKeyEntry("bench1");
  const sealer = new Sealer(parseKeyring(dataKeys));
  const port = 3400 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const database = await createTestDatabase(engine, dir);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: database.url, SESSION_SECRET: sessionSecret, WORKER_ENABLED: "false", RATE_LIMIT_POSTS: "100000", RATE_LIMIT_WINDOW_MINUTES: "1", DATA_KEYS: dataKeys, BOT_MIN_SECONDS: "0" };
  // BENCH_PROFILE_DIR=folder writes a V8 CPU profile of the portal during the HTTP runs, for finding where time goes.
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const portal: ChildProcess = spawn(process.execPath, [...serverNodeFlags, ...profile, "build/server.js"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const results: RunFigures[] = [];
  const journeys: JourneyFigures[] = [];
  let memoryAfterAllMb = 0;
  try {
    await waitFor(`${base}/healthz`);
    const pid = portal.pid!;
    const startPage = Buffer.from(await (await fetch(`${base}/`)).arrayBuffer());

    // The ceiling: a bare node:http server answering the same bytes as the start page, in its own process.
    const ceilingFile = path.join(dir, "start.html");
    writeFileSync(ceilingFile, startPage);
    const ceilingProcess = spawn(process.execPath, ["-e", `const b=require("fs").readFileSync(${JSON.stringify(ceilingFile)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":b.length});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`], { stdio: ["ignore", "pipe", "inherit"] });
    const ceilingPort = await new Promise<number>((resolve) => ceilingProcess.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
    // The same question page rendered afresh every time, as for a person whose answers so far nobody has had: a
    // second portal on the same database with its page cache off.
    const uncachedPort = port + 1;
    const uncached = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], { env: { ...env, PORT: String(uncachedPort), PAGE_CACHE_MB: "0" }, stdio: ["ignore", "ignore", "inherit"] });
    try {
      await waitFor(`http://127.0.0.1:${uncachedPort}/healthz`);
      const { cookie } = await answerFirstQuestion(base);
      const fresh = await answerFirstQuestion(`http://127.0.0.1:${uncachedPort}`);
      // Each connection posts as a person of its own, in a session of its own: a person does not send ten answers
      // at once, and a session's saves are written only over what each read (decision 040), so one shared session
      // would measure ten tabs fighting over one row. Posts alternate between two answers, as real ones change
      // something, so nearly every post writes the session (an unchanged one is not written).
      const posters = await Promise.all(Array.from({ length: connections }, () => answerFirstQuestion(base)));
      let nextPoster = 0;
      const answerPost = (service: string) => ({
        setupRequest: (request: autocannon.Request, context: object) => {
          // autocannon's context is the connection's own: the connection keeps the session it was given first.
          const mine = context as { poster?: (typeof posters)[number] };
          const poster = (mine.poster ??= posters[nextPoster++ % posters.length]!);
          return { ...request, headers: { ...request.headers, cookie: poster.cookie }, body: `csrf=${encodeURIComponent(poster.csrf)}&service=${service}` };
        },
      });
      // A post the rate limit refused is a 303 too: counted as unexpected, so it can never flatter the figure.
      let refused = 0;
      const countRefused = (_status: number, _body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
        if ((headers?.location ?? "").startsWith("/refused")) refused += 1;
      };
      const byRound: RunFigures[][] = [];
      for (let round = 0; round < rounds; round++) {
        const figures = [
          await run("bare node:http, start page bytes (ceiling)", ceilingProcess.pid!, { url: `http://127.0.0.1:${ceilingPort}/` }),
          await run("GET start page", pid, { url: `${base}/` }),
          await run(`GET start page, ${asABrowser}`, pid, { url: `${base}/`, headers: browserEncodings }),
          await run("GET question page in a session", pid, { url: `${base}/complaint/who-are-you`, headers: { cookie } }),
          await run(`GET question page in a session, ${asABrowser}`, pid, { url: `${base}/complaint/who-are-you`, headers: { cookie, ...browserEncodings } }),
          await run("GET question page, rendered afresh (page cache off)", uncached.pid!, { url: `http://127.0.0.1:${uncachedPort}/complaint/who-are-you`, headers: { cookie: fresh.cookie } }),
          await run(`GET question page, rendered afresh, ${asABrowser}`, uncached.pid!, { url: `http://127.0.0.1:${uncachedPort}/complaint/who-are-you`, headers: { cookie: fresh.cookie, ...browserEncodings } }),
          await run("POST valid answer, 303 to next page", pid, {
            url: `${base}/complaint/service`,
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            requests: [{ ...answerPost("childrens-social-care"), onResponse: countRefused }, { ...answerPost("public-health"), onResponse: countRefused }],
          }, (status) => status === 303),
        ];
        figures[figures.length - 1]!.non2xx += refused;
        refused = 0;
        for (const figure of figures) {
          figure.ratio = percentOf(figure.requestsPerSecond, figures[0]!.requestsPerSecond);
          figure.cpuShare = percentOf(figures[0]!.cpuMsPerRequest, figure.cpuMsPerRequest);
        }
        byRound.push(figures);
      }
      results.push(...byRound[0]!.map((_, i) => medianRound(byRound.map((figures) => figures[i]!), i === 0)));
      // The traffic that matters: whole complaints, each with its own answers, on the portal as it is served, by
      // browsers without JavaScript and then by browsers with it.
      // Each mode starts with people of its own to warm up, as every single-request run has its warm-up: a portal
      // serves for days, and its first few dozen people pay for compiling code that every later one runs. Their
      // figures are kept beside the measured ones, their journeys that went wrong too.
      for (const mode of ["no-js", "js"] as const) {
        const warmUp = await measureJourneys(base, pid, cpuMs, { people: journeyWarmUpPeople, concurrent: connections, mode });
        const measured = await measureJourneys(base, pid, cpuMs, { people: Number(process.env.BENCH_PEOPLE ?? 50), concurrent: connections, mode });
        journeys.push({ ...measured, warmUp: { people: warmUp.people, cpuMsPerRequest: warmUp.cpuMsPerRequest, unexpected: warmUp.unexpected } });
      }
    } finally {
      ceilingProcess.kill();
      uncached.kill("SIGTERM");
      await new Promise((resolve) => uncached.once("exit", resolve));
    }

    // Final sends need a finished, unsent journey each: sessions are written straight into the database.
    const sends = Number(process.env.BENCH_SENDS ?? 8000);
    const db = openDatabaseUrl(database.url, { poolSize: 1 });
    const cookies: { cookie: string; body: string }[] = [];
    await db.transaction(async (tx) => {
      for (let i = 0; i < sends + 2000; i++) {
        const id = randomBytes(32).toString("base64url");
        const runId = randomUUID();
        await tx.run("INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)", [id, sealer.seal(JSON.stringify({ journeys: { complaint: { runId, answers: fullAnswers } } })), Date.now() + 3_600_000]);
        cookies.push({
          cookie: `session=${id}.${createHmac("sha256", sessionSecret).update(id).digest("base64url")}`,
          body: `csrf=${encodeURIComponent(createHmac("sha256", sessionSecret).update(`csrf:${id}`).digest("base64url"))}&started=${encodeURIComponent(signStart(sessionSecret, { journeyId: "complaint", runId }, Date.now() - 60_000))}`,
        });
      }
    });
    await db.close();
    let next = 0;
    // Sends that ended on their confirmation page; anything else (a refusal, a page with errors) is unexpected.
    let confirmed = 0;
    // When the last answer came: autocannon's promise for a run of a number of requests settles on its next
    // one-second tick, not at the last answer, so timing to the promise rounded each round up to whole seconds
    // (every round of 2,666 sends came out at exactly 6 or 7 s).
    let lastAnswerAt = 0;
    const sendOptions: autocannon.Options = {
      url: `${base}/complaint/check-answers`,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      requests: [
        {
          setupRequest: (request) => {
            const session = cookies[next++ % cookies.length]!;
            return { ...request, body: session.body, headers: { ...request.headers, cookie: session.cookie } };
          },
          onResponse: (_status, _body, _context, headers) => {
            lastAnswerAt = performance.now();
            if (headers?.location === "/complaint/confirmation") confirmed += 1;
          },
        },
      ],
    };
    await autocannon({ ...sendOptions, connections, amount: 1000 });
    const warmupConfirmed = confirmed;
    // The sends in rounds too, judged on the median round.
    const sendRounds: RunFigures[] = [];
    for (let round = 0; round < rounds; round++) {
      confirmed = 0;
      const before = cpuMs(pid);
      const sendStarted = performance.now();
      const sendResult = await autocannon({ ...sendOptions, connections, amount: Math.floor(sends / rounds) });
      const sendSeconds = (Math.max(lastAnswerAt, sendStarted + 1) - sendStarted) / 1000;
      const sendCpu = cpuMs(pid) - before;
      sendRounds.push({
        name: "POST final send (store + outbox jobs)",
        // Timed from the first request to the last answer (lastAnswerAt), not to autocannon settling.
        requestsPerSecond: Math.round(sendResult.requests.total / sendSeconds),
        p50: sendResult.latency.p50,
        p99: sendResult.latency.p99,
        cpuMsPerRequest: Number((sendCpu / Math.max(1, sendResult.requests.total)).toFixed(3)),
        requests: sendResult.requests.total,
        residentMb: residentMb(pid),
        non2xx: sendResult.requests.total + sendResult.errors - confirmed,
        confirmed,
      });
    }
    // A send the bot checks judged a bot's ends on a confirmation too but stores nothing: every confirmed send must
    // be in the database, or the difference is counted as unexpected.
    const stored = await (async () => {
      const check = openDatabaseUrl(database.url, { poolSize: 1 });
      try {
        return Number((await check.get<{ count: number | string }>("SELECT COUNT(*) AS count FROM submissions"))?.count ?? 0);
      } finally {
        await check.close();
      }
    })();
    const confirmedSends = sendRounds.reduce((sum, round) => sum + (round.confirmed ?? 0), 0) + warmupConfirmed;
    // Every person who went all the way sent, the warm-up's people too.
    const journeySends = journeys.reduce((sum, run) => sum + run.people - run.unexpected + (run.warmUp ? run.warmUp.people - run.warmUp.unexpected : 0), 0);
    sendRounds[0]!.non2xx += Math.max(0, confirmedSends + journeySends - stored);
    const sendMedian = medianBy(sendRounds, (round) => round.requestsPerSecond);
    results.push({ ...sendMedian.median, perSecondRange: [sendMedian.lowest.requestsPerSecond, sendMedian.highest.requestsPerSecond], non2xx: sendRounds.reduce((sum, round) => sum + round.non2xx, 0) });
    memoryAfterAllMb = residentMb(pid);
  } finally {
    portal.kill("SIGTERM");
    await new Promise((resolve) => portal.once("exit", resolve));
    await database.drop();
  }

  const send = results[results.length - 1]!;
  send.ratio = percentOf(send.requestsPerSecond, results[0]!.requestsPerSecond);

  const delivery = await measureDelivery();
  const { weights, lighthouse } = await measureInBrowser();

  // A share-of-ceiling target is judged on the median round's CPU share; the share of throughput is shown beside it.
  const verdict = (r: RunFigures) => {
    const target = targets[r.name];
    if (target?.ratio !== undefined) return `${r.cpuShare! >= target.ratio ? "met" : "NOT MET"} (${target.ratio}% on CPU)`;
    if (target?.perSecond !== undefined) return `${r.requestsPerSecond >= target.perSecond ? "met" : "NOT MET"} (${target.perSecond}/s)`;
    return "";
  };
  console.log(
    "\nHTTP on %s (10 connections, %d s each after a %d s warm-up; the median of %d rounds, each against its own ceiling)\n",
    engine === "postgres" ? "PostgreSQL" : "SQLite", durationSeconds, warmupSeconds, rounds,
  );
  console.table(results.map((r) => ({
    run: r.name,
    "req/s": r.perSecondRange ? `${r.requestsPerSecond} (${r.perSecondRange[0]}–${r.perSecondRange[1]})` : r.requestsPerSecond,
    "% of ceiling, req/s": r.ratioRange ? `${r.ratio}% (${r.ratioRange[0]}–${r.ratioRange[1]})` : `${r.ratio}%`,
    "% of ceiling, CPU": r.cpuShareRange ? `${r.cpuShare}% (${r.cpuShareRange[0]}–${r.cpuShareRange[1]})` : "",
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "CPU ms/req": r.cpuMsPerRequest,
    requests: r.requests,
    unexpected: r.non2xx,
    "memory MB": r.residentMb,
    target: verdict(r),
  })));
  const ceilingCpu = results[0]!.cpuMsPerRequest;
  for (const run of journeys) {
    console.log(
      "\nWhole complaints, each person with their own answers, as browsers %s JavaScript: %d people, %d at a time, after %d to warm up (%s CPU ms a request, %d unexpected)\n  %s journeys/s, %s CPU ms a journey, %s CPU ms a request (%s times the ceiling's %s), %d requests, %d unexpected\n  portal memory after the journeys: %d MB (target under %d MB: %s)\n",
      run.mode === "js" ? "with" : "without", run.people, run.concurrent, run.warmUp?.people ?? 0, run.warmUp?.cpuMsPerRequest ?? "-", run.warmUp?.unexpected ?? 0, run.journeysPerSecond, run.cpuMsPerJourney, run.cpuMsPerRequest,
      ceilingCpu > 0 ? (run.cpuMsPerRequest / ceilingCpu).toFixed(1) : "?", ceilingCpu, run.requests, run.unexpected,
      run.residentMb, memoryTargetMb, run.residentMb < memoryTargetMb ? "met" : "NOT MET",
    );
    console.table(run.pages.map((p) => ({ page: p.page, method: p.method, requests: p.count, "p50 ms": p.p50, "p99 ms": p.p99 })));
  }
  console.log("\nPortal memory after every run: %d MB", memoryAfterAllMb);
  console.log(
    "\nDelivery: %d jobs (emails to a local SMTP server, webhooks to a local receiver) by one worker, the median of %d runs: %d jobs/s, %s (%d/s)\n",
    delivery.jobs, delivery.runs.length, delivery.jobsPerSecond, delivery.jobsPerSecond >= deliveryTarget ? "met" : "NOT MET", deliveryTarget,
  );
  console.table(weights.map((w) => ({ page: w.page, javascript: w.javascript ? "on" : "off", "total KB": (w.total / 1024).toFixed(1), "HTML KB": (w.html / 1024).toFixed(1), "CSS KB": (w.css / 1024).toFixed(1), "JS KB": (w.js / 1024).toFixed(1), "fonts KB": (w.fonts / 1024).toFixed(1), "images KB": (w.images / 1024).toFixed(1), "JS target": w.javascript ? `${w.js <= javaScriptTargetBytes ? "met" : "NOT MET"} (${javaScriptTargetBytes / 1024} KB)` : "" })));

  console.log("\nLighthouse %s, mobile (simulated slow 4G, 4x CPU slowdown): the median of %d runs a page (TBT: the median run's, and the range)\n", lighthouseVersion, lighthouseRuns);
  const lighthouseMet = (l: LighthouseFigures) =>
    l.score >= lighthouseTargets.score && l.largestContentfulPaintMs <= lighthouseTargets.largestContentfulPaintMs && l.totalBlockingTimeMs < lighthouseTargets.totalBlockingTimeMs && l.cumulativeLayoutShift <= lighthouseTargets.cumulativeLayoutShift;
  console.table(lighthouse.map((l) => ({
    page: l.page,
    score: l.score,
    "FCP ms": l.firstContentfulPaintMs,
    "LCP ms": l.largestContentfulPaintMs,
    "TBT ms": `${l.totalBlockingTimeMs} (${l.totalBlockingTimeRangeMs[0]}–${l.totalBlockingTimeRangeMs[1]})`,
    CLS: l.cumulativeLayoutShift,
    "speed index ms": l.speedIndexMs,
    "runs tried again": l.failedRuns,
    target: `${lighthouseMet(l) ? "met" : "NOT MET"} (score ≥ ${lighthouseTargets.score}, LCP ≤ ${lighthouseTargets.largestContentfulPaintMs} ms, TBT < ${lighthouseTargets.totalBlockingTimeMs} ms, CLS ${lighthouseTargets.cumulativeLayoutShift})`,
  })));

  const broken: string[] = [];
  for (const page of new Set(weights.map((w) => w.page))) {
    const off = weights.find((w) => w.page === page && !w.javascript)!;
    const on = weights.find((w) => w.page === page && w.javascript)!;
    if (off.total > budgets.noJsBytes) broken.push(`${page}: ${(off.total / 1024).toFixed(1)} KB with JavaScript off (budget ${budgets.noJsBytes / 1024} KB)`);
    if (on.total - off.total > budgets.extraJsBytes) broken.push(`${page}: ${((on.total - off.total) / 1024).toFixed(1)} KB more with JavaScript on (budget ${budgets.extraJsBytes / 1024} KB)`);
  }
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), database: engine, rounds, durationSeconds, connections, http: results, journeys, memoryAfterAllMb, memoryTargetMb, targets, deliveryTarget, delivery, pageWeight: weights, budgets, lighthouse, lighthouseTargets, broken }, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
  if (broken.length) {
    console.error(`\nPage-weight budgets broken:\n  ${broken.join("\n  ")}`);
    return 1;
  }
  console.log("All page-weight budgets met.");
  return 0;
}

interface DeliveryFigures {
  jobs: number;
  ms: number;
  jobsPerSecond: number;
}

/** The median of a run per round, each on a fresh database and outbox. */
async function measureDelivery(): Promise<DeliveryFigures & { runs: DeliveryFigures[] }> {
  const runs: DeliveryFigures[] = [];
  for (let round = 0; round < rounds; round++) runs.push(await measureDeliveryOnce());
  return { ...medianBy(runs, (run) => run.jobsPerSecond).median, runs };
}

const peerAddresses = z.object({ smtpUrl: z.string().url(), webhookUrl: z.string().url() });
const peerCounts = z.object({ emails: z.number().int(), webhooks: z.number().int() });

/** The mail server and webhook receiver in a process of their own (bench/peers.ts), as they are in a deployment. */
async function startPeers(secret: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register-glob.mjs", "bench/peers.ts", secret], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bench/peers.ts exited with ${code}`));
      child.once("exit", onExit);
      lines.once("line", (line) => {
        child.off("exit", onExit);
        resolve(line);
      });
    });
  const addresses = peerAddresses.parse(JSON.parse(await next()));
  return {
    ...addresses,
    counts: async () => {
      const answer = next();
      child.stdin!.write("counts\n");
      return peerCounts.parse(JSON.parse(await answer));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}

async function measureDeliveryOnce(): Promise<DeliveryFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-delivery-"));
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const peers = await startPeers(secret);
  try {
    const database = await createTestDatabase(engine, dir);
    try {
      const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: database.url, SMTP_URL: peers.smtpUrl, WEBHOOK_URL: peers.webhookUrl, WEBHOOK_SECRET: secret }, () => {});
      const services = await createServices(config);
      try {
        // Each of these submissions makes 4 jobs: the team, accessible communications, the acknowledgement and a webhook.
        const submissions = 250;
        const answers = { ...fullAnswers, "reply-format": { format: "large-print" } };
        for (let i = 0; i < submissions; i++) await storeJourneySubmission(services, { journey: complaintJourney, answers, language: "en", runId: randomUUID(), today: "2026-11-26" });
        // The complaints manager's daily digest (a working day from 07:00) is not one of the jobs being measured.
        const worker = new DeliveryWorker(workerDeps(services, createMailTransport(config), { log: () => {}, retention: undefined }), { digestHour: null });
        try {
          const started = performance.now();
          const jobs = await worker.runOnce();
          const ms = Math.round(performance.now() - started);
          // Counted as delivered only when the peers have it: three emails and one webhook for each submission.
          const received = await peers.counts();
          if (received.emails !== 3 * submissions || received.webhooks !== submissions) throw new Error(`delivery: the peers received ${received.emails} emails and ${received.webhooks} webhooks`);
          return { jobs, ms, jobsPerSecond: Math.round((jobs / ms) * 1000) };
        } finally {
          await worker.stop();
        }
      } finally {
        await services.db.close();
      }
    } finally {
      await database.drop();
    }
  } finally {
    await peers.stop();
  }
}

interface PageWeight {
  page: string;
  javascript: boolean;
  total: number;
  html: number;
  css: number;
  js: number;
  fonts: number;
  images: number;
}

const lighthouseReport = z.object({
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    interactive: z.object({ numericValue: z.number() }),
    "first-contentful-paint": z.object({ numericValue: z.number() }),
    "largest-contentful-paint": z.object({ numericValue: z.number() }),
    "total-blocking-time": z.object({ numericValue: z.number() }),
    "cumulative-layout-shift": z.object({ numericValue: z.number() }),
    "speed-index": z.object({ numericValue: z.number() }),
  }),
});

interface LighthouseFigures {
  page: string;
  /** Lighthouse runs on the page; the figures are the median run's, the range is across them all. */
  runs: number;
  /** Runs Lighthouse failed to record and that were tried again. */
  failedRuns: number;
  totalBlockingTimeRangeMs: [number, number];
  score: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
}

/**
 * Lighthouse runs on each page. One run's total blocking time moves a lot with the machine (on one quiet machine, the
 * same build gave 3 to 81 ms in five runs), so the verdict is on the median run, chosen as Lighthouse itself chooses
 * it (`computeMedianRun`: the run nearest the median first paint and time to interactive).
 */
const lighthouseRuns = Math.max(1, Math.round(Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)) || 1);
/** Runs of a page Lighthouse may fail to record before the bench gives up. */
const lighthouseRetries = 2;

/** Lighthouse 12 in its default mobile setting (simulated slow 4G, 4x CPU slowdown), on Debian's Chromium. */
async function lighthouseOf(page: string, url: string): Promise<LighthouseFigures> {
  const reports: z.infer<typeof lighthouseReport>[] = [];
  let failedRuns = 0;
  while (reports.length < lighthouseRuns) {
    try {
      reports.push(await lighthouseRun(url));
    } catch (error) {
      // Lighthouse itself sometimes fails to record a load on a busy machine (NO_NAVSTART): that run is tried again,
      // and counted, rather than losing every figure the bench has measured so far.
      if (++failedRuns > lighthouseRetries) throw error;
      console.error(`${String(error)}: trying again (${failedRuns} of ${lighthouseRetries})`);
    }
  }
  const report = computeMedianRun(reports as unknown as Parameters<typeof computeMedianRun>[0]) as unknown as z.infer<typeof lighthouseReport>;
  const blocking = reports.map((each) => Math.round(each.audits["total-blocking-time"].numericValue));
  return {
    page,
    runs: reports.length,
    failedRuns,
    totalBlockingTimeRangeMs: [Math.min(...blocking), Math.max(...blocking)],
    score: report.categories.performance.score ?? 0,
    firstContentfulPaintMs: Math.round(report.audits["first-contentful-paint"].numericValue),
    largestContentfulPaintMs: Math.round(report.audits["largest-contentful-paint"].numericValue),
    totalBlockingTimeMs: Math.round(report.audits["total-blocking-time"].numericValue),
    cumulativeLayoutShift: Number(report.audits["cumulative-layout-shift"].numericValue.toFixed(3)),
    speedIndexMs: Math.round(report.audits["speed-index"].numericValue),
  };
}

async function lighthouseRun(url: string): Promise<z.infer<typeof lighthouseReport>> {
  const child = spawn(
    path.resolve("node_modules/.bin/lighthouse"),
    [url, "--output=json", "--output-path=stdout", "--quiet", "--only-categories=performance", `--chrome-flags=--headless=new ${chromiumArgs.join(" ")}`],
    { env: { ...process.env, CHROME_PATH: chromiumPath }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const chunks: Buffer[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk));
  // "close", not "exit": the process may exit before its report has all been read from its output.
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`Lighthouse exited with ${code} on ${url}`);
  return lighthouseReport.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
}

const pagesMeasured = [["start page", "/"], ["question page", "/complaint/service"]] as const;

/**
 * In a browser, on a portal of its own: bytes on the wire (compressed) for a first visit as Chromium reports them,
 * and Lighthouse's mobile measure of the same pages.
 */
async function measureInBrowser(): Promise<{ weights: PageWeight[]; lighthouse: LighthouseFigures[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-bench-weight-"));
  const port = 3900 + Math.floor(Math.random() * 90);
  const database = await createTestDatabase(engine, dir);
  const portal = spawn(process.execPath, [...serverNodeFlags, "build/server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dir, DATABASE_URL: database.url, WORKER_ENABLED: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const weights: PageWeight[] = [];
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    for (const [label, url] of pagesMeasured) {
      for (const javascript of [false, true]) {
        const context = await browser.newContext({ javaScriptEnabled: javascript });
        const page = await context.newPage();
        const responses: Promise<{ type: string; bytes: number }>[] = [];
        page.on("requestfinished", (request) => {
          responses.push(request.sizes().then((sizes) => ({ type: request.resourceType(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })));
        });
        await page.goto(`http://127.0.0.1:${port}${url}`, { waitUntil: "networkidle" });
        const all = await Promise.all(responses);
        const sum = (types: string[]) => all.filter((r) => types.includes(r.type)).reduce((total, r) => total + r.bytes, 0);
        weights.push({
          page: label,
          javascript,
          total: all.reduce((total, r) => total + r.bytes, 0),
          html: sum(["document"]),
          css: sum(["stylesheet"]),
          js: sum(["script", "fetch", "xhr"]),
          fonts: sum(["font"]),
          images: sum(["image"]),
        });
        await context.close();
      }
    }
    await browser.close();
    const lighthouse: LighthouseFigures[] = [];
    for (const [label, url] of pagesMeasured) lighthouse.push(await lighthouseOf(label, `http://127.0.0.1:${port}${url}`));
    return { weights, lighthouse };
  } finally {
    await browser.close();
    portal.kill("SIGTERM");
    await new Promise((resolve) => portal.once("exit", resolve));
    await database.drop();
  }
}

// PostgreSQL runs for real: a throwaway cluster on loopback unless TEST_POSTGRES_URL names one.
const cluster = engine === "postgres" && !process.env.TEST_POSTGRES_URL ? await new PostgresCluster().start() : null;
if (cluster) process.env.TEST_POSTGRES_URL = cluster.url;
try {
  process.exitCode = await main();
} finally {
  cluster?.destroy();
}
