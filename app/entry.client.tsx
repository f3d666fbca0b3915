// Hydrates the page with the words it came with (or, without them, once its locale files have loaded) and the scripts
// of its parts, so the first render matches the server's.
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode, useLayoutEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isSupportedLanguage, fallbackLanguage } from "./i18n";
import { loadPagePartsOf } from "./page-parts";
import { TranslationsProvider, type PageTranslations } from "./translation/react";
import { pageWordsId, pageWordsReader, parsePageWords, type PageWords } from "./translation/page-words";
import { createTranslator, wordsAt, type LanguageWords, type WordLookup } from "./translation/translate";

const localeFiles = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json");

/**
 * The page's language's words: first the ones the page came with (its data block, app/translation/page-words.ts),
 * then a namespace at a time, each locale file its own fingerprinted chunk (fetched once, cached for a year) when a
 * render asks for a word the page did not come with. Only the page's language: every locale file holds every key
 * (docs/decisions/041, 053).
 */
function browserTranslations(language: string, pageWords: PageWords | null): PageTranslations & { loadAll(): void } {
  const files: Record<string, LanguageWords[string]> = {};
  const loading = new Map<string, Promise<void>>();
  const failed = new Map<string, unknown>();
  const readers = new Map(Object.entries(pageWords ?? {}).map(([namespace, words]) => [namespace, pageWordsReader(words)]));
  // The page the words came with: a word it did not come with, asked for before any navigation, is a word the
  // server's render never read (a later state of a component), which that render should have looked up too. Back
  // or Forward to it is a navigation too.
  const pageKey = window.history.state?.key;
  let navigated = false;
  window.addEventListener("popstate", () => (navigated = true), { once: true });
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
  const wholeFile = wordsAt({ [language]: files });
  const lookup: WordLookup = (code, namespace, path) => {
    if (files[namespace] || code !== language) return wholeFile(code, namespace, path);
    const reader = readers.get(namespace);
    const known = reader?.(path);
    if (known?.known) return known.value;
    if (failed.has(namespace)) throw failed.get(namespace);
    if (reader && !navigated && window.history.state?.key === pageKey) console.warn(`The page came without the words at ${namespace}:${path}; they are fetched now.`);
    // Not known here: the render waits for the namespace's file (a render a link started, or a later one).
    const pending = load(namespace);
    if (pending) throw pending;
    return wholeFile(code, namespace, path);
  };
  return {
    translator: createTranslator(language, { [language]: files }, { lookup }),
    missing(namespaces) {
      // A file that could not be fetched (the connection lost) is an error for the page's error boundary, once,
      // rather than a render waiting on it again and again; a page loaded afresh tries again. A namespace the page
      // came with words for fails only a render that asks for a word it did not come with (the lookup above), so a
      // file fetched ahead of need and lost never breaks the page.
      for (const namespace of namespaces) if (failed.has(namespace) && !readers.has(namespace)) throw failed.get(namespace);
      const waiting = namespaces
        .filter((namespace) => !files[namespace] && !readers.has(namespace))
        .map(load)
        .filter((pending) => pending !== undefined);
      return waiting.length ? Promise.all(waiting).then(() => undefined) : undefined;
    },
    loadAll() {
      for (const namespace of readers.keys()) void load(namespace);
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

/** What a person does that may lead to words the page did not come with: an answer, a link, a button. */
const firstUseEvents = ["pointerdown", "keydown", "focusin", "touchstart"] as const;

/**
 * Once the person starts to use the page, the whole locale files of its namespaces are fetched, so the next page
 * (or an error message) does not wait for them after its data has come. Someone who only reads the page fetches none.
 */
function fetchWordsOnFirstUse(translations: { loadAll(): void }): void {
  const use = () => {
    for (const type of firstUseEvents) window.removeEventListener(type, use, true);
    translations.loadAll();
  };
  for (const type of firstUseEvents) window.addEventListener(type, use, { capture: true, passive: true });
}

async function hydrate() {
  const handToReact = leaveEventsToTheBrowserUntilHydrated();
  const htmlLang = document.documentElement.lang;
  const lng = isSupportedLanguage(htmlLang) ? htmlLang : fallbackLanguage;
  const namespaces = (document.documentElement.dataset.namespaces ?? "common").split(" ");
  const translations = browserTranslations(lng, parsePageWords(document.getElementById(pageWordsId)?.textContent));
  const [, parts] = await Promise.allSettled([translations.missing(namespaces), loadPagePartsOf(document)]);
  try {
    translations.missing(namespaces);
    if (parts.status === "rejected") throw parts.reason;
  } catch {
    // A locale file or a part's script that could not be fetched: the page stays as the server sent it, working as
    // without JavaScript.
    handToReact();
    return;
  }
  // Hydrated as a transition, in slices of a few milliseconds, so a slow phone is never held by one long task
  // (Lighthouse's total blocking time). The page's words came with it (or its namespaces' files are loaded above,
  // for a page without them), the scripts of its parts are loaded, and until the page is hydrated nothing the
  // person does reaches React (see leaveEventsToTheBrowserUntilHydrated).
  const onHydrated = () => {
    handToReact();
    fetchWordsOnFirstUse(translations);
  };
  startTransition(() => {
    hydrateRoot(
      document,
      <WhenHydrated onHydrated={onHydrated}>
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
