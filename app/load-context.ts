// What the Express server hands every loader and action: the services made once at start, and per-request facts.
import type { Language } from "./i18n";
import type { Services } from "./services/services.server";

export interface PortalLoadContext {
  services: Services;
  language: Language;
  nonce: string;
  requestId: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
