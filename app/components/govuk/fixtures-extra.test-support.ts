// Test-only helpers on top of fixtures.test-support.ts, so fixtures whose options carry raw HTML strings
// can still be rendered through our ReactNode `html` props and compared with govuk-frontend's output.
import { parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";
import { createElement, Fragment, type CSSProperties, type ReactNode } from "react";

type ChildNode = DefaultTreeAdapterMap["childNode"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

// React expects its own names for these; everything else (data-*, aria-*, SVG attributes) passes through unchanged.
const reactAttributeNames: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  readonly: "readOnly",
  maxlength: "maxLength",
  autocomplete: "autoComplete",
  hreflang: "hrefLang",
};

function styleToObject(style: string): CSSProperties {
  const result: Record<string, string> = {};
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (!property) continue;
    result[property.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = value;
  }
  return result;
}

function toReact(node: ChildNode): ReactNode {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  if (!("tagName" in node)) return null;
  const props: Record<string, unknown> = {};
  for (const attr of node.attrs) {
    if (attr.name === "style") props.style = styleToObject(attr.value);
    else props[reactAttributeNames[attr.name] ?? attr.name] = attr.value;
  }
  if (voidElements.has(node.tagName)) return createElement(node.tagName, props);
  return createElement(node.tagName, props, ...node.childNodes.map(toReact));
}

/** Turns a fixture's raw HTML option into React content, so the same markup can go through our ReactNode props. */
export function htmlStringToReact(html: string): ReactNode {
  const fragment = parseFragment(html);
  return createElement(Fragment, null, ...fragment.childNodes.map(toReact));
}

function canonicaliseStyles(node: ChildNode | ParentNode): void {
  if ("attrs" in node) {
    for (const attr of node.attrs) {
      if (attr.name !== "style") continue;
      attr.value = attr.value
        .split(";")
        .map((d) => d.split(":").map((part) => part.trim()).join(":"))
        .filter((d) => d !== "")
        .join(";");
    }
  }
  if ("childNodes" in node) node.childNodes.forEach(canonicaliseStyles);
}

/**
 * React serialises `style` objects as `a:b;c:d`, Nunjucks keeps the author's string; rewrite both to one form.
 * Apply before `normaliseHtml` on both sides.
 */
export function canonicalStyles(html: string): string {
  const fragment = parseFragment(html);
  canonicaliseStyles(fragment);
  return serialize(fragment);
}

// Narrowing helpers for fixture adapters: fixture options are untyped JSON, our props are not.

export function optString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function optNumber(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function optBoolean(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

export function optRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function optArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? (value as unknown[]) : undefined;
}

/** Nunjucks prints any attribute value with String(); fixtures use numbers and booleans too. */
export function optAttributes(value: unknown): Record<string, string> | undefined {
  const record = optRecord(value);
  if (!record) return undefined;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
}

/** A fixture's `html` option as React content (undefined when absent or empty, as Nunjucks treats "" as false). */
export function optHtml(value: unknown): ReactNode | undefined {
  return typeof value === "string" && value !== "" ? htmlStringToReact(value) : undefined;
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export function optHeadingLevel(value: unknown): HeadingLevel | undefined {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5 || value === 6 ? value : undefined;
}

const phrasingElements = new Set(["a", "span", "strong", "em", "b", "button", "p", "h1", "h2", "h3", "h4", "h5", "h6", "summary"]);

function collectText(node: ChildNode): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  if ("childNodes" in node) return node.childNodes.map(collectText).join("");
  return "";
}

function collectInlineTexts(node: ChildNode | ParentNode, out: string[]): void {
  if ("tagName" in node && phrasingElements.has(node.tagName)) {
    out.push(`${node.tagName}: ${collectText(node).replace(/\s+/g, " ").trim()}`);
  }
  if ("childNodes" in node) for (const child of node.childNodes) collectInlineTexts(child, out);
}

/**
 * The text of every phrasing element, white space folded but kept between words. `normaliseHtml` trims each
 * text node, so it cannot tell "Change<span> name</span>" from "Change<span>name</span>"; this can, and screen
 * readers can too.
 */
export function inlineTexts(html: string): string[] {
  const out: string[] = [];
  collectInlineTexts(parseFragment(html), out);
  return out;
}
