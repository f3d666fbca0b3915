// Parts of a page whose scripts only the pages that have them fetch (docs/decisions/053). A part marks its element
// with its `marker`; the page's route renders it through React.lazy with `load`, and the browser fetches the script
// of each part on the page before it hydrates, alongside the page's own: if it cannot be fetched, the page stays as
// the server sent it, working as it does without JavaScript, rather than failing to the error page.
import { evidencePartMarker } from "./journeys/evidence-form";

export const pageParts = {
  /** The evidence page's upload: GOV.UK's file upload, the files added so far, a send's progress. */
  evidenceQuestion: { marker: evidencePartMarker, load: () => import("./components/journey/evidence-question") },
} as const;

/** Fetches the scripts of the parts on the page in the browser (`document`), before it is hydrated. */
export async function loadPagePartsOf(document: Document): Promise<void> {
  await Promise.all(Object.values(pageParts).map((part) => (document.querySelector(`[${part.marker}]`) ? part.load() : undefined)));
}
