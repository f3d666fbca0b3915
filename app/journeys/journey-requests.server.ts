// The request handling every journey shares: find the journey and the person's place in it, save answers,
// and send them to the right page. Routes stay thin; journeys stay data.
import { randomUUID } from "node:crypto";
import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { londonDate } from "~/working-days";
import type { LoadedSession } from "~/services/session-store.server";
import { journeyById } from "./journeys";
import { refuseForgery } from "./forgery.server";
import { allFields, walkJourney, type FormFields, type JourneyPosition } from "./journey-engine";
import type { Journey } from "./journey-types";
import type { JourneyState } from "./session-data";

export interface JourneyRequest {
  journey: Journey;
  session: LoadedSession;
  state: JourneyState;
  position: JourneyPosition;
  today: string;
}

export function notFound(): never {
  throw new Response(null, { status: 404 });
}

export function journeyOrNotFound(id: string | undefined): Journey {
  return journeyById(id) ?? notFound();
}

const fromProgress = { name: "from", value: "progress" } as const;

/** A journey's first page as the page about a complaint links to it (asking for the next stage). */
export function journeyStartFromProgress(journey: Journey): string {
  return `/${journey.id}/${journey.firstPage}?${fromProgress.name}=${fromProgress.value}`;
}

export function freshJourneyState(): JourneyState {
  return { runId: randomUUID(), answers: {}, startedAt: Date.now() };
}

/** The flash's page for what was written on a page sent after the time was up (shown by routes/answers-deleted.tsx). */
export const deletedPage = "answers-deleted";

/** What was written in a page's text boxes, by field name: only words the person typed, never choices or tokens. */
function writtenOn(journey: Journey, path: string, form: FormFields): Record<string, string> {
  const page = journey.pages.find((each) => `/${journey.id}/${each.id}` === path);
  const written: Record<string, string> = {};
  for (const field of page ? allFields(page.fields) : []) {
    const value = field.kind === "text" || field.kind === "textarea" ? form.get(field.name) : null;
    if (typeof value === "string" && value.trim()) written[field.name] = value;
  }
  return written;
}

/**
 * Loads the person's session for a journey page. A session that timed out sends them to
 * "Your answers have been deleted" rather than silently starting again, except from the link on the page about a
 * complaint (below). For a post, `form` is checked for forgery before the journey's state is read, since a post from
 * another tab may follow its session to a new id.
 */
export async function loadJourneyRequest(context: AppLoadContext, request: Request, journeyId: string | undefined, form?: FormFields): Promise<JourneyRequest> {
  const journey = journeyOrNotFound(journeyId);
  const session = context.session ?? (await context.services.sessions.load(request));
  // The link from the page about a complaint is followed once and never kept: its mark is taken off the address at
  // once, so that going back to the page, or reloading it, later is an ordinary visit.
  const url = new URL(request.url);
  const followedFromProgress = !form && url.searchParams.get(fromProgress.name) === fromProgress.value;
  if (session.expired) {
    const cookie = await context.services.sessions.destroy(session);
    // That page had closed (it closes when the session does): the person typed nothing into this journey from
    // there, so it starts afresh rather than telling them their answers were deleted.
    if (followedFromProgress) throw redirect(url.pathname, { status: 303, headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
    // A page sent after the time was up (without JavaScript there is no warning): what was written on it is shown
    // once on the page that says the answers were deleted, to copy before starting again, not lost with the rest.
    const written = form ? writtenOn(journey, url.pathname, form) : {};
    if (Object.keys(written).length) {
      const fresh = await context.services.sessions.loadFromCookieHeader(null);
      fresh.data.flash = { journey: journey.id, page: deletedPage, values: written, errors: [] };
      const kept = await context.services.sessions.save(fresh);
      throw redirect(`/answers-deleted?from=${journey.id}`, { status: 303, headers: { "Set-Cookie": kept ?? cookie, "Cache-Control": "no-store" } });
    }
    throw redirect(`/answers-deleted?from=${journey.id}`, { headers: { "Set-Cookie": cookie } });
  }
  if (followedFromProgress) throw redirect(url.pathname, { status: 303, headers: { "Cache-Control": "no-store" } });
  if (form) await refuseForgery(context, request, session, form);
  const state = session.data.journeys[journey.id] ?? freshJourneyState();
  const today = londonDate(new Date());
  return { journey, session, state, position: walkJourney(journey, state.answers, { today }), today };
}

/** Saves the session and returns headers that carry the cookie when a new session began. */
export async function saveSession(context: AppLoadContext, session: LoadedSession, headers: Headers = new Headers()): Promise<Headers> {
  const cookie = await context.services.sessions.save(session);
  if (cookie) headers.append("Set-Cookie", cookie);
  headers.set("Cache-Control", "no-store");
  return headers;
}

export async function redirectSaving(context: AppLoadContext, session: LoadedSession, to: string): Promise<never> {
  throw redirect(to, { status: 303, headers: await saveSession(context, session) });
}

export function pageUrl(journey: Journey, page: string | null, change = false): string {
  if (page === null) return `/${journey.id}/check-answers`;
  return `/${journey.id}/${page}${change ? "?change=1" : ""}`;
}
