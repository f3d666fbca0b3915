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

const everyPage: Component[] = [ExitThisPage, ErrorSummary, Radios, Checkboxes, Button, SkipLink];

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const characterCountModule = '[data-module="govuk-character-count"]';
const fileUploadModule = '[data-module="govuk-file-upload"]';

/** Marks the page (its width container, made afresh for each page) once GOV.UK Frontend has set all of it up. */
const enhancedMark = "data-portal-enhanced";

/**
 * Sets up components on the page; ones already set up on an earlier run are left alone. When everything on the page
 * is set up, the page's width container gets `enhancedMark`: after a fetch for the character count or file upload
 * that can be a round trip after hydration.
 */
export async function initGovukFrontend(): Promise<void> {
  // The page's own width container, not the header's (which has the class too, and stays from page to page).
  const page = document.querySelector("body > .govuk-width-container");
  if (page && !page.hasAttribute(enhancedMark)) {
    // A page made afresh. GOV.UK Frontend listens for Exit this page's Shift presses once a document, for the first
    // button it sets up: this page's button must listen for them itself. The skip link stays from page to page, but is
    // bound to the main content it found when it was set up, which this page replaces: it is set up again for this one.
    delete document.body.dataset.govukFrontendExitThisPageKeypress;
    document.querySelector(".govuk-skip-link")?.removeAttribute("data-govuk-skip-link-init");
  }
  // A component a task, after the task that hydrated the page: together they were one long task on a slow phone
  // (Lighthouse's total blocking time), in which a tap waits. Exit this page comes first.
  for (const Component of everyPage) {
    await nextTask();
    createAll(Component, undefined, options);
  }
  if (document.querySelector(`${characterCountModule}, ${fileUploadModule}`)) {
    try {
      const { CharacterCount, FileUpload } = await import("./govuk-frontend-fields.client");
      for (const Component of [CharacterCount, FileUpload]) createAll(Component, undefined, options);
      // A file chosen before the upload field was set up: its status says so (GOV.UK Frontend's own drop does this).
      for (const input of document.querySelectorAll<HTMLInputElement>(`${fileUploadModule} input[type="file"]`)) {
        if (input.files?.length) input.dispatchEvent(new CustomEvent("change"));
      }
    } catch (error) {
      // Not fetched (the connection lost): the fields work as they do without JavaScript. The browser remembers a
      // module that failed, so they stay that way until the page is loaded afresh.
      console.error(error);
    }
  }
  page?.setAttribute(enhancedMark, "");
}
