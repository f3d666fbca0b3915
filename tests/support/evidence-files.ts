// Real files of each type the portal takes, made here byte by byte (no binaries in the repository): a PNG and
// zips with their checksums worked out, PDFs with correct cross-reference offsets, and the small published
// JPEG, GIF and WebP images. Also the awkward ones: an encrypted PDF (classic trailer and cross-reference
// stream), a password-protected Word file, an AVIF and an MP4 dressed as HEIC, broken zips.
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** Stored without compression (ODF's `mimetype` must be). */
  stored?: boolean;
  /** Marked encrypted (general purpose flag bit 0), its bytes as given: what a password-protected archive says of
   * each entry, all a scanner can see of it. */
  encrypted?: boolean;
}

/**
 * A zip as office suites write them. With `dataDescriptors`, sizes follow each entry's data instead of sitting
 * in its header (as Java and some phone apps write), so a reader must use the central directory.
 */
export function makeZip(entries: ZipEntry[], { dataDescriptors = false, comment = "" } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, "utf8");
    const data = entry.stored || entry.encrypted ? raw : deflateRawSync(raw);
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(raw);
    const flags = (dataDescriptors ? 0x08 : 0) | 0x800 | (entry.encrypted ? 0x01 : 0);
    const method = entry.stored || entry.encrypted ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(dataDescriptors ? 0 : crc, 14);
    local.writeUInt32LE(dataDescriptors ? 0 : data.length, 18);
    local.writeUInt32LE(dataDescriptors ? 0 : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const parts = [local, name, data];
    if (dataDescriptors) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      parts.push(descriptor);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    const local_ = Buffer.concat(parts);
    locals.push(local_);
    offset += local_.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const documentXml = (text: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

export function docx(text = "My complaint about the meeting on 3 March.", options: { dataDescriptors?: boolean; padding?: number } = {}): Buffer {
  const entries: ZipEntry[] = [
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rootRels },
    { name: "word/document.xml", data: documentXml(text) },
  ];
  // Incompressible media makes a large document, as photos in a letter do.
  if (options.padding) entries.push({ name: "word/media/image1.png", data: pseudoRandomBytes(options.padding), stored: true });
  return makeZip(entries, { dataDescriptors: options.dataDescriptors });
}

/**
 * A Word document with something inside a scanner cannot look into: the EICAR test file zipped 20 times over (deeper
 * than clamd's default MaxRecursion of 17), or an archive whose entry is password-protected. clamd says such a file is
 * clean unless told to alert on them (`AlertExceedsMax`, `AlertEncrypted`: docs/deploying.md).
 */
export function docxHiding(what: "nested" | "encrypted", eicar: Buffer): Buffer {
  let inner = makeZip([{ name: "eicar.com", data: eicar }]);
  if (what === "nested") for (let level = 1; level < 20; level += 1) inner = makeZip([{ name: `level${level}.zip`, data: inner }]);
  else inner = makeZip([{ name: "eicar.com", data: eicar, encrypted: true }]);
  return makeZip([
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rootRels },
    { name: "word/document.xml", data: documentXml("Please see the attached.") },
    { name: "word/embeddings/package.zip", data: inner },
  ]);
}

