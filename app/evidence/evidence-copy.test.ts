// Every error an upload can give, and every word of the evidence page and its enhanced upload, reads properly
// in every language: no missing key, no English standing in for another language, no unfilled placeholder.
import { describe, expect, it } from "vitest";
import { supportedLanguages } from "~/i18n";
import { createTranslations } from "~/services/translations.server";
import { resources } from "../../locales/resources";
import { evidenceLimits, megabytes } from "./evidence-limits";
import { evidenceErrors } from "./upload.server";

const translations = createTranslations();

function evidenceCopy(language: string): Record<string, unknown> {
  return (resources as unknown as Record<string, { common: { evidence: Record<string, unknown> } }>)[language]!.common.evidence;
}

describe("evidence copy", () => {
  it.each(supportedLanguages)("has a message for every upload error in %s, with the limits filled in", (language) => {
    const t = translations[language].getFixedT(language, "common");
    const errors = evidenceCopy(language).errors as Record<string, string>;
    for (const code of evidenceErrors) {
      const own = Object.keys(errors).filter((key) => key === code || key.startsWith(`${code}_`));
      expect(own, `${language} evidence.errors.${code}`).not.toEqual([]);
      const message = t(`evidence.errors.${code}`, { count: evidenceLimits.maxFiles, size: megabytes(code === "total-too-large" ? evidenceLimits.maxTotalBytes : evidenceLimits.maxFileBytes) });
      expect(message).not.toMatch(/\{\{|evidence\./);
    }
    expect(t("evidence.errors.too-large", { size: megabytes(evidenceLimits.maxFileBytes) })).toContain("10MB");
    expect(t("evidence.errors.total-too-large", { size: megabytes(evidenceLimits.maxTotalBytes) })).toContain("20MB");
    expect(t("evidence.errors.too-many", { count: evidenceLimits.maxFiles })).toContain("5");
  });

  it("says the messages GOV.UK's file upload pattern and the issue ask for, in English", () => {
    const t = translations.en.getFixedT("en", "common");
    expect(t("evidence.errors.too-large", { size: "10MB" })).toBe("The selected file must be smaller than 10MB");
    expect(t("evidence.errors.too-many", { count: 5 })).toBe("You can only upload 5 files. Remove one before you add another");
    expect(t("evidence.errors.total-too-large", { size: "20MB" })).toBe("Your files must be smaller than 20MB in total");
    expect(t("evidence.errors.infected")).toBe("We could not accept this file. Try another file or send it by post.");
    expect(t("evidence.errors.scanner-unavailable")).toBe("We cannot check files at the moment. Try again later, or continue without it.");
    expect(t("pages.evidence.title")).toBe("Do you have anything to show us?");
  });

  it("has every plural form each language needs, for the enhanced upload and the page", () => {
    for (const language of supportedLanguages) {
      const rules = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const copy = evidenceCopy(language);
      const enhanced = copy.enhanced as { multipleFilesChosen: Record<string, string> };
      expect(Object.keys(enhanced.multipleFilesChosen).sort(), language).toEqual([...rules].sort());
      for (const base of ["limits", "attachedCount"]) expect(rules.map((rule) => `${base}_${rule}`).filter((key) => !(key in copy)), `${language} ${base}`).toEqual([]);
      const errors = copy.errors as Record<string, string>;
      expect(rules.map((rule) => `too-many_${rule}`).filter((key) => !(key in errors)), `${language} too-many`).toEqual([]);
    }
  });

  it("is really translated: no Polish message is the English one", () => {
    const en = translations.en.getFixedT("en", "common");
    const pl = translations.pl.getFixedT("pl", "common");
    for (const code of evidenceErrors) {
      expect(pl(`evidence.errors.${code}`, { count: 5, size: "10MB" }), code).not.toBe(en(`evidence.errors.${code}`, { count: 5, size: "10MB" }));
    }
    expect(pl("evidence.errors.too-many", { count: 5 })).toBe("Możesz przesłać najwyżej 5 plików. Usuń jeden z nich, zanim dodasz kolejny");
  });
});
