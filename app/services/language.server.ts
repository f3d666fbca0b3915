// Language by ?lng=, then the lng cookie, then Accept-Language; anything unsupported quietly becomes English.
import { fallbackLanguage, isSupportedLanguage, supportedLanguages, type Language } from "~/i18n";

export const languageCookieName = "lng";

function fromCookie(header: string | null): Language | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === languageCookieName && isSupportedLanguage(value)) return value;
  }
  return null;
}

function fromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    if (isSupportedLanguage(entry.base)) return entry.base;
  }
  return null;
}

export interface LanguageChoice {
  language: Language;
  /** Set when ?lng= chose a language, so the choice holds on the next pages. */
  setCookie: string | null;
}

export interface LanguageSignals {
  requested: string | null;
  cookie: string | null;
  acceptLanguage: string | null;
}

export function chooseLanguage({ requested, cookie, acceptLanguage }: LanguageSignals, secure: boolean): LanguageChoice {
  if (isSupportedLanguage(requested)) {
    return {
      language: requested,
      setCookie: `${languageCookieName}=${requested}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`,
    };
  }
  return {
    language: fromCookie(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? fallbackLanguage,
    setCookie: null,
  };
}

export { supportedLanguages };
