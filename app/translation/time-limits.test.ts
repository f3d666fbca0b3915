// The council's time limits are declared once, in its timetable: the words name them, and never say a number of
// working days of their own.
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "~/i18n";
import { exampleCouncil } from "~/config/example-council";
import { councilSettingsSchema, type Timetable } from "~/config/council-schema";
import { createTranslations } from "~/services/translations.server";
import { namespaces, resources, type Words } from "../../locales/resources";
import { createTranslator } from "./translate";
import { rememberedTimeLimitValues, timeLimitValues, workingDaysKey } from "./time-limits";

const timetable: Timetable = councilSettingsSchema.parse(exampleCouncil).timetable;

/** A timetable whose every limit differs from the example's and from each other, with numbers that need each language's plural forms. */
const otherTimetable: Timetable = {
  acknowledgeWithin: 4,
  childrensSocialCare: {
    stage1: { replyWithin: 12, extendableTo: 22 },
    stage2: { replyWithin: 21, extendableTo: 60, requestWithin: 23 },
    stage3: { panelWithin: 31, reportWithin: 2, responseWithin: 1, requestWithin: 24 },
  },
  publicHealth: { acknowledgeWithin: 3, replyWithin: 11, replyWithinMonths: 5 },
  advocateContactWithin: 3,
  otherFormatWithin: 14,
  remindBefore: 2,
  urgentContactWithin: 1,
};

function wordsOf(words: Words, prefix = ""): [string, string][] {
  return Object.entries(words).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : value !== null && typeof value === "object" ? wordsOf(value as Words, `${prefix}${key}.`) : [],
  );
}

const allWords = supportedLanguages.flatMap((language) => namespaces.flatMap((namespace) => wordsOf(resources[language]![namespace]!).map(([key, text]) => ({ language, namespace, key, text }))));

/** A number of working days written out, in each language's words for it. */
const literalDays: Record<string, RegExp> = {
  en: /\b\d+ working days?\b/,
  pl: /\b\d+ (dni|dnia|dzień) robocz/,
  ar: /\d+ (أيام|يوم|يومًا) عمل/,
};

const pagesTranslator = (language: string) => createTranslator(language, resources);

describe("time limits in the words", () => {
  it("are every number in the timetable, by its place, as words and as a number", () => {
    const values = timeLimitValues(timetable, (count) => `${count} days`);
    expect(values.limit).toEqual(timetable);
    expect(values.days).toMatchObject({
      acknowledgeWithin: "5 days",
      childrensSocialCare: { stage1: { replyWithin: "10 days", extendableTo: "20 days" }, stage3: { panelWithin: "30 days" } },
      publicHealth: { replyWithin: "10 days" },
      otherFormatWithin: "10 days",
    });
    // A limit in months is not a number of working days.
    expect(values.days.publicHealth).not.toHaveProperty("replyWithinMonths");
  });

  it("name only limits the timetable has", () => {
    const values = timeLimitValues(timetable, String);
    const named = allWords.flatMap(({ language, namespace, key, text }) => [...text.matchAll(/\{\{\s*(days|limit)\.([^}\s]+)\s*\}\}/g)].map((match) => ({ where: `${language}/${namespace}:${key}`, kind: match[1] as "days" | "limit", path: match[2]! })));
    expect(named.length).toBeGreaterThan(40);
    const at = (node: unknown, path: string) => path.split(".").reduce<unknown>((here, part) => (here && typeof here === "object" ? (here as Record<string, unknown>)[part] : undefined), node);
    expect(named.filter(({ kind, path }) => (kind === "days" ? typeof at(values.days, path) !== "string" : typeof at(values.limit, path) !== "number")).map(({ where, kind, path }) => `${where}: ${kind}.${path}`)).toEqual([]);
  });

  it("never say a number of working days of their own, in any language", () => {
    const own = allWords.filter(({ language, key, text }) => !key.startsWith(`${workingDaysKey}_`) && literalDays[language]!.test(text));
    expect(own.map(({ language, namespace, key, text }) => `${language}/${namespace}:${key}: ${text}`)).toEqual([]);
  });

  it("say each limit in the plural form its number takes in each language", () => {
    const say = (language: string, count: number) => pagesTranslator(language).fixedT("common")(workingDaysKey, { count });
    expect([1, 2, 5, 12].map((count) => say("en", count))).toEqual(["1 working day", "2 working days", "5 working days", "12 working days"]);
    // Polish, as the sentences put it ("w ciągu …", "do …"): the genitive.
    expect([1, 2, 5, 12, 22].map((count) => say("pl", count))).toEqual(["1 dnia roboczego", "2 dni roboczych", "5 dni roboczych", "12 dni roboczych", "22 dni roboczych"]);
    expect([1, 2, 3, 10, 11, 100].map((count) => say("ar", count))).toEqual(["يوم عمل واحد", "يومَي عمل", "3 أيام عمل", "10 أيام عمل", "11 يوم عمل", "100 يوم عمل"]);
  });

  it("come out the same from the server's i18next and the pages' translator, for every key, in every language, with any timetable", () => {
    for (const table of [timetable, otherTimetable]) {
      const translations = createTranslations(table);
      for (const language of supportedLanguages) {
        const pages = pagesTranslator(language);
        const defaults = rememberedTimeLimitValues(table, language, (count) => pages.fixedT("common")(workingDaysKey, { count }));
        for (const { namespace, key, text } of allWords.filter((words) => words.language === language && /\{\{\s*(days|limit)\./.test(words.text))) {
          const ours = pages.fixedT([namespace, "common"], defaults)(key.replace(/_(zero|one|two|few|many|other)$/, ""), { context: undefined });
          const server = translations[language].getFixedT(language, [namespace, "common"])(key);
          expect(ours, `${language}/${namespace}:${key}`).toBe(server);
          expect(ours, `${language}/${namespace}:${key} (${text})`).not.toMatch(/\{\{/);
        }
      }
    }
  });

  it("follow the council's timetable", () => {
    const en = createTranslations(otherTimetable).en.getFixedT("en", ["start", "common"]);
    expect(en("nextSteps.stage1.reply")).toBe("They will write to you with their answer within 12 working days. If there is a lot to look at, it can take up to 22 working days.");
    expect(en("nextSteps.stage3.response")).toContain("within 1 working day of getting");
    const pl = createTranslations(otherTimetable).pl.getFixedT("pl", ["escalate", "common"]);
    expect(pl("submission.replyRule_review-panel")).toBe("etap 3: komisja zbiera się w ciągu 31 dni roboczych, potem 2 na jej raport i 1 na odpowiedź urzędu");
    const ar = createTranslations(otherTimetable).ar.getFixedT("ar", ["advocate", "common"]);
    expect(ar("submission.replyRule")).toBe("يتواصل المناصر خلال 3 أيام عمل");
    // Without a timetable (a tool that never shows these words), a placeholder stays as written, as i18next leaves it.
    expect(createTranslations().en.getFixedT("en", ["advocate"])("submission.replyRule")).toBe("an advocate gets in touch within {{days.advocateContactWithin}}");
  });
});
