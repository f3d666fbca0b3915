// What the root route's loader gives every page: its own module, so components that read it do not import the
// root route (which imports them).
import { useRouteLoaderData } from "@remix-run/react";
import type { PublicCouncilSettings } from "./config/council-schema";
import type { Language } from "./i18n";

export interface RootData {
  /** The error pages' titles, by the kind of page (errorPageKind in error-page.tsx). */
  errorTitles: Record<"notFound" | "problem", string>;
  language: Language;
  council: PublicCouncilSettings;
  idleMinutes: number;
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}
