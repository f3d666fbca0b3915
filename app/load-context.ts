// What the Express server hands every loader and action: the services made once at start, and per-request facts.
import type { Language } from "./i18n";
import type { Services } from "./services/services.server";

export interface PortalLoadContext {
  services: Services;
  language: Language;
  nonce: string;
  requestId: string;
  /** Set when a loader or action failed because the database could not be reached: the page is then a 503. */
  databaseUnavailable?: boolean;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
