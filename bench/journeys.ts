// The traffic that matters (issue 17, items 1 and 6): many people, each completing a whole complaint with their own
// answers (the test personas, with their own names and words), page by page as a browser without JavaScript does:
// GET the page, POST its answers with the form's hidden fields, follow the 303, and send from check answers. Nothing
// they see has been seen before, so nearly every page is rendered afresh. Reports complete journeys a second, CPU
// per journey and per request, the portal's resident memory after the run, and p50/p99 per page.
import { readFileSync } from "node:fs";
import { journeyById } from "../app/journeys/journeys";
import { answerJourney } from "../tests/support/answer-journey";
import { londonToday, personas } from "../tests/support/personas";

export interface JourneyFigures {
  people: number;
  concurrent: number;
  journeysPerSecond: number;
  requests: number;
  cpuMsPerJourney: number;
  cpuMsPerRequest: number;
  unexpected: number;
  residentMb: number;
  pages: { page: string; method: string; count: number; p50: number; p99: number }[];
}

function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map(([tag]) => [/name="([^"]+)"/.exec(tag)?.[1] ?? "", (/value="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&amp;", "&")]);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;

/** Resident memory of a process, in MB, from /proc. */
export function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:")) ?? "VmRSS: 0 kB";
  return Math.round(Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024);
}

/** One person's complaint, start to confirmation; each request's time is added to `timings` by page and method. */
async function onePerson(base: string, tag: string, timings: Map<string, number[]>): Promise<{ requests: number; unexpected: number }> {
  const journey = journeyById("complaint")!;
  const { answers } = answerJourney(journey, personas({ tag }).parent, londonToday());
  let cookie = "";
  let requests = 0;
  let unexpected = 0;
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie } });
    const body = await response.text();
    const key = `${init.method ?? "GET"} ${url.split("?")[0]!.split("/").pop()}`;
    (timings.get(key) ?? timings.set(key, []).get(key)!).push(performance.now() - started);
    requests++;
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    return new Response(body, { status: response.status, headers: response.headers });
  };
  let url = `/complaint/${journey.firstPage}`;
  for (let step = 0; step < 60; step++) {
    const page = await request(url);
    if (page.status === 302 || page.status === 303) {
      url = page.headers.get("location")!;
      continue;
    }
    if (page.status !== 200) {
      unexpected++;
      break;
    }
    const slug = url.split("?")[0]!.split("/").pop()!;
    if (slug === "confirmation") return { requests, unexpected };
    const body = new URLSearchParams(hiddenFields(await page.text()));
    if (slug !== "check-answers") for (const [name, value] of Object.entries(answers[slug] ?? {})) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    const posted = await request(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const next = posted.headers.get("location");
    if (posted.status !== 303 || !next || next === url || next.startsWith("/refused")) {
      unexpected++;
      break;
    }
    url = next;
  }
  return { requests, unexpected: unexpected || 1 };
}

/** `people` complaints, `concurrent` at a time, against the portal at `base` whose process is `pid`. */
export async function measureJourneys(base: string, pid: number, cpuMs: (pid: number) => number, { people = 50, concurrent = 10 } = {}): Promise<JourneyFigures> {
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
        const result = await onePerson(base, `bench${stamp}p${person}`, timings);
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
    people,
    concurrent,
    journeysPerSecond: Number((people / seconds).toFixed(2)),
    requests,
    cpuMsPerJourney: Number((used / people).toFixed(1)),
    cpuMsPerRequest: Number((used / Math.max(1, requests)).toFixed(3)),
    unexpected,
    residentMb: residentMb(pid),
    pages,
  };
}
