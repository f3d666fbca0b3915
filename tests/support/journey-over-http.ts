// Walks a journey over plain HTTP as a browser without JavaScript does: GET each question page, post its
// answers with the form's hidden fields, follow the redirect, and send from check answers. Each request may go
// to a different instance, as behind a load balancer; the session cookie is the only thing carried along.
import type { JourneyAnswers } from "../../app/journeys/session-data";

/** The hidden fields of every form on a page, as a browser would send them. */
export function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map(([tag]) => [/name="([^"]+)"/.exec(tag)?.[1] ?? "", (/value="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&amp;", "&")]);
}

/** A form's body: its hidden fields, then the given answers (a list is sent as repeated fields). */
export function formBody(hidden: [string, string][], fields: Record<string, unknown> = {}): URLSearchParams {
  const body = new URLSearchParams(hidden);
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, String(item));
  }
  return body;
}

export class HttpJourney {
  private cookie = "";
  private turn = 0;

  constructor(private readonly bases: readonly string[]) {}

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const base = this.bases[this.turn++ % this.bases.length]!;
    const response = await fetch(`${base}${url}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: this.cookie } });
    const set = response.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return response;
  }

  /**
   * Answers every question it is shown from `answers` (by page id, as a persona gives them) and sends; returns the
   * reference on the confirmation page. `minimumMs`: the send waits until the journey is that old, as the portal
   * quietly drops (while showing a confirmation) a send faster than a person could manage (BOT_MIN_SECONDS).
   */
  async send(journey: string, answers: JourneyAnswers, { minimumMs = 0 }: { minimumMs?: number } = {}): Promise<string> {
    // The portal times the run from when it made it (at the latest, while answering the first post): count from
    // the first post's answer, so a slow first page on a busy machine cannot make the send look too fast.
    let started = Number.POSITIVE_INFINITY;
    let url = `/${journey}/${Object.keys(answers)[0]}`;
    for (let step = 0; step < 40; step++) {
      const page = await this.request(url);
      if (page.status === 302 || page.status === 303) {
        url = page.headers.get("location")!;
        continue;
      }
      if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}`);
      const html = await page.text();
      const slug = url.split("?")[0]!.split("/").pop()!;
      if (slug === "confirmation") {
        const reference = /<strong>(?:<span[^>]*>)?([A-Z0-9-]{6,})</.exec(html)?.[1];
        if (!reference) throw new Error("No reference on the confirmation page");
        return reference;
      }
      if (slug === "check-answers" && Date.now() - started < minimumMs) await new Promise((resolve) => setTimeout(resolve, minimumMs - (Date.now() - started)));
      // A page with no answers given is sent empty, as a person skipping an optional question does.
      const fields = slug === "check-answers" ? {} : (answers[slug] ?? {});
      const posted = await this.request(url, { method: "POST", body: formBody(hiddenFields(html), fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
      if (posted.status !== 303) throw new Error(`POST ${url} answered ${posted.status}`);
      started = Math.min(started, Date.now());
      url = posted.headers.get("location")!;
    }
    throw new Error("The journey did not end in 40 steps");
  }
}
