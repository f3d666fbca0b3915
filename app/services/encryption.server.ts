// Personal data at rest (session answers, stored submissions) is sealed with AES-256-GCM. Each value names the
// key that sealed it, so keys can be rotated: add a new key first in DATA_KEYS, keep the old ones, run
// `npm run rotate-key`, then remove the old keys.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const PREFIX = "enc:v1:";
/** Sealed bytes (evidence files) start with this version byte, then the key id's length and the key id. */
const BYTES_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Keyring {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** `id:base64key,id:base64key`, current key first; each key 32 bytes. */
export function parseKeyring(value: string): Keyring {
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length) throw new Error("must list at least one key as id:base64");
  const keys = new Map<string, Buffer>();
  for (const entry of entries) {
    const [id, encoded] = entry.split(":");
    if (!id || !/^[A-Za-z0-9_-]{1,20}$/.test(id) || !encoded) throw new Error("each key must be id:base64, with a short id of letters, digits, - or _");
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`key ${id} must be 32 bytes of base64`);
    if (keys.has(id)) throw new Error(`key id ${id} is listed twice`);
    keys.set(id, key);
  }
  return { currentId: entries[0]!.split(":")[0]!, keys };
}

export function newKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export class Sealer {
  constructor(private readonly keyring: Keyring) {}

  seal(plaintext: string): string {
    const key = this.keyring.keys.get(this.keyring.currentId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(this.keyring.currentId));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${PREFIX}${this.keyring.currentId}:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${body.toString("base64url")}`;
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error("value is not sealed");
    const [id, iv, tag, body] = sealed.slice(PREFIX.length).split(":");
    const key = id ? this.keyring.keys.get(id) : undefined;
    if (!key || !iv || !tag || body === undefined) throw new Error(`no key ${id ?? "?"} to open this value`);
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(id!));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  }

  /**
   * Seals bytes (a piece of an evidence file) as bytes: version, key id, IV, tag, ciphertext. `context` is
   * authenticated with them (the file and the piece's place in it), so a piece cannot be moved to another file
   * or place without opening failing.
   */
  sealBytes(plaintext: Uint8Array, context: string): Buffer {
    const id = this.keyring.currentId;
    const key = this.keyring.keys.get(id)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(`${id}\0${context}`));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const idBytes = Buffer.from(id);
    return Buffer.concat([Buffer.from([BYTES_VERSION, idBytes.length]), idBytes, iv, cipher.getAuthTag(), body]);
  }

  openBytes(sealed: Uint8Array, context: string): Buffer {
    const id = this.bytesKeyId(sealed);
    const key = this.keyring.keys.get(id);
    if (!key) throw new Error(`no key ${id} to open this value`);
    const start = 2 + Buffer.byteLength(id);
    const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(start, start + IV_BYTES));
    decipher.setAAD(Buffer.from(`${id}\0${context}`));
    decipher.setAuthTag(sealed.subarray(start + IV_BYTES, start + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(start + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /** Whether sealed bytes were sealed with an older key. */
  isStaleBytes(sealed: Uint8Array): boolean {
    return this.bytesKeyId(sealed) !== this.keyring.currentId;
  }

  private bytesKeyId(sealed: Uint8Array): string {
    if (sealed[0] !== BYTES_VERSION || sealed.length < 2 + (sealed[1] ?? 0) + IV_BYTES + TAG_BYTES) throw new Error("value is not sealed bytes");
    return Buffer.from(sealed.subarray(2, 2 + sealed[1]!)).toString("utf8");
  }

  /** Whether a sealed value was sealed with an older key and should be sealed again. */
  isStale(sealed: string): boolean {
    return !sealed.startsWith(`${PREFIX}${this.keyring.currentId}:`);
  }
}
