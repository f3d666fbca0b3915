import { textDirection } from "~/i18n";
import { CANONICAL_REFERENCE } from "~/reference";

// An email is written once as a list of blocks, then rendered to plain text and to accessible HTML,
// so the two parts can never say different things.
export type EmailBlock =
  | { kind: "heading"; text: string; level?: 1 | 2 }
  /** `links`: the web addresses in it are links. Only for words of ours: an address someone typed (in an answer, a
   * name) is never made a link in an email, least of all in one to staff. */
  | { kind: "paragraph"; text: string; links?: boolean }
  | { kind: "list"; items: readonly string[] }
  | { kind: "rows"; rows: readonly { key: string; value: string }[] }
  /** Blocks framed so nobody reading the email can miss them (how to contact someone safely). */
  | { kind: "box"; blocks: readonly EmailBlock[] };

export interface EmailDocument {
  language: string;
  subject: string;
  /**
   * What a list of emails and a locked phone's notification show after the subject, in place of the email's opening
   * words: for an email whose words open something (a code, a reference), a line that says nothing, so an adult who
   * sees someone's notifications does not read them there.
   */
  preview?: string;
  blocks: readonly EmailBlock[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A reference as the portal writes them (C-7K4M-2Q9P-W), anywhere in a text: letters and digits that escaping leaves as they are. */
const referenceShape = new RegExp(`(?<![0-9A-Z-])${CANONICAL_REFERENCE.source.replace(/^\^|\$$/g, "")}(?![0-9A-Z-])`, "g");

/** A web address in a text, up to the space after it, less any full stop or comma that ends the sentence. */
const webAddress = /https?:\/\/[^\s<"]+?(?=[.,;:)]?(?:\s|$))/g;

/**
 * Line breaks people typed stay line breaks, as text, never as markup. A reference stays on one line, left to right:
 * broken at a hyphen at the end of a phone's line ("C-" / "7K4M-2Q9P-W") it is easy to copy down wrong. With `links`, a
 * web address (the page to check a complaint on) is a link, left to right in an Arabic sentence.
 */
function htmlText(value: string, { links = false }: { links?: boolean } = {}): string {
  const escaped = escapeHtml(value).replace(referenceShape, (reference) => `<span dir="ltr" style="white-space: nowrap;">${reference}</span>`);
  return (links ? escaped.replace(webAddress, (address) => `<a href="${address}" dir="ltr">${address}</a>`) : escaped).replace(/\r\n|\r|\n/g, "<br>");
}

function textBlock(block: EmailBlock): string {
  switch (block.kind) {
    case "heading":
      return block.level === 1 ? `${block.text}\n${"=".repeat(Math.min(block.text.length, 60))}` : `${block.text}\n${"-".repeat(Math.min(block.text.length, 60))}`;
    case "paragraph":
      return block.text;
    case "list":
      return block.items.map((item) => `* ${item}`).join("\n");
    case "rows":
      return block.rows.map((row) => `${row.key}:\n  ${row.value.replace(/\r\n|\r|\n/g, "\n  ")}`).join("\n\n");
    case "box": {
      const rule = "*".repeat(60);
      return `${rule}\n${block.blocks.map(textBlock).join("\n\n")}\n${rule}`;
    }
  }
}

/**
 * The preview at the top of the HTML, hidden when the email is open, then blank characters that fill what a mail app
 * shows of it, so the app does not go on to the email's first words (the usual "preheader" of HTML email).
 */
function hiddenPreview(preview: string): string {
  return `<div style="display: none; max-height: 0; overflow: hidden; mso-hide: all;">${htmlText(preview)}${"&#847;&zwnj;&nbsp;".repeat(120)}</div>\n`;
}

const font = "font-family: system-ui, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;";

/** Blocks as HTML; `start` is the side a line begins on ("left", or "right" for Arabic): email clients that ignore
 * logical properties still indent lists on the right side. */
function htmlBlock(block: EmailBlock, start: "left" | "right"): string {
  switch (block.kind) {
    case "heading":
      return block.level === 1
        ? `<h1 style="${font} font-size: 28px; line-height: 1.2; margin: 0 0 20px;">${htmlText(block.text)}</h1>`
        : `<h2 style="${font} font-size: 22px; line-height: 1.3; margin: 30px 0 15px;">${htmlText(block.text)}</h2>`;
    case "paragraph":
      return `<p style="${font} font-size: 19px; line-height: 1.4; margin: 0 0 15px;">${htmlText(block.text, { links: block.links })}</p>`;
    case "list":
      return `<ul style="${font} font-size: 19px; line-height: 1.4; margin: 0 0 15px; padding-${start}: 20px;">${block.items.map((item) => `<li>${htmlText(item)}</li>`).join("")}</ul>`;
    case "rows":
      return `<dl style="${font} font-size: 19px; line-height: 1.4; margin: 0 0 15px;">${block.rows
        .map((row) => `<dt style="font-weight: bold; margin-top: 10px;">${htmlText(row.key)}</dt><dd style="margin: 0 0 5px;" dir="auto">${htmlText(row.value)}</dd>`)
        .join("")}</dl>`;
    case "box":
      return `<div style="border: 5px solid #0b0c0c; padding: 15px 20px 5px; margin: 0 0 30px;">${block.blocks.map((inner) => htmlBlock(inner, start)).join("\n")}</div>`;
  }
}

export function renderEmail(document: EmailDocument): RenderedEmail {
  const dir = textDirection(document.language);
  const text = `${document.blocks.map(textBlock).join("\n\n")}\n`;
  // The language and direction are given again on the wrapper: webmail (Gmail among them) drops <html> and <body>.
  // A long address (the progress page's) breaks where it must rather than pushing a phone's screen sideways.
  const html = `<!doctype html>
<html lang="${escapeHtml(document.language)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(document.subject)}</title></head>
<body style="margin: 0; padding: 20px; color: #0b0c0c; background: #ffffff;">
${document.preview === undefined ? "" : hiddenPreview(document.preview)}<div lang="${escapeHtml(document.language)}" dir="${dir}" style="max-width: 640px; text-align: ${dir === "rtl" ? "right" : "left"}; overflow-wrap: anywhere; word-break: break-word;">
${document.blocks.map((block) => htmlBlock(block, dir === "rtl" ? "right" : "left")).join("\n")}
</div>
</body>
</html>
`;
  return { subject: document.subject, text, html };
}
