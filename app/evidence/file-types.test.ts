// Every type is told by its bytes, in pieces of any size; a name whose extension the bytes do not bear out is
// refused, and so are encrypted PDFs and Word files, and files that only look like ours.
import { describe, expect, it } from "vitest";
import {
  avif,
  avifAsMif1,
  docx,
  encryptedDocx,
  heic,
  makeZip,
  mp4,
  ods,
  odt,
  pdf,
  png,
  pseudoRandomBytes,
  samples,
} from "../../tests/support/evidence-files";
import { claimedType, evidenceTypeNames, FileSniffer, sniffBytes, type EvidenceType } from "./file-types";

const pieceSizes = [1, 7, 4095, 4096, 4097, 65_536, 10_000_000];

describe("file types by their first bytes", () => {
  it.each(evidenceTypeNames)("knows %s, whatever size the pieces arrive in", (type) => {
    const sample = samples[type];
    const claimed = claimedType(sample.name);
    expect(claimed).toEqual({ type });
    for (const size of pieceSizes) {
      expect(sniffBytes(sample.bytes(), type, size), `pieces of ${size}`).toEqual({ ok: true, type });
      expect(sniffBytes(sample.bytes(), null, size), `no extension, pieces of ${size}`).toEqual({ ok: true, type });
    }
  });

  it.each(evidenceTypeNames)("refuses %s bytes under every other type's name", (type) => {
    for (const other of evidenceTypeNames.filter((t) => t !== type)) {
      expect(sniffBytes(samples[type].bytes(), other), `${type} named as ${other}`).toEqual({ ok: false, problem: "wrong-type" });
    }
  });

  it("reads names' extensions in any case, and refuses extensions it does not take", () => {
    expect(claimedType("IMG_0042.HEIC")).toEqual({ type: "heic" });
    expect(claimedType("scan.JPEG")).toEqual({ type: "jpeg" });
    expect(claimedType("photo.heif")).toEqual({ type: "heic" });
    expect(claimedType("photo")).toBe("none");
    expect(claimedType(".bashrc")).toBe("none");
    expect(claimedType("setup.exe")).toBe("unsupported");
    expect(claimedType("letter.doc")).toBe("unsupported");
    expect(claimedType("letter.pdf.exe")).toBe("unsupported");
  });

  it("says an empty file is empty", () => {
    expect(new FileSniffer("pdf").finish()).toEqual({ ok: false, problem: "empty" });
    expect(sniffBytes(new Uint8Array(0), null)).toEqual({ ok: false, problem: "empty" });
  });

  describe("HEIC", () => {
    it.each(["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"])("takes the major brand %s", (brand) => {
      expect(sniffBytes(heic(brand), "heic")).toEqual({ ok: true, type: "heic" });
    });

    it("refuses AVIF (even with a HEIF major brand), MP4 and other ISO files named .heic", () => {
      expect(sniffBytes(avif(), "heic")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(avifAsMif1(), "heic")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(mp4(), "heic")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(mp4(), null)).toEqual({ ok: false, problem: "wrong-type" });
    });
  });

  describe("PDF", () => {
    it("finds /Encrypt in a trailer or a cross-reference stream's dictionary, megabytes in, across piece edges", () => {
      for (const encrypt of ["trailer", "xref-stream"] as const) {
        const bytes = pdf({ encrypt, padding: 3 * 1024 * 1024 });
        for (const size of [1_000, 65_536, 262_144]) {
          expect(sniffBytes(bytes, "pdf", size), `${encrypt} in pieces of ${size}`).toEqual({ ok: false, problem: "password-protected" });
        }
        // Cut exactly inside the key.
        const at = bytes.lastIndexOf("/Encrypt 5 0 R");
        const sniffer = new FileSniffer("pdf");
        sniffer.push(bytes.subarray(0, at + 4));
        sniffer.push(bytes.subarray(at + 4));
        expect(sniffer.finish()).toEqual({ ok: false, problem: "password-protected" });
      }
    });

    it("does not take the word in a page's text for encryption", () => {
      expect(sniffBytes(pdf({ text: "the /Encrypt key (and /Encrypt 5 0 R) in a sentence" }), "pdf")).toEqual({ ok: true, type: "pdf" });
      expect(sniffBytes(pdf({ padding: 2 * 1024 * 1024 }), "pdf", 65_536)).toEqual({ ok: true, type: "pdf" });
    });

    it("reads the key's value as a dictionary or a reference, with any white space, and nothing else", () => {
      const trailer = (value: string) => Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt${value} >>\n%%EOF\n`, "latin1");
      for (const value of ["<< /Filter /Standard >>", " << >>", " 12 0 R", "\n12\r\n0\tR", "\f7 3 R", "\u000012 0 R"]) {
        expect(sniffBytes(trailer(value), "pdf"), JSON.stringify(value)).toEqual({ ok: false, problem: "password-protected" });
      }
      for (const value of [" 12 R", " /Foo", " 12 0 X", " <", " 12 0", " R", "12 0 R"]) {
        expect(sniffBytes(trailer(value), "pdf"), JSON.stringify(value)).toEqual({ ok: true, type: "pdf" });
      }
    });

    it("looks at a file made of nothing but the key as at any other, to its end", () => {
      for (const unit of ["/Encrypt ", "/Encrypt 1 0 X "]) {
        expect(sniffBytes(Buffer.concat([Buffer.from("%PDF-1.7\ntrailer\n"), Buffer.from(unit.repeat(100_000))]), "pdf", 65_536)).toEqual({ ok: true, type: "pdf" });
      }
    });

    it("takes a file with more keys than a real one has, away from any trailer, for encrypted, rather than search round each", () => {
      const keys = (count: number, key: string) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(`${"x".repeat(2048)}${key}`.repeat(count)), Buffer.from("\n%%EOF\n")]);
      for (const key of ["/Encrypt<<", "/Encrypt 1 0 R "]) {
        expect(sniffBytes(keys(64, key), "pdf"), `64 × ${key}`).toEqual({ ok: true, type: "pdf" });
        expect(sniffBytes(keys(65, key), "pdf"), `65 × ${key}`).toEqual({ ok: false, problem: "password-protected" });
      }
    });
  });

  describe("Word and OpenDocument", () => {
    it("reads a zip's table of contents from its end, with or without sizes in the entries' headers", () => {
      expect(sniffBytes(docx("x", { dataDescriptors: true }), "docx")).toEqual({ ok: true, type: "docx" });
      expect(sniffBytes(docx("x", { padding: 5 * 1024 * 1024 }), "docx", 65_536)).toEqual({ ok: true, type: "docx" });
      const withComment = makeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }], { comment: "made by a phone" });
      expect(sniffBytes(withComment, "docx")).toEqual({ ok: true, type: "docx" });
    });

    it("refuses zips that are not Word or OpenDocument text, and broken ones", () => {
      const plainZip = makeZip([{ name: "photos/1.jpg", data: "x" }]);
      expect(sniffBytes(plainZip, "docx")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(plainZip, null)).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(makeZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.xml", data: "<workbook/>" }]), "docx")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(ods(), "odt")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(ods(), null)).toEqual({ ok: false, problem: "wrong-type" });
      const cut = docx();
      expect(sniffBytes(cut.subarray(0, cut.length - 30), "docx")).toEqual({ ok: false, problem: "wrong-type" });
    });

    it("says a password-protected Word file is password protected, and an old .doc renamed is the wrong type", () => {
      expect(sniffBytes(encryptedDocx(), "docx")).toEqual({ ok: false, problem: "password-protected" });
      const oldDoc = Buffer.concat([encryptedDocx().subarray(0, 512), pseudoRandomBytes(4096)]);
      expect(sniffBytes(oldDoc, "docx")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(encryptedDocx(), null)).toEqual({ ok: false, problem: "wrong-type" });
    });

    it("tells ODT from DOCX by the first entry", () => {
      expect(sniffBytes(odt(), "docx")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(docx(), "odt")).toEqual({ ok: false, problem: "wrong-type" });
    });
  });

  describe("plain text", () => {
    it("takes UTF-8 in any language, with tabs and line breaks, and a byte order mark", () => {
      expect(sniffBytes(Buffer.from("Zażółć gęślą jaźń\r\n\tمرحبا 👋\n"), "text", 1)).toEqual({ ok: true, type: "text" });
      expect(sniffBytes(Buffer.from("\uFEFFNotes", "utf8"), "text")).toEqual({ ok: true, type: "text" });
      expect(sniffBytes(Buffer.alloc(3 * 1024 * 1024, "Long notes. "), "text", 65_536)).toEqual({ ok: true, type: "text" });
    });

    it("refuses bytes that are not UTF-8, NUL and other controls, and text cut inside a character", () => {
      expect(sniffBytes(Buffer.from([0x41, 0xff, 0x42]), "text")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(Buffer.from("Notes\u0000more"), "text")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(Buffer.from("Notes\u001b[31m"), "text")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(Buffer.from("UTF-16", "utf16le"), "text")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(Buffer.from("zażółć").subarray(0, 3), "text")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(Buffer.concat([Buffer.alloc(5 * 4096, "a"), Buffer.from([0])]), "text", 4096)).toEqual({ ok: false, problem: "wrong-type" });
    });

    it("refuses an executable or a script named .txt only when its bytes are not text", () => {
      expect(sniffBytes(Buffer.concat([Buffer.from("MZ"), pseudoRandomBytes(5000)]), "text")).toEqual({ ok: false, problem: "wrong-type" });
      expect(sniffBytes(Buffer.from("#!/bin/sh\necho hello\n"), "text")).toEqual({ ok: true, type: "text" });
    });
  });

  it("refuses early, after the first 4 KB, when the bytes cannot match the name", () => {
    const sniffer = new FileSniffer("jpeg");
    sniffer.push(png(64, 64, true));
    expect(sniffer.problem).toBe("wrong-type");
    const text = new FileSniffer("text");
    text.push(Buffer.alloc(4096, "a"));
    expect(text.problem).toBeNull();
    text.push(Buffer.from([0xc3, 0x28]));
    expect(text.problem).toBe("wrong-type");
  });

  it("keeps memory bounded: nothing it holds grows with the file", () => {
    const sniffer = new FileSniffer("docx" as EvidenceType);
    const piece = pseudoRandomBytes(256 * 1024);
    sniffer.push(docx().subarray(0, 4096));
    for (let i = 0; i < 40; i++) sniffer.push(piece);
    const held = JSON.stringify(Object.values(sniffer).map((v) => (v && typeof v === "object" && "pieces" in v ? (v as { pieces: Uint8Array[] }).pieces.reduce((n, p) => n + p.length, 0) : 0)));
    expect(Math.max(...(JSON.parse(held) as number[]))).toBeLessThanOrEqual(256 * 1024 + 256 * 1024);
  });
});
