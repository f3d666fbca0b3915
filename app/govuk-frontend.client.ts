// Only the govuk-frontend components the portal uses, so the browser downloads no more than it runs.
// Service navigation's script only toggles a mobile menu, and ours has no menu items, so it is left out.
// All of them are in the one shared script (docs/decisions/032), the character count's and the file upload's too,
// though only some pages have those: fetched on their own, each would cost those pages one more request and more
// bytes than it saves the others (their shared code would come twice), and the shared script is fetched once a visit.
import { Button, CharacterCount, Checkboxes, createAll, ErrorSummary, ExitThisPage, FileUpload, Radios, SkipLink } from "govuk-frontend";

const components = [Button, CharacterCount, Checkboxes, ErrorSummary, ExitThisPage, FileUpload, Radios, SkipLink];

const options = {
  onError: (error: unknown) => {
    if ((error as Error).name !== "InitError") console.error(error);
  },
};

/** Sets up components on the page; ones already set up on an earlier run are left alone. */
export function initGovukFrontend(): void {
  for (const Component of components) createAll(Component, undefined, options);
}
