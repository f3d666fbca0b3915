// Only the govuk-frontend components the portal uses, so the browser downloads no more than it runs.
// Service navigation's script only toggles a mobile menu, and ours has no menu items, so it is left out.
// The components most pages have are in the one shared script (docs/decisions/032); the character count and the file
// upload, on a few pages only and about 3 KB compressed between them, are fetched by the pages that have them
// (docs/decisions/042).
import { Button, Checkboxes, createAll, ErrorSummary, ExitThisPage, Radios, SkipLink } from "govuk-frontend";

const options = {
  onError: (error: unknown) => {
    if ((error as Error).name !== "InitError") console.error(error);
  },
};

type Component = Parameters<typeof createAll>[0];

const everyPage: Component[] = [Button, Checkboxes, ErrorSummary, ExitThisPage, Radios];

/** The modules of the components fetched only by the pages that have them. */
const fetchedWhenOnThePage = ['[data-module="govuk-character-count"]', '[data-module="govuk-file-upload"]'].join(", ");

/**
 * Sets up components on the page; ones already set up on an earlier run are left alone. The skip link is set up
 * last, once everything else on the page is: its mark (`data-govuk-skip-link-init`) says the page is enhanced.
 */
export async function initGovukFrontend(): Promise<void> {
  for (const Component of everyPage) createAll(Component, undefined, options);
  if (document.querySelector(fetchedWhenOnThePage)) {
    try {
      const { CharacterCount, FileUpload } = await import("./govuk-frontend-fields.client");
      for (const Component of [CharacterCount, FileUpload]) createAll(Component, undefined, options);
    } catch (error) {
      // Not fetched (the connection lost): the fields work as they do without JavaScript.
      console.error(error);
    }
  }
  createAll(SkipLink, undefined, options);
}
