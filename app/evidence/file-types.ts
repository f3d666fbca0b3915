// What a file is, told by its bytes as they stream past, never by its name alone. Decision 030 says why this is
// ours rather than the `file-type` package. Memory is bounded whatever the file's size: the first 4 KB, a
// 256 KB window at the end for a zip's table of contents, and a few KB of context for PDF trailers.

export const evidenceTypes = {
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  png: { mime: "image/png", extensions: ["png"] },
  heic: { mime: "image/heic", extensions: ["heic", "heif"] },
  webp: { mime: "image/webp", extensions: ["webp"] },
  gif: { mime: "image/gif", extensions: ["gif"] },
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  odt: { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  text: { mime: "text/plain; charset=utf-8", extensions: ["txt"] },
} as const satisfies Record<string, { mime: string; extensions: readonly string[] }>;

export type EvidenceType = keyof typeof evidenceTypes;

export const evidenceTypeNames = Object.keys(evidenceTypes) as EvidenceType[];

export function isEvidenceType(value: string): value is EvidenceType {
  return Object.hasOwn(evidenceTypes, value);
}

/** What the file's bytes say, and whether that is acceptable. */
export type TypeVerdict = { ok: true; type: EvidenceType } | { ok: false; problem: TypeProblem };
export type TypeProblem = "wrong-type" | "password-protected" | "empty";

/** What a name claims: a type we take, no extension at all, or an extension we do not take. */
export type ClaimedType = { type: EvidenceType } | "none" | "unsupported";

export function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return null;
  return name.slice(dot + 1).toLowerCase();
}

export function claimedType(name: string): ClaimedType {
  const extension = extensionOf(name);
  if (extension === null) return "none";
  const type = evidenceTypeNames.find((t) => (evidenceTypes[t].extensions as readonly string[]).includes(extension));
  return type ? { type } : "unsupported";
}

/** The extension a file of this type is stored and sent with when its name had none. */
export function defaultExtension(type: EvidenceType): string {
  return evidenceTypes[type].extensions[0];
}

// ---------------------------------------------------------------------------------------------------------

const HEAD_BYTES = 4096;
/** The end of a file kept for a zip's central directory: 256 KB is a table of contents for thousands of parts. */
const ZIP_TAIL_BYTES = 256 * 1024;
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);
const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

type Detected = EvidenceType | "zip" | "ole" | "unknown";

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function detectHead(head: Uint8Array): Detected {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "gif";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  if (ascii(head, 0, 5) === "%PDF-") return "pdf";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  // An Office document with a password is not a zip but an OLE compound file holding the encrypted package.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (ascii(head, 4, 8) === "ftyp") return isHeic(head) ? "heic" : "unknown";
  return "text";
}

/** ISO BMFF: the `ftyp` box's major brand is one of HEIF's, and no brand says it is AVIF. */
function isHeic(head: Uint8Array): boolean {
  if (head.length < 16) return false;
  const boxSize = view(head).getUint32(0);
  if (boxSize < 16 || boxSize % 4 !== 0) return false;
  if (!HEIC_BRANDS.has(ascii(head, 8, 12))) return false;
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) {
    if (AVIF_BRANDS.has(ascii(head, offset, offset + 4))) return false;
  }
  return true;
}

/** ODF: the zip's first entry is `mimetype`, stored uncompressed, holding the text document's type. */
function firstEntryIsOdtMimetype(head: Uint8Array): boolean {
  if (head.length < 30) return false;
  const v = view(head);
  const method = v.getUint16(8, true);
  const size = v.getUint32(18, true);
  const nameLength = v.getUint16(26, true);
  const extraLength = v.getUint16(28, true);
  if (nameLength !== 8 || ascii(head, 30, 38) !== "mimetype") return false;
  const start = 30 + nameLength + extraLength;
  return method === 0 && size === ODT_MIMETYPE.length && ascii(head, start, start + size) === ODT_MIMETYPE;
}

function firstEntryIsMimetype(head: Uint8Array): boolean {
  return head.length >= 38 && view(head).getUint16(26, true) === 8 && ascii(head, 30, 38) === "mimetype";
}

