// What is kept of typed text: the words, never controls that could reach an email's headers or reorder the text
// around an answer; and an answer with nothing visible in it is no answer.
import { describe, expect, it } from "vitest";
import { maxBodyBytes } from "./read-form.server";
import { emailAddress, line, normaliseText, singleLine, text, ukPhoneNumber, ukPostcode, wholeNumber } from "./field-schemas";
import { pastMonthYear, upcomingDate } from "./month-year-date";

describe("typed text", () => {
  it("drops NUL, BEL, ESC, C1 controls and bidi overrides, keeping line breaks, tabs and the words", () => {
    expect(normaliseText("first\u0000 line\u0007\r\nsecond\u001b[31m\tline\u0085")).toBe("first line\nsecond[31m\tline");
    expect(singleLine("Jamie\u202e kcab\u202c Young")).toBe("Jamie kcab Young");
    expect(singleLine("Ola\u2067 Nowak\u2069")).toBe("Ola Nowak");
  });
  it("counts an answer of only invisible characters as empty", () => {
    for (const nothing of ["\u0000\u0000", "\u200b\u200b", " \u200c\u200d ", "\ufeff", "\u2060\u00ad"]) {
      expect(normaliseText(nothing), JSON.stringify(nothing)).toBe("");
      expect(singleLine(nothing), JSON.stringify(nothing)).toBe("");
    }
  });
  it("keeps what real writing needs: Arabic with its marks, Polish, emoji joined with ZWJ", () => {
    expect(singleLine("نور\u200f الهدى")).toBe("نور\u200f الهدى");
    expect(normaliseText("Zażółć gęślą jaźń 👩\u200d👧")).toBe("Zażółć gęślą jaźń 👩\u200d👧");
  });
});

describe("how long an answer may be", () => {
  it("is counted as GOV.UK Frontend's character count counts it (a string's length), so the page and the check agree", () => {
    // 3,000 emoji are 6,000 in the count: at the limit, and one more is over it, as the page said.
    expect(text(6000).schema.safeParse("😀".repeat(3000)).success).toBe(true);
    expect(text(6000).schema.safeParse("😀".repeat(3001)).error?.issues[0]?.message).toBe("too-long");
    expect(line(80).schema.safeParse("a".repeat(81)).error?.issues[0]?.message).toBe("too-long");
    expect(line(80).schema.safeParse("").error?.issues[0]?.message).toBe("required");
  });

  it("is checked first for an email address or phone number: past it nothing else is, so a post of the largest size the server reads is answered at once", () => {
    // An address-like value as long as a post may be: the address pattern alone takes time that grows with the square
    // of its length on it (about 40 seconds at this size), so this would time the test out were it ever checked.
    const hostile = `a@${"a.".repeat(Math.floor(maxBodyBytes / 2) - 4)}@`;
    expect(emailAddress.schema.safeParse(hostile).error?.issues.map((issue) => issue.message)).toEqual(["too-long"]);
    expect(ukPhoneNumber.schema.safeParse(`+${"1 ".repeat(maxBodyBytes / 2 - 2)}x`).error?.issues.map((issue) => issue.message)).toEqual(["too-long"]);
    // Within the length, both are checked as ever.
    expect(emailAddress.schema.safeParse("a@a.a.a@").error?.issues.map((issue) => issue.message)).toEqual(["format"]);
    expect(emailAddress.schema.safeParse("parent@example.org").success).toBe(true);
  });
});

describe("numbers typed on an Arabic or Persian keyboard", () => {
  it("are read as 0 to 9 in ages, phone numbers, postcodes and dates", () => {
    expect(wholeNumber(5, 25).schema.parse("١٤")).toBe("14");
    expect(wholeNumber(5, 25).schema.parse("۱۶")).toBe("16");
    expect(ukPhoneNumber.schema.parse("٠٧٧٠٠ ٩٠٠١٢٣")).toBe("07700 900123");
    expect(ukPostcode.schema.parse("ex١ ١aa")).toBe("EX1 1AA");
    const date = pastMonthYear.build("when", "2026-12-06", true).parse({ "when-month": "٣", "when-year": "٢٠٢٦" });
    expect(date).toMatchObject({ "when-month": "3", "when-year": "2026" });
    const soon = upcomingDate.build("on", "2026-12-06", true).parse({ "on-day": "١٥", "on-month": "١٢", "on-year": "٢٠٢٦" });
    expect(soon).toMatchObject({ "on-day": "15", "on-month": "12", "on-year": "2026" });
  });
});
