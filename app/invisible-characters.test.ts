import { describe, expect, it } from "vitest";
import { noVisibleFormClass } from "./invisible-characters";
import { normaliseText, singleLine } from "./journeys/field-schemas";
import { parseReference } from "./reference";

/** Every character the class names, its ranges expanded. */
function listed(): string[] {
  const characters: string[] = [];
  for (const [, from, to] of noVisibleFormClass.matchAll(/\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?/g)) {
    for (let code = parseInt(from!, 16); code <= parseInt(to ?? from!, 16); code++) characters.push(String.fromCharCode(code));
  }
  return characters;
}

describe("characters with no visible form, listed once", () => {
  const characters = listed();

  it("names the ones people meet: soft hyphen, zero-width space and joiner, bidi isolates, byte order mark, Hangul filler", () => {
    expect(characters.length).toBeGreaterThan(25);
    for (const character of ["\u00ad", "\u200b", "\u200d", "\u2068", "\u2069", "\u202e", "\ufeff", "\u3164"]) expect(characters).toContain(character);
    // Nothing anyone can see: each is one Unicode says a font shows nothing for, unless asked to show hidden ones.
    for (const character of characters) expect(character).toMatch(/^\p{Default_Ignorable_Code_Point}$/u);
  });

  it("are, each of them, no answer on their own, and read past in a copied reference", () => {
    for (const character of characters) {
      expect(normaliseText(character.repeat(3)), `U+${character.charCodeAt(0).toString(16)}`).toBe("");
      expect(singleLine(` ${character} `), `U+${character.charCodeAt(0).toString(16)}`).toBe("");
      expect(parseReference(`C-7K4M${character}-2Q9P-6`, ["C"]), `U+${character.charCodeAt(0).toString(16)}`).toEqual(parseReference("C-7K4M-2Q9P-6", ["C"]));
    }
  });
});