/** The names in a zip's central directory, read from the end of the file; null when it is not a whole zip. */
export function zipEntryNames(tail: Uint8Array, fileSize: number): string[] | null {
  const v = view(tail);
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
  for (let eocd = tail.length - 22; eocd >= 0 && eocd >= tail.length - 22 - 65_535; eocd--) {
    if (v.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = v.getUint16(eocd + 10, true);
    const directorySize = v.getUint32(eocd + 12, true);
    const directoryOffset = v.getUint32(eocd + 16, true);
    const commentLength = v.getUint16(eocd + 20, true);
    if (eocd + 22 + commentLength !== tail.length) continue;
    // ZIP64 (over 65,535 entries or 4 GB) is never a document of 10 MB.
    if (entries === 0xffff || directoryOffset === 0xffffffff) return null;
    const tailStart = fileSize - tail.length;
    let at = directoryOffset - tailStart;
    if (at < 0 || directoryOffset + directorySize > fileSize - (tail.length - eocd)) return null;
    const names: string[] = [];
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < entries; i++) {
      if (at + 46 > eocd || v.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = v.getUint16(at + 28, true);
      const extraLength = v.getUint16(at + 30, true);
      const entryCommentLength = v.getUint16(at + 32, true);
      if (at + 46 + nameLength > eocd) return null;
      names.push(decoder.decode(tail.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + extraLength + entryCommentLength;
    }
    return names;
  }
  return null;
}

/** Keeps the last `limit` bytes of a stream, in the pieces they came in. */
class Tail {
  private pieces: Uint8Array[] = [];
  private length = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Uint8Array): void {
    this.pieces.push(chunk.slice(Math.max(0, chunk.length - this.limit)));
    this.length += Math.min(chunk.length, this.limit);
    while (this.pieces.length > 1 && this.length - this.pieces[0]!.length >= this.limit) this.length -= this.pieces.shift()!.length;
  }

  bytes(): Uint8Array {
    const all = new Uint8Array(this.length);
    let at = 0;
    for (const piece of this.pieces) {
      all.set(piece, at);
      at += piece.length;
    }
    return all.subarray(Math.max(0, all.length - this.limit));
  }
}

/**
 * Finds a byte pattern in a stream, with `before` bytes of what came before each match and `after` bytes of what
 * follows, all in bounded memory: a window of `before + pattern + after` bytes is carried between pieces.
 */
class StreamSearch {
  private carry = new Uint8Array(0);
  /** How many bytes of `carry` have already been searched for a match's start. */
  private searched = 0;

  constructor(
    private readonly pattern: Uint8Array,
    private readonly before: number,
    private readonly after: number,
    /** Called with the window searched and the match's place in it: its context is `from` to `to`. Nothing is
     * copied or made for a match, so a file of nothing but matches costs no more than a search. */
    private readonly onMatch: (window: Uint8Array, at: number, from: number, to: number) => void,
  ) {}

  push(chunk: Uint8Array): void {
    const window = new Uint8Array(this.carry.length + chunk.length);
    window.set(this.carry);
    window.set(chunk, this.carry.length);
    // A match is examined once `after` bytes follow it (or at the end); the rest waits for the next piece.
    const lastStart = window.length - this.pattern.length - this.after;
    this.scan(window, lastStart);
    const keepFrom = Math.max(0, Math.min(lastStart + 1, window.length) - this.before);
    this.searched = Math.max(0, lastStart + 1 - keepFrom);
    this.carry = window.slice(keepFrom);
  }

  finish(): void {
    this.scan(this.carry, this.carry.length - this.pattern.length);
    this.carry = new Uint8Array(0);
  }

  private scan(window: Uint8Array, lastStart: number): void {
    const first = this.pattern[0]!;
    for (let i = this.searched; i <= lastStart; i++) {
      if (window[i] !== first) continue;
      let match = true;
      for (let j = 1; j < this.pattern.length; j++) {
        if (window[i + j] !== this.pattern[j]) {
          match = false;
          break;
        }
      }
      if (match) this.onMatch(window, i, Math.max(0, i - this.before), Math.min(window.length, i + this.pattern.length + this.after));
    }
  }
}

const PDF_CONTEXT = 1024;
const pdfDelimiters = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x2f, 0x3c, 0x5b, 0x28]);

