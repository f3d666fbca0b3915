import { describe, expect, it } from "vitest";
import { initialiseNames, namesIn } from "./initialise-names";

describe("initialiseNames", () => {
  it("replaces a whole name with its initials, and each part of it on its own", () => {
    expect(initialiseNames("Thank you Chloe Robinson. Chloe went above and beyond, and so did Mr Robinson.", ["Chloe Robinson"])).toBe(
      "Thank you CR. C went above and beyond, and so did Mr R.",
    );
  });

  it("finds names in any mix of capitals, and across a line break", () => {
    expect(initialiseNames("CHLOE helped, chloe listened, cHLoE ROBINSON\nrobinson called", ["Chloe Robinson"])).toBe("C helped, C listened, CR\nR called");
  });

  it("finds names next to punctuation and keeps the punctuation", () => {
    expect(initialiseNames("(Chloe), Chloe! \u201cChloe\u201d? Chloe's team, Chloe\u2019s car, Chloe-led.", ["Chloe"])).toBe(
      "(C), C! \u201cC\u201d? C's team, C\u2019s car, C-led.",
    );
  });

  it("initialises names of several parts, with hyphens and apostrophes, written either way", () => {
    const names = ["Mary-Jane O'Neill"];
    expect(initialiseNames("Mary-Jane O'Neill was kind", names)).toBe("MJO was kind");
    expect(initialiseNames("Mary Jane O\u2019Neill was kind", names)).toBe("MJO was kind");
    expect(initialiseNames("Thanks to Jane and O'Neill", names)).toBe("Thanks to J and O");
  });

  it("leaves a name inside another word alone", () => {
    expect(initialiseNames("The annual review with Ann, Anna and Joanne; Al also came, and Alan.", ["Ann", "Al"])).toBe(
      "The annual review with A, Anna and Joanne; A also came, and Alan.",
    );
  });

  it("handles Polish letters, in capitals and not", () => {
    expect(initialiseNames("Dziękuję, ŁUKASZ! Pani Żółć i pan łukasz byli wspaniali. Łukaszowi też.", ["Łukasz Żółć"])).toBe(
      "Dziękuję, Ł! Pani Ż i pan Ł byli wspaniali. Łukaszowi też.",
    );
  });

  it("handles Arabic names, alone or after a one-letter conjunction or preposition, but not inside a longer word", () => {
    expect(initialiseNames("شكرا محمد، شكرا لمحمد ومحمد. المحمدية مدرسة.", ["محمد"])).toBe("شكرا م، شكرا لم وم. المحمدية مدرسة.");
    expect(initialiseNames("شكرا أحمد علي", ["أحمد علي"])).toBe("شكرا أع");
  });

  it("treats characters that mean something in patterns as plain letters", () => {
    expect(initialiseNames("Thanks Zoë (Jo) and Jo+", ["Zoë (Jo)", "Jo+"])).toBe("Thanks ZJ and J");
    expect(initialiseNames("Thanks Zoe\u0308", ["Zoë"])).toBe("Thanks Z");
  });

  it("leaves text alone when there are no names, or only blank ones", () => {
    const text = "Thank you for everything.";
    expect(initialiseNames(text, [])).toBe(text);
    expect(initialiseNames(text, ["", "   ", "-"])).toBe(text);
  });
});

describe("namesIn", () => {
  it("finds the names in whoever was thanked, whole, and leaves a description's words alone", () => {
    expect(namesIn("Chloe Robinson")).toEqual(["Chloe Robinson"]);
    expect(namesIn("my social worker")).toEqual([]);
    expect(namesIn("My social worker Chloe")).toEqual(["Chloe"]);
    expect(namesIn("Mrs Patel and the health visiting team at Oakfield")).toEqual(["Patel", "Oakfield"]);
    expect(namesIn("Mary-Jane O'Neill, and Sam")).toEqual(["Mary-Jane O'Neill", "Sam"]);
    expect(namesIn("pani Zofia z zespołu")).toEqual(["Zofia"]);
    // A script without capitals: every word may be a name.
    expect(namesIn("سارة أحمد")).toEqual(["سارة أحمد"]);
    expect(namesIn("")).toEqual([]);
  });

  it("keeps a compliment's words when it thanks someone described, and initials them when named", () => {
    expect(initialiseNames("You are the best social worker ever", namesIn("my social worker"))).toBe("You are the best social worker ever");
    expect(initialiseNames("Chloe Robinson helped us. Thank you Chloe!", namesIn("Chloe Robinson"))).toBe("CR helped us. Thank you C!");
  });
});
