// Looks up a journey page's words by convention: pages.<page>.fields.<field>.<what>, with the page's variant.
import { useTranslation } from "~/translation/react";

export function useJourneyText(namespace: string, pageId: string, values: Record<string, string>, variant?: string) {
  const { t, i18n } = useTranslation([namespace, "common"]);
  const base = `pages.${pageId}`;
  const options = { ...values, context: variant, ns: namespace };
  /** The text at a key, or undefined when the locale has none (optional hints and the like). */
  const maybe = (key: string): string | undefined => {
    const full = `${base}.${key}`;
    return i18n.exists(full, options) || (variant && i18n.exists(`${full}_${variant}`, options)) ? t(full, options) : undefined;
  };
  /** A full key within the journey (error messages), with the page's names and variant. */
  const message = (key: string) => t(key, options);
  return { t, maybe, message, text: (key: string) => t(`${base}.${key}`, options), language: i18n.language };
}