/**
 * `/Encrypt` as a key of the trailer (after `trailer`) or of a cross-reference stream's dictionary (`/XRef`),
 * with a reference or a dictionary as its value. Every encrypted PDF has one; the text of an unencrypted PDF
 * may mention the word, but not as such a key.
 */
function encryptKey(window: Uint8Array, at: number, from: number, to: number): "none" | "elsewhere" | "trailer" {
  const keyEnd = at + "/Encrypt".length;
  if (keyEnd < to && !pdfDelimiters.has(window[keyEnd]!)) return "none";
  if (!referenceOrDictionaryAt(window, keyEnd, to)) return "none";
  // Read in place, never decoded.
  const bytes = Buffer.from(window.buffer, window.byteOffset, window.byteLength);
  return bytes.subarray(from, at).includes("trailer") || bytes.subarray(from, to).includes("/XRef") ? "trailer" : "elsewhere";
}

/**
 * How many keys with a key's value ("/Encrypt 5 0 R") outside a trailer a PDF may hold before it is taken for
 * encrypted: a real one has none, or a sentence or two about them; each costs a search of the bytes around it, so a
 * file made of nothing else would cost seconds (an outside security review).
 */
const ENCRYPT_KEYS_ELSEWHERE = 64;

/** White space as PDF reads it (NUL, tab, line feed, form feed, carriage return, space), and vertical tab. */
const isSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0x00;
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

/** Whether the bytes from `from` (up to `to`) are, after any white space, a dictionary (`<<`) or a reference
 * (`12 0 R`): white space, digits, white space, digits, white space, then R. */
function referenceOrDictionaryAt(bytes: Uint8Array, from: number, to: number): boolean {
  let at = from;
  while (at < to && isSpace(bytes[at]!)) at++;
  if (at + 1 < to && bytes[at] === 0x3c && bytes[at + 1] === 0x3c) return true;
  for (const digits of [true, false, true, false]) {
    const start = at;
    while (at < to && (digits ? isDigit(bytes[at]!) : isSpace(bytes[at]!))) at++;
    if (at === start) return false;
  }
  return at < to && bytes[at] === 0x52;
}

/** Streaming check that text is UTF-8 with no control characters but tab and line breaks. */
class TextCheck {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  valid = true;

  push(chunk: Uint8Array): void {
    if (!this.valid) return;
    try {
      this.check(this.decoder.decode(chunk, { stream: true }));
    } catch {
      this.valid = false;
    }
  }

  finish(): void {
    if (!this.valid) return;
    try {
      this.check(this.decoder.decode());
    } catch {
      this.valid = false;
    }
  }

  private check(text: string): void {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) this.valid = false;
  }
}

/**
 * Reads a file as it streams past and says what it is. `claimed` is the type its name's extension claims (null
 * for a name without one); the bytes must agree with it. `problem` is set as soon as the file cannot be taken,
 * so an upload can stop storing it early; `finish()` gives the verdict once every byte has been seen.
 */
export class FileSniffer {
  private head: Uint8Array = new Uint8Array(HEAD_BYTES);
  private headLength = 0;
  private detected: Detected | null = null;
  private size = 0;
  private early: TypeProblem | null = null;
  private tail: Tail | null = null;
  private search: StreamSearch | null = null;
  private found = false;
  private text: TextCheck | null = null;

  constructor(private readonly claimed: EvidenceType | null) {}

  get problem(): TypeProblem | null {
    return this.early;
  }

