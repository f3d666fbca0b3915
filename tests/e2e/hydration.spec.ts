// A tap that arrives while React is still hydrating the page (a quick thumb on a slow phone) must do what it does
// with JavaScript off, and leave the page's scripts working: React once answered it with "root did not complete"
// (error 345) and stopped (docs/decisions/036).
import { expect, test, waitUntilEnhanced } from "./support/fixtures";
import { sendAnswers } from "./support/answer-as";
import { localeFilePath } from "./support/locale-files";
import { choose, completeQuickComplaint, continueOn, expectHeading, reachWhatHappened } from "./support/journey";

test.use({ javaScriptEnabled: true });

/**
 * Runs in the page at `path` from its first byte: as soon as React has taken the document for hydration, does what a
 * person might do once (taps the button, or link styled as one, named `tap`; or adds `type` to the textarea), and
 * notes in session storage whether GOV.UK Frontend had already been set up, which happens only after hydration.
 * Checked on every turn of the event loop, so the action lands between two of React's slices of work.
 */
function duringHydration({ path, tap, type }: { path: string; tap?: string; type?: string }) {
  if (location.pathname !== path) return;
  const tick = () => {
    if (Object.keys(document).some((key) => key.startsWith("__reactContainer$"))) {
      const button = [...document.querySelectorAll<HTMLElement>("button, [role=button]")].find((candidate) => candidate.textContent?.trim() === tap);
      const field = document.querySelector("textarea");
      if ((tap !== undefined && button) || (type !== undefined && field)) {
        sessionStorage.setItem("acted", document.querySelector(".govuk-skip-link[data-govuk-skip-link-init]") ? "too late" : "during hydration");
        if (tap !== undefined) button!.click();
        if (type !== undefined) {
          field!.value += type;
          field!.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: type }));
        }
        return;
      }
    }
    setTimeout(tick, 0);
  };
  tick();
}

test("a tap while the page is being hydrated goes ahead, and the next page is enhanced", async ({ page, context }) => {
  // A cheap phone: four times slower than this machine, so hydration takes long enough to be tapped during.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(duringHydration, { path: "/advocate", tap: "Continue" });
  for (let round = 0; round < 4; round++) {
    await context.clearCookies();
    // Not the fixture's goto, which waits for the page to be enhanced: the tap is meant to come before.
    await page.mainFrame().goto("/advocate", { waitUntil: "commit" });
    await expectHeading(page, "What an advocate is");
    expect(await page.evaluate(() => sessionStorage.getItem("acted")), `round ${round}`).toBe("during hydration");
    await waitUntilEnhanced(page);
  }
});

test("an answer changed while the page is being hydrated keeps the change", async ({ page, context }) => {
  await reachWhatHappened(page);
  await page.getByRole("textbox", { name: "Tell us what happened" }).fill("The health visitor never came.");
  await continueOn(page);
  await expect(page).not.toHaveURL(/what-happened$/);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(duringHydration, { path: "/complaint/what-happened", type: " Nobody rang." });
  // Back to the answer as a new page, with what was typed before in it: the Change link from check answers does this.
  await page.mainFrame().goto("/complaint/what-happened", { waitUntil: "commit" });
  await waitUntilEnhanced(page);
  expect(await page.evaluate(() => sessionStorage.getItem("acted"))).toBe("during hydration");
  await expect(page.getByRole("textbox", { name: "Tell us what happened" })).toHaveValue("The health visitor never came. Nobody rang.");
});

test("a part of a page whose words cannot be fetched is left out, and the page around it stays", async ({ page, consoleProblems }) => {
  await completeQuickComplaint(page);
  // The connection lost just as the confirmation asks for the progress pages' words (for its "check where your
  // complaint is" line): the confirmation, with the person's reference, must still be the page they see.
  await page.route(/\/assets\/progress-[^/.]+\.js$/, (route) => route.abort("internetdisconnected"));
  const reference = await sendAnswers(page);
  await expectHeading(page, "Complaint sent");
  await expect(page.locator(".govuk-panel__body")).toContainText(reference);
  await expect(page.getByRole("link", { name: "check where your complaint is" })).toHaveCount(0);
  await expect(page.getByText("Sorry, there is a problem with the service")).toHaveCount(0);
  // What the browser says about the file it could not fetch, and React about the part it left out, is expected here.
  const expected = /progress-[^/.]+\.js|dynamically imported module|ERR_INTERNET_DISCONNECTED|net::ERR/;
  const unexpected = consoleProblems.filter((problem) => !expected.test(problem));
  expect(unexpected).toEqual([]);
  consoleProblems.length = 0;
});

test("a first visit hydrates from the words the page came with; locale files come once the person starts to use it", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => {
    const name = localeFilePath.exec(new URL(request.url()).pathname)?.[1];
    if (name) fetched.push(name);
  });
  for (const path of ["/?lng=ar", "/progress", "/complaint"]) {
    await page.goto(path);
    expect(fetched, path).toEqual([]);
  }
  await page.goto("/complaint/service?lng=pl");
  await expectHeading(page, "Której usługi dotyczy Twoja skarga?");
  expect(fetched).toEqual([]);
  // Choosing an answer is using the page: its namespaces' files are fetched, and the next page (reached by Remix,
  // not the browser) is in Polish from them, with nothing missing (a missing word is a console warning, which fails).
  await choose(page, "Zdrowie publiczne");
  await expect.poll(() => [...fetched].sort()).toEqual(["common", "complaint"]);
  await continueOn(page, "Dalej");
  await expectHeading(page, "Kim jesteś?");
  expect([...fetched].sort()).toEqual(["common", "complaint"]);
});
