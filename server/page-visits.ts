// What each cacheable page is made from (see page-cache.ts). Kept beside the loaders' own reading of the same
// inputs: a question page's loader (app/routes/$journey.$page.tsx) reads only its journey's answers, the flash
// of a failed post, the address, the language, today's date and the case the session is looking at in "Check your
// complaint" (a reference it fills in), and any new input it reads must join the key here.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Request } from "express";
import { pageById } from "~/journeys/journey-engine";
import { journeyById } from "~/journeys/journeys";
import type { LanguageChoice } from "~/services/language.server";
import type { LoadedSession } from "~/services/session-store.server";
import type { Services } from "~/services/services.server";
import { openViewing } from "~/journeys/session-data";
import { londonDate } from "~/working-days";
import type { PageVisit } from "./page-cache";

/** The language a request is read in: from its `lng` parameter (Express's parsed query; a request without one, as
 * node:http hands it to the front door, has none), its cookie or its Accept-Language. */
export type LanguageOf = (req: { query?: Request["query"]; headers: IncomingHttpHeaders }) => LanguageChoice;

/** Pages that are the same for everyone who reads them in one language, read without a session. */
export function publicPageVisit(services: Services, paths: readonly string[], languageOf: LanguageOf) {
  const cacheable = new Set(paths);
  const sessionCookie = `${services.sessions.cookieName}=`;
  // Read from node:http's request as well as Express's (server/front-door.ts): the address as sent, which must be
  // one of the paths exactly, with no query string.
  return (req: { url?: string; headers: IncomingHttpHeaders }): PageVisit | null => {
    if (!cacheable.has(req.url ?? "") || req.headers.cookie?.includes(sessionCookie)) return null;
    const { language, setCookie } = languageOf(req);
    return setCookie ? null : { key: `${language} ${req.url}`, tokens: {} };
  };
}

/**
 * A question page, for a person part-way through its journey: their own copy, read again (a reload, Back, a change
 * link), is served from memory. A copy is never shared between sessions, even by people with the same answers:
 * how fast a page came back would tell a stranger whether someone else had given those answers (docs/decisions/017).
 * The day is in the key, since the route and date hints depend on it. A failed post's flash, a session that moved or
 * ended, or a sent journey is left to the loader, which changes the session in those cases.
 */
export function questionPageVisit(services: Services, languageOf: LanguageOf) {
  const sessionCookie = `${services.sessions.cookieName}=`;
  return async (req: Request, res: { locals: Record<string, unknown> }): Promise<PageVisit | null> => {
    const [, journeyId, pageId, extra] = req.path.split("/");
    const journey = journeyById(journeyId);
    const page = journey ? pageById(journey, pageId ?? "") : undefined;
    // The evidence page lists files kept in the database, not in the session: no copy could tell it had changed.
    if (!journey || extra !== undefined || !page || page.evidence) return null;
    if (req.url !== req.path && req.url !== `${req.path}?change=1`) return null;
    if (!req.headers.cookie?.includes(sessionCookie)) return null;
    const { language, setCookie } = languageOf(req);
    if (setCookie) return null;
    const session: LoadedSession = await services.sessions.loadFromCookieHeader(req.headers.cookie);
    // Read once: the loader takes this session rather than reading it again.
    res.locals.session = session;
    const state = session.data.journeys[journey.id];
    if (!session.id || session.expired || session.replacementCookie || session.data.flash || !state || state.submitted) return null;
    // The data as it was read (SessionStore.load keeps it), to tell whether the loader changed it.
    const before = session.stored?.json;
    // A page may fill in the case the session checked, while that is open: its copy is not the same once it closed.
    const viewed = openViewing(session.data.progress, Date.now())?.reference ?? "";
    const owner = createHash("sha256").update(session.id).update("\0").update(JSON.stringify(state.answers)).update("\0").update(viewed).digest("base64url");
    return {
      key: `${language} ${req.url} ${londonDate(new Date())} ${owner}`,
      tokens: { csrf: services.sessions.csrfToken(session) },
      // The loader saves the session on every view, which keeps it alive; unchanged, that is seldom a write.
      beforeServing: async () => {
        await services.sessions.save(session);
      },
      mayKeep: () => before !== undefined && JSON.stringify(session.data) === before,
    };
  };
}
