// What the Express server hands every loader and action: the services made once at start, and per-request facts.
import type { LocalCouncil } from "./config/council-schema";
import type { UploadResult } from "./evidence/upload.server";
import type { Language } from "./i18n";
import type { Refusal } from "./journeys/forgery.server";
import type { Services } from "./services/services.server";
import type { LoadedSession } from "./services/session-store.server";

export interface PortalLoadContext {
  services: Services;
  language: Language;
  /** The council's settings in this request's language. */
  council: LocalCouncil;
  nonce: string;
  requestId: string;
  /** The client's address (as TRUST_PROXY says to read it), for per-client limits. Never logged. */
  clientAddress: string;
  /** The route pattern the request matched ("/:journey/:page"), for logs: never the path itself. */
  route: string;
  /** A post's body, read once by the server; routes read it with readForm (the request itself carries none). */
  body?: Buffer;
  /**
   * A post the server refused before its route ran (a body over the limit, or, for a post sent with JavaScript,
   * a forgery or the rate limit): the route's readForm refuses it, so Remix carries the redirect to the page.
   */
  refusal?: Refusal;
  /** An evidence upload the server has streamed, checked, scanned and stored before the page's action runs. */
  evidenceUpload?: UploadResult;
  /** The session, when the page cache has already read it for this request. */
  session?: LoadedSession;
  /** Set when a loader or action failed because the database could not be reached: the page is then a 503. */
  databaseUnavailable?: boolean;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
