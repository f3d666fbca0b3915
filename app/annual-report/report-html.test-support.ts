// Reading a rendered report in tests: its elements, their words and attributes, and its CSV's lines.
import { parse, type DefaultTreeAdapterMap } from "parse5";

export type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

function walk(node: Node, found: Element[]): void {
  if ("tagName" in node) found.push(node);
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) walk(child, found);
  if ("content" in node && node.content) walk(node.content as Node, found);
}

/** Every element of the document, in document order. */
export function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  walk(parse(html), found);
  return found;
}

export function within(element: Element, tagName: string): Element[] {
  const found: Element[] = [];
  walk(element, found);
  return found.filter((candidate) => candidate !== element && candidate.tagName === tagName);
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  const children = "childNodes" in node ? node.childNodes : [];
  return children.map(textOf).join("");
}

/** Words as a reader sees them: runs of white space as one space. */
export function wordsOf(node: Node): string {
  return textOf(node).replace(/\s+/g, " ").trim();
}

/** RFC 4180 fields, quoted or not, line by line (the byte order mark dropped). */
export function csvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, "");
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      index++;
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
