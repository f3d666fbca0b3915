// The traffic that matters (issue 17, items 1 and 6): many people, each completing a whole complaint with their own
// answers (the test personas, with their own names and words), page by page, either as a browser without
// JavaScript does (GET the page, POST its answers with the form's hidden fields, follow the 303) or as one with
// JavaScript does (Remix's data requests: the post to `<page>.data`, then the next page's data).
// Nothing they see has been seen before, so nearly every page is rendered afresh. Reports complete journeys a
// second, CPU per journey and per request, the portal's resident memory after the run, and p50/p99 per page.
import { readFileSync } from "node:fs";
import { decode } from "turbo-stream";
import { reachFieldNames } from "../app/components/journey/reach-fields";
import type { JourneyAnswers } from "../app/journeys/session-data";
import { journeyById } from "../app/journeys/journeys";
import { answerJourney } from "../tests/support/answer-journey";
import { formBody, hiddenFields } from "../tests/support/journey-over-http";
import { londonToday, personas } from "../tests/support/personas";

export interface JourneyFigures {
  mode: JourneyMode;
  people: number;
  concurrent: number;
  journeysPerSecond: number;
  requests: number;
  cpuMsPerJourney: number;
  cpuMsPerRequest: number;
  unexpected: number;
  residentMb: number;
  pages: { page: string; method: string; count: number; p50: number; p99: number }[];
  /** The people who warmed the portal up before this run, when there were any. */
  warmUp?: { people: number; cpuMsPerRequest: number; unexpected: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;

/** Resident memory of a process, in MB, from /proc. */
export function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:")) ?? "VmRSS: 0 kB";
  return Math.round(Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024);
}

/** How a person's browser goes through the pages. */
export type JourneyMode = "no-js" | "js";

/** Decodes a Remix single-fetch body (turbo-stream), with the redirect Remix encodes for an action's 303. */
async function decodeData(response: Response): Promise<unknown> {
  const { value, done } = await decode(response.body!, {
    plugins: [(type: string, ...rest: unknown[]) => (type === "SingleFetchRedirect" ? { value: { singleFetchRedirect: rest[0] } } : undefined)],
  });
  await done;
  return value;
}

/** The first value under `key` anywhere in decoded loader data. */
function findValue(data: unknown, key: string): string | undefined {
  if (data === null || typeof data !== "object") return undefined;
  for (const [name, value] of Object.entries(data)) {
    if (name === key && typeof value === "string") return value;
    const found = findValue(value, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

type Request = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * One person's complaint, start to confirmation, as a browser without JavaScript goes: GET the page, POST its
 * answers with the form's hidden fields, follow the 303.
 */
async function withoutJavaScript(request: Request, firstUrl: string, answers: JourneyAnswers): Promise<boolean> {
  let url = firstUrl;
  for (let step = 0; step < 60; step++) {
    const page = await request(url);
    if (page.status === 302 || page.status === 303) {
      url = page.headers.get("location")!;
      continue;
    }
    if (page.status !== 200) return false;
    const slug = url.split("?")[0]!.split("/").pop()!;
    if (slug === "confirmation") return true;
    const body = formBody(hiddenFields(await page.text()), slug === "check-answers" ? {} : answers[slug]);
    const posted = await request(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const next = posted.headers.get("location");
    if (posted.status !== 303 || !next || next === url || next.startsWith("/refused")) return false;
    url = next;
  }
  return false;
}

/**
 * The same as a browser with JavaScript goes (Remix single fetch; the route manifest is a cached file, decision
 * 032): the first page as a document, then for each page the post to `<page>.data` (answered 202 with the
 * redirect in the body) and the next page's data from `<next>.data`, every loader revalidated. Scripts, styles and
 * the manifest file are static files, fetched once and cached, so they are not in the figures.
 */
async function withJavaScript(request: Request, firstUrl: string, answers: JourneyAnswers): Promise<boolean> {
  const first = await request(firstUrl);
  if (first.status !== 200) return false;
  const html = await first.text();
  const hidden = Object.fromEntries(hiddenFields(html));
  let csrf = hidden.csrf ?? "";
  let started = hidden.started;
  let url = firstUrl;
  for (let step = 0; step < 60; step++) {
    const slug = url.split("?")[0]!.split("/").pop()!;
    if (slug === "confirmation") return true;
    // Check answers also carries what the page's script fills in for the annual report: JavaScript ran, a phone's width.
    const sending = slug === "check-answers" ? { ...(started ? { started } : {}), [reachFieldNames.javascript]: "yes", [reachFieldNames.width]: "narrow" } : {};
    const fields = formBody(Object.entries({ csrf, ...sending }), slug === "check-answers" ? {} : answers[slug]);
    // The evidence page's form is multipart (it can carry files), as the browser sends it; the rest are URL-encoded.
    const multipart = slug === "evidence";
    const body = multipart ? toFormData(fields) : fields;
    const posted = await request(`${url}.data`, { method: "POST", body, headers: multipart ? {} : { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" } });
    if (posted.status !== 202) return false;
    // An action's redirect comes as { redirect, status, … } (a loader's is wrapped as a SingleFetchRedirect).
    const answered = (await decodeData(posted)) as { redirect?: unknown; singleFetchRedirect?: { redirect?: unknown } };
    const next = answered.redirect ?? answered.singleFetchRedirect?.redirect;
    if (typeof next !== "string") return false;
    if (next === url || next.startsWith("/refused")) return false;
    const data = await request(`${next}.data`);
    if (data.status !== 200) return false;
    const loaded = await decodeData(data);
    csrf = findValue(loaded, "csrf") ?? csrf;
    started = findValue(loaded, "started") ?? started;
    url = next;
  }
  return false;
}

function toFormData(fields: URLSearchParams): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/** One person's complaint, start to confirmation; each request's time is added to `timings` by page and method. */
async function onePerson(base: string, tag: string, mode: JourneyMode, timings: Map<string, number[]>): Promise<{ requests: number; unexpected: number }> {
  const journey = journeyById("complaint")!;
  const { answers } = answerJourney(journey, personas({ tag }).parent, londonToday());
  let cookie = "";
  let requests = 0;
  const request: Request = async (url, init = {}) => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie } });
    const body = await response.arrayBuffer();
    const path = url.split("?")[0]!;
    const key = `${init.method ?? "GET"} ${path.split("/").pop()}`;
    (timings.get(key) ?? timings.set(key, []).get(key)!).push(performance.now() - started);
    requests++;
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    return new Response(response.status === 204 ? null : body, { status: response.status, headers: response.headers });
  };
  const completed = await (mode === "js" ? withJavaScript : withoutJavaScript)(request, `/complaint/${journey.firstPage}`, answers);
  return { requests, unexpected: completed ? 0 : 1 };
}

/** `people` complaints, `concurrent` at a time, against the portal at `base` whose process is `pid`. */
export async function measureJourneys(base: string, pid: number, cpuMs: (pid: number) => number, { people = 50, concurrent = 10, mode = "no-js" as JourneyMode } = {}): Promise<JourneyFigures> {
  const timings = new Map<string, number[]>();
  const stamp = Date.now().toString(36);
  let next = 0;
  let requests = 0;
  let unexpected = 0;
  const before = cpuMs(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrent }, async () => {
      for (let person = next++; person < people; person = next++) {
        const result = await onePerson(base, `bench${stamp}${mode}p${person}`, mode, timings);
        requests += result.requests;
        unexpected += result.unexpected;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = cpuMs(pid) - before;
  const pages = [...timings].map(([key, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const [method, page] = key.split(" ") as [string, string];
    return { page, method, count: times.length, p50: Number(percentile(sorted, 0.5).toFixed(1)), p99: Number(percentile(sorted, 0.99).toFixed(1)) };
  });
  return {
    mode,
    people,
    concurrent,
    // Complete journeys only: one that went wrong stopped early and would flatter both figures.
    journeysPerSecond: Number(((people - unexpected) / seconds).toFixed(2)),
    requests,
    cpuMsPerJourney: Number((used / Math.max(1, people - unexpected)).toFixed(1)),
    cpuMsPerRequest: Number((used / Math.max(1, requests)).toFixed(3)),
    unexpected,
    residentMb: residentMb(pid),
    pages,
  };
}
