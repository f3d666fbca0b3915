// Only the govuk-frontend components the portal uses, so the browser downloads no more than it runs.
// Service navigation's script only toggles a mobile menu, and ours has no menu items, so it is left out.
import { Button, CharacterCount, Checkboxes, createAll, ErrorSummary, ExitThisPage, Radios, SkipLink } from "govuk-frontend";

const components = [Button, CharacterCount, Checkboxes, ErrorSummary, ExitThisPage, Radios, SkipLink];

const options = {
  onError: (error: unknown) => {
    if ((error as Error).name !== "InitError") console.error(error);
  },
};

/**
 * Sets up components on the page; ones already set up on an earlier run are left alone. The enhanced file upload
 * is on one page only (evidence), so its script is fetched only when a page has it.
 */
export function initGovukFrontend(): void {
  for (const Component of components) createAll(Component, undefined, options);
  if (document.querySelector('[data-module="govuk-file-upload"]')) {
    void import("govuk-frontend").then(({ FileUpload }) => createAll(FileUpload, undefined, options));
  }
}
