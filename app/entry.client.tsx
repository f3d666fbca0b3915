// Hydrates the page once the translations it uses have loaded, so the first render matches the server's.
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode, useLayoutEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isSupportedLanguage, fallbackLanguage } from "./i18n";
import { TranslationsProvider, type PageTranslations } from "./translation/react";
import { createTranslator, type LanguageWords } from "./translation/translate";

const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

/**
 * The page's language's words, a namespace at a time, each locale file its own fingerprinted chunk (fetched once,
 * cached for a year). Only the page's language: every locale file holds every key (docs/decisions/041).
 */
function browserTranslations(language: string): PageTranslations {
  const files: Record<string, LanguageWords[string]> = {};
  const loading = new Map<string, Promise<void>>();
  const failed = new Map<string, unknown>();
  const load = (namespace: string): Promise<void> | undefined => {
    const file = localeFiles[`../locales/${language}/${namespace}.json`];
    // A namespace with no locale file (an address that names no journey, on its "Page not found") has no words of
    // its own: its lookups go on to the fallback namespace, as i18next's did.
    if (!file) {
      files[namespace] = {};
      return undefined;
    }
    let pending = loading.get(namespace);
    if (!pending) {
      pending = file().then(
        (module) => {
          files[namespace] = module.default;
        },
        (error: unknown) => {
          failed.set(namespace, error);
        },
      );
      loading.set(namespace, pending);
    }
    return pending;
  };
  return {
    translator: createTranslator(language, { [language]: files }),
    missing(namespaces) {
      // A file that could not be fetched (the connection lost) is an error for the page's error boundary, once,
      // rather than a render waiting on it again and again; a page loaded afresh tries again.
      for (const namespace of namespaces) if (failed.has(namespace)) throw failed.get(namespace);
      const waiting = namespaces.filter((namespace) => !files[namespace]).map(load).filter((pending) => pending !== undefined);
      return waiting.length ? Promise.all(waiting).then(() => undefined) : undefined;
    },
  };
}

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
  const translations = browserTranslations(lng);
  await translations.missing(namespaces);
  try {
    translations.missing(namespaces);
  } catch {
    // A locale file that could not be fetched: the page stays as the server sent it, working as without JavaScript.
    handToReact();
    return;
  }
  // Hydrated as a transition, in slices of a few milliseconds, so a slow phone is never held by one long task
  // (Lighthouse's total blocking time). Every namespace the page uses is loaded above, and until the page is
  // hydrated nothing the person does reaches React (see leaveEventsToTheBrowserUntilHydrated).
  startTransition(() => {
    hydrateRoot(
      document,
      <WhenHydrated onHydrated={handToReact}>
        <TranslationsProvider translations={translations}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </TranslationsProvider>
      </WhenHydrated>,
    );
  });
}

void hydrate();
