// The language a person typed when they asked for another language ("polski", "عربي", "Tigrinya", "ትግርኛ"), as its
// English name for the team and the annual report. The names are the platform's own (ICU, through Intl.DisplayNames):
// each language's name in English, in every language the portal speaks, and in the language itself.
import { supportedLanguages } from "~/i18n";

/**
 * Languages with no two-letter code that people in England ask councils for: Cantonese, Central Kurdish (Sorani),
 * Dari, Filipino, Hakka and Min Nan Chinese. Every language with a two-letter code (ISO 639-1) is known as well.
 */
const threeLetterCodes = ["yue", "ckb", "prs", "fil", "hak", "nan"] as const;

/** English names the platform words otherwise, by the language's code. */
const englishAliases: Readonly<Record<string, string>> = { farsi: "fa", mandarin: "zh", bengali: "bn" };

/** Words people put around a language's name: "język polski", "the Arabic language", "اللغة العربية". */
const languageWords = new Set(["language", "the", "język", "jezyk", "لغة", "اللغة", "باللغة"]);

/** A name as it is compared: without case, accents, Arabic's vowel marks and letter-shape variants, or punctuation. */
function comparable(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\u0640/g, "") // Arabic's tatweel, a stretch of a letter's joining line
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627") // أ إ آ ٱ are an alif
    .replace(/[\u06CC\u0649]/g, "\u064A") // Persian's yeh and alif maqsura, as people type them for Arabic's yeh
    .replace(/\u06A9/g, "\u0643") // Persian's kaf
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((word) => word && !languageWords.has(word))
    .join(" ");
}

/**
 * The ways a name is written besides its dictionary form: in Arabic without its article ("العربية", "عربية") and as
 * the adjective for a person's speech ("عربي"); in Polish as "in Polish" ("po polsku").
 */
function variants(name: string): string[] {
  const found = [name];
  if (name.startsWith("ال")) found.push(name.slice(2));
  for (const arabic of [...found]) if (arabic.endsWith("ية")) found.push(arabic.slice(0, -1));
  if (/ki$/.test(name) && !name.includes(" ")) found.push(`po ${name.slice(0, -1)}u`);
  return found;
}

let index: Map<string, string> | null = null;

/** Every known name of every language, to its English name; a name two languages share is left out. */
function namesIndex(): Map<string, string> {
  if (index) return index;
  const english = new Intl.DisplayNames(["en-GB"], { type: "language", fallback: "none" });
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const codes = [...letters].flatMap((first) => [...letters].map((second) => first + second));
  const built = new Map<string, string>();
  const shared = new Set<string>();
  const inPortalLanguages = supportedLanguages.map((code) => new Intl.DisplayNames([code], { type: "language", fallback: "none" }));
  for (const code of [...codes, ...threeLetterCodes]) {
    const name = english.of(code);
    if (!name) continue;
    let own: string | undefined;
    try {
      own = new Intl.DisplayNames([code], { type: "language", fallback: "none" }).of(code);
    } catch {
      own = undefined;
    }
    const written = [name, own, ...inPortalLanguages.map((names) => names.of(code))];
    for (const each of written) {
      if (!each) continue;
      for (const key of variants(comparable(each))) {
        if (!key || shared.has(key)) continue;
        const before = built.get(key);
        if (before === undefined) built.set(key, name);
        else if (before !== name) {
          built.delete(key);
          shared.add(key);
        }
      }
    }
  }
  for (const [alias, code] of Object.entries(englishAliases)) {
    const name = english.of(code);
    if (name && !shared.has(alias)) built.set(alias, name);
  }
  index = built;
  return built;
}

/** The English name of the language `typed` names, or null where it names none the platform knows, or several. */
export function englishLanguageName(typed: string): string | null {
  const key = comparable(typed);
  return key ? (namesIndex().get(key) ?? null) : null;
}