export function odt(text = "Notes from the review meeting."): Buffer {
  return makeZip([
    { name: "mimetype", data: "application/vnd.oasis.opendocument.text", stored: true },
    {
      name: "META-INF/manifest.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
    {
      name: "content.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`,
    },
  ]);
}

/** An OpenDocument spreadsheet: a zip with a `mimetype`, but not a text document. */
export function ods(): Buffer {
  return makeZip([
    { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
    { name: "content.xml", data: "<office:document-content/>" },
  ]);
}

/** A password-protected Word file: an OLE compound file holding `EncryptionInfo` and `EncryptedPackage`. */
export function encryptedDocx(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from("EncryptionInfo", "utf16le").copy(directory, 0);
  Buffer.from("EncryptedPackage", "utf16le").copy(directory, 128);
  return Buffer.concat([header, pseudoRandomBytes(8192), directory, pseudoRandomBytes(4096)]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of `width` by `height` grey pixels (noise when `noise`, so it does not compress). */
export function png(width = 2, height = 2, noise = false): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 0;
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), noise ? pseudoRandomBytes(width, y) : Buffer.alloc(width, 0x80)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows, { level: 0 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A 1×1 JPEG. */
export const jpeg = (): Buffer =>
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
    "base64",
  );
/** A 1×1 GIF. */
export const gif = (): Buffer => Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
/** A 1×1 lossless WebP. */
export const webp = (): Buffer => Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");

function ftyp(major: string, compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write("ftyp", 4, "latin1");
  box.write(major, 8, "latin1");
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, "latin1"));
  const meta = Buffer.alloc(40);
  meta.writeUInt32BE(meta.length, 0);
  meta.write("meta", 4, "latin1");
  return Buffer.concat([box, meta, pseudoRandomBytes(2048)]);
}

/** The start of an iPhone photo: an ISO BMFF `ftyp` box with HEIF brands. */
export const heic = (major = "heic"): Buffer => ftyp(major, ["mif1", "heic"]);
export const avif = (): Buffer => ftyp("avif", ["avif", "mif1", "miaf"]);
export const avifAsMif1 = (): Buffer => ftyp("mif1", ["mif1", "avif", "miaf"]);
export const mp4 = (): Buffer => ftyp("isom", ["isom", "iso2", "avc1", "mp41"]);

/**
 * A PDF with a correct cross-reference table. `encrypt` puts `/Encrypt` in the trailer ("trailer"), or makes
 * the cross-reference a stream whose dictionary holds it ("xref-stream"); `padding` adds a page of that many
 * bytes of incompressible content before it, so the trailer is megabytes in.
 */
export function pdf({ encrypt, padding = 0, text = "A letter from the school" }: { encrypt?: "trailer" | "xref-stream"; padding?: number; text?: string } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (body: Buffer | string) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1");
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, body: Buffer | string) => {
    offsets[n] = length;
    add(`${n} 0 obj\n`);
    add(body);
    add("\nendobj\n");
  };
  const content = Buffer.concat([Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET\n% `, "latin1"), pseudoRandomBytes(padding).map((b) => (b === 0x0a || b === 0x0d ? 0x20 : b)), Buffer.from("\n")]);
  object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>");
  object(4, Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, "latin1"), content, Buffer.from("endstream", "latin1")]));
  const objects = encrypt ? 5 : 4;
  if (encrypt) object(5, "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00> /U <00> /EncryptMetadata true >>");
  const xrefAt = length;
  if (encrypt === "xref-stream") {
    const rows = Buffer.concat([Buffer.from([0, 0, 0, 255]), ...offsets.slice(1).map((offset) => Buffer.from([1, (offset >> 8) & 0xff, offset & 0xff, 0]))]);
    add(`${objects + 1} 0 obj\n<< /Type /XRef /Size ${objects + 2} /W [1 2 1] /Root 1 0 R /Encrypt 5 0 R /ID [<0102><0102>] /Length ${rows.length} >>\nstream\n`);
    add(rows);
    add("\nendstream\nendobj\n");
  } else {
    add(`xref\n0 ${objects + 1}\n0000000000 65535 f \n`);
    for (let n = 1; n <= objects; n++) add(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`);
    add(`trailer\n<< /Size ${objects + 1} /Root 1 0 R${encrypt === "trailer" ? " /Encrypt 5 0 R /ID [<0102><0102>]" : ""} >>\n`);
  }
  add(`startxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** Deterministic noise (xorshift), so large files are the same on every run and do not compress. */
export function pseudoRandomBytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** One sample of each type the portal takes, with a name that matches. */
export const samples = {
  jpeg: { name: "photo of the letter.jpg", bytes: jpeg },
  png: { name: "screenshot.png", bytes: () => png() },
  heic: { name: "IMG_0042.HEIC", bytes: () => heic() },
  webp: { name: "message.webp", bytes: webp },
  gif: { name: "drawing.gif", bytes: gif },
  pdf: { name: "care plan.pdf", bytes: () => pdf() },
  docx: { name: "complaint letter.docx", bytes: () => docx() },
  odt: { name: "notes.odt", bytes: () => odt() },
  text: { name: "what happened.txt", bytes: () => Buffer.from("On Tuesday the social worker did not come.\r\nWe waited all day.\n\tThank you.\n", "utf8") },
} as const;
