// One i18next instance per language, made once at start: no file reads or set-up on the request path.
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { i18nextOptions, supportedLanguages, type Language } from "~/i18n";
import { namespaces, resources } from "../../locales/resources";

export type Translations = Record<Language, i18n>;

export function createTranslations(): Translations {
  const instances = {} as Translations;
  for (const lng of supportedLanguages) {
    const instance = createInstance();
    void instance.use(initReactI18next).init({
      ...i18nextOptions,
      lng,
      ns: [...namespaces],
      resources,
      initImmediate: false,
    });
    instances[lng] = instance;
  }
  return instances;
}
