import { describe, expect, it } from "vitest";
import { cleanFileName, MAX_FILE_NAME_LENGTH, withExtension } from "./file-names";

describe("file names", () => {
  it("keeps an ordinary name as it is", () => {
    expect(cleanFileName("photo of the letter.jpg")).toBe("photo of the letter.jpg");
    expect(cleanFileName("Zażółć gęślą jaźń.pdf")).toBe("Zażółć gęślą jaźń.pdf");
    expect(cleanFileName("رسالة.pdf")).toBe("رسالة.pdf");
  });

  it("keeps only the last part of a path, from any system", () => {
    expect(cleanFileName("C:\\fakepath\\myphoto.jpg")).toBe("myphoto.jpg");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("/var/lib/portal/../../x.pdf")).toBe("x.pdf");
    expect(cleanFileName("..")).toBe("file");
    expect(cleanFileName("")).toBe("file");
    expect(cleanFileName("....")).toBe("file");
    expect(cleanFileName(".htaccess")).toBe("htaccess");
  });

  it("drops control, bidirectional and invisible characters, and makes reserved characters harmless", () => {
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("a\u0000b\u0007c\u001b[31m.txt")).toBe("abc[31m.txt");
    expect(cleanFileName("name\u2066x\u2069\u200B\uFEFF.png")).toBe("namex.png");
    expect(cleanFileName("line\r\nbreak\u0085.txt")).toBe("line break .txt");
    expect(cleanFileName('what "she" said: <no>|why?*.txt')).toBe("what _she_ said_ _no__why__.txt");
    expect(cleanFileName("  lots   of\tspace  .pdf  ")).toBe("lots of space .pdf");
  });

  it("puts names in NFC, so the same name typed on two devices is the same", () => {
    expect(cleanFileName("Zaz\u0307o\u0301ł.pdf")).toBe("Zażół.pdf");
  });

  it("shortens to 100 characters keeping the extension, never splitting a character", () => {
    const long = cleanFileName(`${"a".repeat(10_000)}.docx`);
    expect(long).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith(".docx")).toBe(true);
    const emoji = cleanFileName(`${"😀".repeat(150)}.jpg`);
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith("😀.jpg")).toBe(true);
    expect(Array.from(cleanFileName("b".repeat(300)))).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(cleanFileName(`x.${"e".repeat(200)}`)).toHaveLength(MAX_FILE_NAME_LENGTH);
  });

  it("adds an extension to a name that had none", () => {
    expect(withExtension("IMG_0042", "heic")).toBe("IMG_0042.heic");
    expect(withExtension("a".repeat(100), "jpg")).toBe(`${"a".repeat(96)}.jpg`);
  });
});