  push(chunk: Uint8Array): void {
    if (this.early || chunk.length === 0) return;
    this.size += chunk.length;
    if (this.detected === null) {
      const take = Math.min(chunk.length, HEAD_BYTES - this.headLength);
      this.head.set(chunk.subarray(0, take), this.headLength);
      this.headLength += take;
      if (this.headLength < HEAD_BYTES) return;
      this.decide();
      this.feed(this.head.subarray(0, this.headLength));
      if (take < chunk.length) this.feed(chunk.subarray(take));
      return;
    }
    this.feed(chunk);
  }

  finish(): TypeVerdict {
    if (this.size === 0) return { ok: false, problem: "empty" };
    if (this.detected === null) {
      this.decide();
      this.feed(this.head.subarray(0, this.headLength));
    }
    if (this.early) return { ok: false, problem: this.early };
    const detected = this.detected!;
    if (detected === "pdf") {
      this.search!.finish();
      return this.found ? { ok: false, problem: "password-protected" } : { ok: true, type: "pdf" };
    }
    if (detected === "ole") {
      this.search!.finish();
      return { ok: false, problem: this.found ? "password-protected" : "wrong-type" };
    }
    if (detected === "text") {
      this.text!.finish();
      return this.text!.valid ? { ok: true, type: "text" } : { ok: false, problem: "wrong-type" };
    }
    if (detected === "zip") {
      const names = zipEntryNames(this.tail!.bytes(), this.size);
      if (!names) return { ok: false, problem: "wrong-type" };
      if (firstEntryIsOdtMimetype(this.head) && names[0] === "mimetype") return { ok: true, type: "odt" };
      const isDocx = names.includes("[Content_Types].xml") && names.some((name) => name.startsWith("word/"));
      return isDocx && !firstEntryIsMimetype(this.head) ? { ok: true, type: "docx" } : { ok: false, problem: "wrong-type" };
    }
    return { ok: true, type: detected as EvidenceType };
  }

  /** Settles what the first bytes say, and refuses at once when they cannot match the name. */
  private decide(): void {
    const head = this.head.subarray(0, this.headLength);
    let detected = detectHead(head);
    if (detected === "zip" && firstEntryIsOdtMimetype(head)) detected = "odt";
    this.detected = detected === "odt" ? "zip" : detected;
    const claimed = this.claimed;
    const acceptable =
      detected === "unknown"
        ? false
        : detected === "odt"
          ? claimed === null || claimed === "odt"
          : detected === "zip"
            ? claimed === null || claimed === "docx"
            : detected === "ole"
              ? claimed === "docx"
              : claimed === null || claimed === detected;
    if (!acceptable) {
      this.early = "wrong-type";
      return;
    }
    if (this.detected === "zip") this.tail = new Tail(ZIP_TAIL_BYTES);
    if (this.detected === "pdf") {
      let elsewhere = 0;
      this.search = new StreamSearch(new TextEncoder().encode("/Encrypt"), PDF_CONTEXT, PDF_CONTEXT, (window, at, from, to) => {
        if (this.found) return;
        const key = encryptKey(window, at, from, to);
        if (key === "trailer" || (key === "elsewhere" && ++elsewhere > ENCRYPT_KEYS_ELSEWHERE)) this.found = true;
      });
    }
    if (this.detected === "ole") {
      // The stream an encrypted Office document keeps its contents in, named in UTF-16.
      const name = new Uint8Array([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]));
      this.search = new StreamSearch(name, 0, 0, () => (this.found = true));
    }
    if (this.detected === "text") this.text = new TextCheck();
  }

  private feed(bytes: Uint8Array): void {
    this.tail?.push(bytes);
    this.search?.push(bytes);
    if (this.text) {
      this.text.push(bytes);
      if (!this.text.valid) this.early = "wrong-type";
    }
  }
}

/** The verdict for bytes already in memory (tests, small files). */
export function sniffBytes(bytes: Uint8Array, claimed: EvidenceType | null, pieceSize = 64 * 1024): TypeVerdict {
  const sniffer = new FileSniffer(claimed);
  for (let offset = 0; offset < bytes.length; offset += pieceSize) {
    sniffer.push(bytes.subarray(offset, offset + pieceSize));
    if (sniffer.problem) return { ok: false, problem: sniffer.problem };
  }
  return sniffer.finish();
}
