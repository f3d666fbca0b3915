import { describe, expect, it } from "vitest";
import { englishLanguageName } from "./language-names";

describe("englishLanguageName", () => {
  it("knows a language by its name in English, in Polish, in Arabic and in itself", () => {
    for (const typed of ["Polish", "polski", "بولندية", "البولندية"]) expect(englishLanguageName(typed), typed).toBe("Polish");
    for (const typed of ["Tigrinya", "tigrinia", "ትግርኛ", "التغرينية"]) expect(englishLanguageName(typed), typed).toBe("Tigrinya");
    for (const typed of ["Urdu", "urdu", "اردو", "الأوردية"]) expect(englishLanguageName(typed), typed).toBe("Urdu");
    expect(englishLanguageName("کوردیی ناوەندی")).toBe("Central Kurdish");
    expect(englishLanguageName("Cantonese")).toBe("Cantonese");
  });

  it("reads a name the way people write it: any case, without accents, with words around it, or as speech", () => {
    for (const typed of ["  POLSKI ", "język polski", "jezyk polski", "po polsku", "Polish language", "the Polish language"]) expect(englishLanguageName(typed), typed).toBe("Polish");
    // Arabic: with or without the article or "language", as the adjective, with its letters' other shapes.
    for (const typed of ["العربية", "عربية", "عربي", "اللغة العربية", "العربيـــة", "العَرَبِيَّة"]) expect(englishLanguageName(typed), typed).toBe("Arabic");
    expect(englishLanguageName("rumunski")).toBe("Romanian");
    expect(englishLanguageName("română")).toBe("Romanian");
    // Persian typed with Arabic's letters, and English names the platform words otherwise.
    expect(englishLanguageName("فارسي")).toBe("Persian");
    expect(englishLanguageName("Farsi")).toBe("Persian");
    expect(englishLanguageName("Mandarin")).toBe("Chinese");
  });

  it("gives nothing for a name it does not know, an empty answer, or words that are not a language's name", () => {
    for (const typed of ["", "   ", "Sylheti", "something else", "<script>", "język", "language", "BSL"]) expect(englishLanguageName(typed), typed).toBeNull();
  });
});
