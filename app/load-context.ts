// What the Express server hands every loader and action: the services made once at start, and per-request facts.
import type { Language } from "./i18n";
import type { Services } from "./services/services.server";
import type { LoadedSession } from "./services/session-store.server";

export interface PortalLoadContext {
  services: Services;
  language: Language;
  nonce: string;
  requestId: string;
  /** A post's body, read once by the server; routes read it with readForm (the request itself carries none). */
  body?: Buffer;
  /** The post's body was over the limit and was not read: the route refuses it. */
  bodyTooLarge?: boolean;
  /** The session, when the page cache has already read it for this request. */
  session?: LoadedSession;
  /** Set when a loader or action failed because the database could not be reached: the page is then a 503. */
  databaseUnavailable?: boolean;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
