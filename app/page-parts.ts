// Parts of a page whose scripts only the pages that have them fetch (docs/decisions/053). A part marks its element
// with its `marker`; the page's route renders it through `usePart`, and the browser fetches the script of each part
// on the page before it hydrates, alongside the page's own: if it cannot be fetched, the page stays as the server
// sent it, working as it does without JavaScript, rather than failing to the error page.
import { evidencePartMarker } from "./journeys/evidence-form";

export interface PagePart<M> {
  readonly marker: string;
  /** Fetches the part's script, once. */
  load(): Promise<M>;
  /** The part's module once fetched, for a render that must not wait (hydration, once the script is in). */
  loaded(): M | undefined;
  /** Why the script could not be fetched, once it could not. */
  failure(): { error: unknown } | undefined;
}

export function pagePart<M>(marker: string, fetch: () => Promise<M>): PagePart<M> {
  let module: M | undefined;
  let failure: { error: unknown } | undefined;
  let loading: Promise<M> | undefined;
  return {
    marker,
    load: () =>
      (loading ??= fetch().then(
        (fetched) => (module = fetched),
        (error: unknown) => {
          failure = { error };
          throw error;
        },
      )),
    loaded: () => module,
    failure: () => failure,
  };
}

export const pageParts = {
  /** The evidence page's upload: GOV.UK's file upload, the files added so far, a send's progress. */
  evidenceQuestion: pagePart(evidencePartMarker, () => import("./components/journey/evidence-question")),
} as const;

/**
 * A part's module in a render: at once when its script is in (so hydrating the page never waits, or suspends, for
 * it), or the render waits for it (React's Suspense: a page reached by a link, or the server's first render). The
 * render waits on a promise that always settles well, and looks again: fetched, or failed.
 */
export function usePart<M>(part: PagePart<M>): M {
  const module = part.loaded();
  if (module !== undefined) return module;
  // A script that could not be fetched is an error for the page's error boundary, not a wait without end.
  const failed = part.failure();
  if (failed) throw failed.error;
  throw part.load().catch(() => undefined);
}

/** Fetches the scripts of the parts on the page in the browser (`document`), before it is hydrated. */
export async function loadPagePartsOf(document: Document): Promise<void> {
  await Promise.all(Object.values(pageParts).map((part) => (document.querySelector(`[${part.marker}]`) ? part.load() : undefined)));
}
