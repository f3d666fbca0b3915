// Every question page has exactly one h1: its only question, the question it names as its heading, or its title
// above fields that each have a label of their own. A field without words would show a raw key.
import { describe, expect, it } from "vitest";
import { resources } from "../../locales/resources";
import { isIntroExtra } from "~/components/journey/page-extras";
import { supportedLanguages } from "~/i18n";
import { registeredJourneys } from "./journeys";

type Words = { pages: Record<string, { title?: string; title_forChild?: string; fields?: Record<string, { label?: string }> }> };

describe.each(registeredJourneys)("$id journey", (journey) => {
  for (const language of supportedLanguages) {
    it(`every page's heading field exists, and every other field has a label in ${language}`, () => {
      const all = resources[language] as unknown as Record<string, Words>;
      for (const page of journey.pages) {
        // A page's words are the journey's own, or the shared ones in common.json (the safety questions).
        const words = all[journey.id]?.pages[page.id] ? all[journey.id]! : all.common!;
        const names = page.fields.map((field) => field.name);
        if (page.headingField) expect(names, page.id).toContain(page.headingField);
        const heading = page.headingField ?? (names.length === 1 && !(page.extras ?? []).some(isIntroExtra) ? names[0] : null);
        expect(words.pages[page.id]?.title, `${page.id} title`).toBeTruthy();
        // A lone checkbox is labelled by its option, with no legend of its own.
        const labelled = page.fields.filter((field) => field.name !== heading && !(field.kind === "checkboxes" && field.options.length === 1));
        for (const { name } of labelled) expect(words.pages[page.id]?.fields?.[name]?.label, `${page.id}: ${name}`).toBeTruthy();
        // A question is asked once: a field with a label of its own does not repeat the page's heading (a screen
        // reader would read it twice); a page with one question makes that question its heading.
        for (const { name } of labelled) expect(words.pages[page.id]?.fields?.[name]?.label, `${page.id}: ${name} repeats the heading`).not.toBe(words.pages[page.id]?.title);
      }
    });
  }

  for (const language of supportedLanguages) {
    it(`never calls a page's question optional in its heading when it must be answered, in ${language}`, () => {
      const all = resources[language] as unknown as Record<string, Words>;
      const optional = (all.common as unknown as { answers: { optional: string } }).answers.optional;
      for (const page of journey.pages) {
        const words = all[journey.id]?.pages[page.id] ? all[journey.id]! : all.common!;
        // GOV.UK marks optional questions, never required ones: a page is optional when none of its fields must be answered.
        const pageIsOptional = page.fields.every((field) => field.optional === true);
        for (const title of [words.pages[page.id]?.title, words.pages[page.id]?.title_forChild].filter(Boolean)) {
          if (title!.includes(optional)) expect(pageIsOptional, `${page.id}: "${title}"`).toBe(true);
        }
      }
    });
  }
});


describe("a page's title in the browser's tab", () => {
  for (const language of supportedLanguages) {
    it(`names no child and says "the child" once, in ${language}`, () => {
      const all = resources[language] as unknown as Record<string, Words & { answers?: { theChild?: string } }>;
      const theChild = all.common!.answers!.theChild!;
      for (const journey of registeredJourneys) {
        for (const page of journey.pages) {
          const words = (all[journey.id]?.pages[page.id] ? all[journey.id]! : all.common!).pages[page.id] as Record<string, unknown> | undefined;
          for (const [key, title] of Object.entries(words ?? {})) {
            if (!/^title(_|$)/.test(key) || typeof title !== "string" || !title.includes("{{childName}}")) continue;
            // The route's own choice: the page's tabTitle in the same variant, else the title with "the child" for the name.
            const tab = (words?.[key.replace(/^title/, "tabTitle")] as string | undefined) ?? title.replaceAll("{{childName}}", theChild);
            expect(tab, `${journey.id} ${page.id} ${key}`).not.toContain("{{");
            expect(tab.split(theChild).length - 1, `${journey.id} ${page.id} ${key}: ${tab}`).toBeLessThanOrEqual(1);
          }
        }
      }
    });
  }
});
