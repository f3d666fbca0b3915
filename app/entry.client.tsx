// Hydrates the page once the translations it uses have loaded, so the first render matches the server's.
import { RemixBrowser } from "@remix-run/react";
import { createInstance, type BackendModule, type ReadCallback } from "i18next";
import { StrictMode } from "react";
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

async function hydrate() {
  const htmlLang = document.documentElement.lang;
  const lng = isSupportedLanguage(htmlLang) ? htmlLang : fallbackLanguage;
  const namespaces = (document.documentElement.dataset.namespaces ?? "common").split(" ");
  const i18n = createInstance();
  await i18n.use(initReactI18next).use(bundledBackend).init({ ...i18nextOptions, lng, ns: namespaces, react: { useSuspense: true } });
  // Hydrated in one go, not in a transition: every namespace the page uses is loaded above, so nothing suspends,
  // and a click or navigation arriving mid-hydration (a quick tap on a slow phone) cannot leave the root
  // half-hydrated (React's "root did not complete", error 345, seen in the suite on busy machines).
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18n}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
}

void hydrate();
