// The words a page came with (docs/decisions/053).
//
// A page's first render needs only the words it shows: a question page reads about a twentieth of its journey's
// locale file and a third of common's. The server records where each of its lookups read (app/translation/
// page-words.server.ts) and sends those places with the page, as a data block at the end of its body; the browser
// hydrates from them at once, with no locale file to fetch first. The same code over the same places gives the same
// words: every place the first render reads is there, found or known to be missing.
//
// Anything else (the next page's words, a word a later render asks for) is "not known here": the browser fetches the
// namespace's whole file, as it did before, and the render that asked waits for it.

import { isRecord, own } from "./translate";

/** The data block's id. */
export const pageWordsId = "page-words";

/** One namespace's words as a page read them. */
export interface NamespaceWords {
  /** What was found, at the places it was found, nested as in the locale file. */
  words: Record<string, unknown>;
  /** Places whose whole object was read (an object looked up, with everything under it). */
  whole?: string[];
  /** Places read and not found: known to be missing from the whole file too. */
  absent?: string[];
}

/** Namespace → its words as the page read them, in the page's language. */
export type PageWords = Record<string, NamespaceWords>;

/** A place the page's words know: what is there (undefined when it is known to be missing), or not known. */
export type Known = { known: true; value: unknown } | { known: false };

/** An object as the data block's JSON has them: not an array. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => isRecord(value) && !Array.isArray(value);
const unknown: Known = { known: false };
const missing: Known = { known: true, value: undefined };

/** Reads places in one namespace's page words: what they hold, or that the page's words do not know them. */
export function pageWordsReader(namespace: NamespaceWords): (path: string) => Known {
  const whole = new Set(namespace.whole ?? []);
  const absent = new Set(namespace.absent ?? []);
  return (path) => {
    const parts = path.split(".");
    let here: unknown = namespace.words;
    let place = "";
    // Below a place read whole, what is not there is missing from the file too.
    let covered = false;
    for (const part of parts) {
      if (!isRecord(here)) return missing; // the file has words here, not an object
      place = place ? `${place}.${part}` : part;
      // JSON holds no undefined: a part that is not there is what gives it.
      const next = own(here, part);
      if (next === undefined) return covered || absent.has(path) ? missing : unknown;
      here = next;
      if (whole.has(place)) covered = true;
    }
    // An object is known only when it was read whole: the page may hold only some of its parts.
    if (isRecord(here)) return covered ? { known: true, value: here } : unknown;
    return { known: true, value: here };
  };
}

/** Reads the page's words from its data block; nothing when there is none or it cannot be read. */
export function parsePageWords(text: string | null | undefined): PageWords | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isPlainObject(parsed)) return null;
    for (const value of Object.values(parsed)) if (!isPlainObject(value) || !isPlainObject(value.words)) return null;
    return parsed as PageWords;
  } catch {
    return null;
  }
}
