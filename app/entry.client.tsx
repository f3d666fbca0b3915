// Hydrates the page once the translations it uses have loaded, so the first render matches the server's.
import { RemixBrowser } from "@remix-run/react";
import { createInstance, type BackendModule, type ReadCallback } from "i18next";
import { startTransition, StrictMode, useLayoutEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nextOptions, isSupportedLanguage, fallbackLanguage } from "./i18n";

const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

// Each locale file is its own fingerprinted chunk: fetched once, cached for a year.
const bundledBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = localeFiles[`../locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`No translations for ${language}/${namespace}`), null);
    load().then(
      (module) => callback(null, module.default as never),
      (error: unknown) => callback(error as Error, null),
    );
  },
};

/**
 * The events React answers by hydrating the whole page at once, synchronously, when one reaches a page it has not
 * finished hydrating (react-dom's `discreteReplayableEvents`).
 */
const eventsHandledNativelyUntilHydrated = [
  "mousedown", "mouseup", "touchcancel", "touchend", "touchstart", "auxclick", "dblclick", "pointercancel",
  "pointerdown", "pointerup", "dragend", "dragstart", "drop", "compositionend", "compositionstart", "keydown",
  "keypress", "keyup", "input", "textInput", "copy", "cut", "paste", "click", "change", "contextmenu", "reset",
  "submit",
] as const;

/**
 * Until React has hydrated the page, a tap, a key or a submission is the browser's alone, as with JavaScript off:
 * a form posts, a link is followed, a field takes what is typed (docs/decisions/036).
 *
 * React would otherwise answer such an event by hydrating the whole page synchronously. Remix's first render
 * waits (suspends) while it reads the page's data, and a tap in that moment leaves React with a synchronous render
 * of a root that cannot complete: "root did not complete" (error 345), the page's scripts stopped, on a slow phone
 * tapped quickly. Stopping the event at the window, before it reaches React's listeners on the document, is what
 * React does itself when it cannot hydrate in time; the browser's own action goes ahead either way.
 */
function leaveEventsToTheBrowserUntilHydrated(): () => void {
  const stop = (event: Event) => {
    // React, hydrating a textarea whose text is still the one the page came with, sets its value back to that text
    // (react-dom's postMountWrapper for textareas; text inputs are spared), and an edit made before then would be
    // lost, say a change to an answer. Making the edit the textarea's text as well keeps it: the value the person
    // sees is theirs, and React leaves a textarea alone whose text is not the page's.
    if (event.type === "input" && event.target instanceof HTMLTextAreaElement) event.target.textContent = event.target.value;
    event.stopImmediatePropagation();
  };
  // Passive: the browser's own action is never held up or prevented, and scrolling a touch screen never waits.
  for (const type of eventsHandledNativelyUntilHydrated) window.addEventListener(type, stop, { capture: true, passive: true });
  return () => {
    for (const type of eventsHandledNativelyUntilHydrated) window.removeEventListener(type, stop, true);
  };
}

/** Runs `onHydrated` when React commits the hydrated page; renders nothing of its own. */
function WhenHydrated({ onHydrated, children }: { onHydrated: () => void; children: ReactNode }) {
  useLayoutEffect(onHydrated, [onHydrated]);
  return children;
}

async function hydrate() {
  const handToReact = leaveEventsToTheBrowserUntilHydrated();
  const htmlLang = document.documentElement.lang;
  const lng = isSupportedLanguage(htmlLang) ? htmlLang : fallbackLanguage;
  const namespaces = (document.documentElement.dataset.namespaces ?? "common").split(" ");
  const i18n = createInstance();
  await i18n.use(initReactI18next).use(bundledBackend).init({ ...i18nextOptions, lng, ns: namespaces, react: { useSuspense: true } });
  // Hydrated as a transition, in slices of a few milliseconds, so a slow phone is never held by one long task
  // (Lighthouse's total blocking time). Every namespace the page uses is loaded above, and until the page is
  // hydrated nothing the person does reaches React (see leaveEventsToTheBrowserUntilHydrated).
  startTransition(() => {
    hydrateRoot(
      document,
      <WhenHydrated onHydrated={handToReact}>
        <I18nextProvider i18n={i18n}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>
      </WhenHydrated>,
    );
  });
}

void hydrate();
