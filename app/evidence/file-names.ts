// A file's name as the person's device sent it is only ever shown, after cleaning; it is never a path. The
// cleaned name is what is stored, listed on the page, put in the staff email and the download's header.

export const MAX_FILE_NAME_LENGTH = 100;
/** An extension longer than this is not kept apart when a long name is shortened. */
const MAX_EXTENSION_LENGTH = 10;

// C0 and C1 controls and DEL; bidirectional embeddings, overrides, isolates and marks (which reorder the text
// around them); zero-width characters and the byte order mark; line and paragraph separators.
// eslint-disable-next-line no-control-regex
const unwanted = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;
// Characters Windows does not allow in a name, and path separators, become a low line.
const reserved = /[<>:"/\\|?*]/g;

/**
 * Cleans a name for storing and showing: the last part of any path, no control, bidirectional or invisible
 * characters, Unicode NFC, white space collapsed, no leading dots, at most 100 characters with the extension
 * kept. `fallback` is used when nothing is left.
 */
export function cleanFileName(original: string, fallback = "file"): string {
  const lastPart = original.split(/[/\\]/).pop() ?? "";
  let name = lastPart
    .normalize("NFC")
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, " ")
    .replace(unwanted, "")
    .replace(reserved, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (!name) name = fallback;
  return shorten(name);
}

/** Cuts the part before the extension, by whole characters (never half a surrogate pair), to fit 100. */
function shorten(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length < 2 || extension.length > MAX_EXTENSION_LENGTH + 1) return characters.slice(0, MAX_FILE_NAME_LENGTH).join("").trim();
  const base = Array.from(name.slice(0, dot));
  return `${base.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join("").trim()}${extension.join("")}`;
}

/** The cleaned name with `extension` added, for a file whose name had none (a photo shared from an app). */
export function withExtension(name: string, extension: string): string {
  return shorten(`${name}.${extension}`);
}
