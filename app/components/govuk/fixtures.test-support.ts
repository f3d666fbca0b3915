// Compares our React components with govuk-frontend's own fixture HTML, so markup stays right by construction.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";
import { createElement, Fragment, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps, LegendOptions } from "./fieldset";
import type { HintProps } from "./hint";
import type { TextOrHtml } from "./input";
import type { LabelProps } from "./label";

type ChildNode = DefaultTreeAdapterMap["childNode"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Element = DefaultTreeAdapterMap["element"];

export interface GovukFixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
  hidden?: boolean;
}

const require = createRequire(import.meta.url);
const componentsDir = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist/govuk/components");

export function loadFixtures(component: string): GovukFixture[] {
  const file = path.join(componentsDir, component, "fixtures.json");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { fixtures: GovukFixture[] };
  return parsed.fixtures;
}

export function fixture(component: string, name: string): GovukFixture {
  const found = loadFixtures(component).find((f) => f.name === name);
  if (!found) throw new Error(`No fixture "${name}" for ${component}`);
  return found;
}

const booleanAttributes = new Set([
  "checked",
  "disabled",
  "hidden",
  "multiple",
  "novalidate",
  "readonly",
  "selected",
  "open",
]);
// Only token lists may have their white space folded; in any other value (e.g. `value`) white space is content.
const tokenListAttributes = new Set([
  "aria-describedby",
  "aria-labelledby",
  "aria-controls",
  "data-aria-controls",
  "rel",
]);
// Element content where white space is significant and must be compared as is.
const preformatted = new Set(["textarea", "pre", "listing"]);
// HTML white space only: `\s` would also fold U+00A0, hiding a real `&nbsp;` versus space difference.
const htmlSpace = /[ \t\n\f\r]+/g;

function normaliseNode(node: ChildNode | ParentNode): void {
  if ("attrs" in node) {
    for (const attr of node.attrs) {
      if (attr.name === "class") {
        attr.value = attr.value.split(htmlSpace).filter(Boolean).sort().join(" ");
      } else if (booleanAttributes.has(attr.name)) {
        attr.value = "";
      } else if (tokenListAttributes.has(attr.name)) {
        attr.value = attr.value.split(htmlSpace).filter(Boolean).join(" ");
      }
    }
    node.attrs.sort((a, b) => a.name.localeCompare(b.name));
  }
  if ("childNodes" in node && !preformatted.has(node.nodeName)) {
    // Indentation between elements differs between Nunjucks and React, so white-space-only text goes, and
    // white space at the very start or end of an element is dropped; white space next to a sibling element
    // (e.g. the space after the hidden "Error:" span) is kept, collapsed to one space, because it renders.
    node.childNodes = node.childNodes.filter((child) => {
      if (child.nodeName === "#comment") return false;
      if (child.nodeName === "#text" && "value" in child) {
        child.value = child.value.replace(htmlSpace, " ");
        return child.value !== " " && child.value !== "";
      }
      return true;
    });
    const first = node.childNodes[0];
    const last = node.childNodes[node.childNodes.length - 1];
    if (first && first.nodeName === "#text" && "value" in first) first.value = first.value.replace(/^ /, "");
    if (last && last.nodeName === "#text" && "value" in last) last.value = last.value.replace(/ $/, "");
  }
  if ("childNodes" in node) for (const child of node.childNodes) normaliseNode(child);
  if (node.nodeName === "template" && "content" in node) normaliseNode(node.content);
}

/** Parses, sorts attributes and classes, and folds insignificant white space so that equal markup compares equal. */
export function normaliseHtml(html: string): string {
  const fragment = parseFragment(html);
  normaliseNode(fragment);
  return serialize(fragment);
}

export function renderNormalised(element: ReactElement): string {
  return normaliseHtml(renderToStaticMarkup(element));
}

// ---------------------------------------------------------------------------------------------------------
// Fixture options → props. Fixtures carry `html` as strings; the components take React content, so the
// adapters rebuild that HTML as React elements (no dangerouslySetInnerHTML, so the same code path as real use).

const reactAttributeNames: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  autocomplete: "autoComplete",
  spellcheck: "spellCheck",
  inputmode: "inputMode",
  maxlength: "maxLength",
  readonly: "readOnly",
  tabindex: "tabIndex",
};
// Rebuilt form fields stay uncontrolled, as React would otherwise warn about a value without onChange.
const reactElementAttributeNames: Record<string, string> = {
  ...reactAttributeNames,
  value: "defaultValue",
  checked: "defaultChecked",
};
const passThroughAttributes = new Set([
  "id",
  "name",
  "type",
  "href",
  "rows",
  "role",
  "lang",
  "title",
  "width",
  "height",
  "viewBox",
  "fill",
  "d",
  "xmlns",
  "focusable",
]);

function elementToReact(node: Element, key: number): ReactElement {
  const props: Record<string, unknown> = { key };
  for (const attr of node.attrs) {
    const mapped = reactElementAttributeNames[attr.name];
    const name = mapped ?? attr.name;
    if (!mapped && !passThroughAttributes.has(attr.name) && !/^(data|aria)-/.test(attr.name)) {
      throw new Error(`htmlToReact: add a React name for attribute "${attr.name}"`);
    }
    props[name] = booleanAttributes.has(attr.name) ? true : attr.value;
  }
  if (node.nodeName === "textarea") {
    // React wants textarea content as defaultValue, not children.
    props.defaultValue = node.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
    return createElement(node.nodeName, props);
  }
  return createElement(node.nodeName, props, ...node.childNodes.map((child, i) => nodeToReact(child, i)));
}

function nodeToReact(node: ChildNode, key: number): ReactNode {
  if (node.nodeName === "#comment") return null;
  if (node.nodeName === "#text" && "value" in node) return node.value;
  if ("tagName" in node) return elementToReact(node, key);
  throw new Error(`htmlToReact: unsupported node ${node.nodeName}`);
}

/** Test-only: rebuilds a fixture's HTML string as React elements. */
export function htmlToReact(html: string): ReactNode {
  const fragment = parseFragment(html);
  return createElement(Fragment, null, ...fragment.childNodes.map((child, i) => nodeToReact(child, i)));
}

/**
 * Typed reader over a fixture's `options`. Every key read is recorded, and `assertAllRead()` fails if a
 * fixture used an option the adapter did not map, so a fixture cannot pass while ignoring an option.
 */
export class Options {
  private readonly read = new Set<string>();
  private readonly children: Options[] = [];

  constructor(private readonly raw: Record<string, unknown>, private readonly where = "options") {}

  private take(key: string): unknown {
    this.read.add(key);
    return this.raw[key];
  }

  private fail(key: string, expected: string): never {
    throw new Error(`${this.where}.${key}: expected ${expected}, got ${JSON.stringify(this.raw[key])}`);
  }

  /** Strings; numbers are stringified as Nunjucks prints them. */
  str(key: string): string | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number") return String(v);
    return this.fail(key, "string");
  }

  /** A string from a closed set, e.g. `inputmode`. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    const found = allowed.find((a) => a === v);
    if (found === undefined) return this.fail(key, allowed.join(" | "));
    return found;
  }

  num(key: string): number | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (typeof v === "number") return v;
    return this.fail(key, "number");
  }

  bool(key: string): boolean | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (typeof v === "boolean") return v;
    return this.fail(key, "boolean");
  }

  /** An `html` option (a string, or false for "none") rebuilt as React content. */
  html(key: string): ReactNode | undefined {
    const v = this.take(key);
    if (v === undefined || v === false) return undefined;
    if (typeof v === "string") return htmlToReact(v);
    return this.fail(key, "HTML string");
  }

  obj(key: string): Options | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const child = new Options(v as Record<string, unknown>, `${this.where}.${key}`);
      this.children.push(child);
      return child;
    }
    return this.fail(key, "object");
  }

  /** `false` (e.g. date input `year: false`) is kept, objects are wrapped. */
  objOrFalse(key: string): Options | false | undefined {
    if (this.raw[key] === false) {
      this.read.add(key);
      return false;
    }
    return this.obj(key);
  }

  /** Arrays whose falsy entries (null, false, "") are kept as null, as the macros skip but still count them. */
  list(key: string): Array<Options | null> | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.fail(key, "array");
    return v.map((item: unknown, i) => {
      if (!item) return null;
      if (typeof item !== "object") throw new Error(`${this.where}.${key}[${i}]: expected object`);
      const child = new Options(item as Record<string, unknown>, `${this.where}.${key}[${i}]`);
      this.children.push(child);
      return child;
    });
  }

  strList(key: string): string[] | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.fail(key, "array");
    return v.map((item: unknown) => String(item));
  }

  /** Plain string maps: `attributes`, `values`, plural message sets. */
  record(key: string): Record<string, string> | undefined {
    const v = this.take(key);
    if (v === undefined) return undefined;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return this.fail(key, "object");
    const out: Record<string, string> = {};
    for (const [k, value] of Object.entries(v)) {
      if (typeof value !== "string" && typeof value !== "number") return this.fail(key, "string values");
      out[k] = String(value);
    }
    return out;
  }

  /**
   * An `attributes` map. Names React knows in camelCase are given to it that way (it renders `maxLength` as
   * `maxlength`, but warns about `maxlength`), which is also how the portal should pass them.
   */
  attrs(key: string): Record<string, string> | undefined {
    const raw = this.record(key);
    if (!raw) return undefined;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw)) out[reactAttributeNames[name] ?? name] = value;
    return out;
  }

  assertAllRead(): void {
    const unread = Object.keys(this.raw).filter((k) => !this.read.has(k));
    if (unread.length) throw new Error(`${this.where}: adapter ignores option(s) ${unread.join(", ")}`);
    for (const child of this.children) child.assertAllRead();
  }
}

/** Wraps a fixture's options for an adapter, and after it ran checks that it mapped every option. */
export function adapt<P>(f: GovukFixture, adapter: (o: Options) => P): P {
  const o = new Options(f.options);
  const props = adapter(o);
  o.assertAllRead();
  return props;
}

// Adapters for the option groups the form macros share.

export function labelOptions(o: Options | undefined): Omit<LabelProps, "htmlFor"> {
  if (!o) return {};
  return {
    text: o.str("text"),
    html: o.html("html"),
    classes: o.str("classes"),
    isPageHeading: o.bool("isPageHeading"),
    attributes: o.attrs("attributes"),
  };
}

export function hintOptions(o: Options | undefined): Omit<HintProps, "id"> | undefined {
  if (!o) return undefined;
  return { text: o.str("text"), html: o.html("html"), classes: o.str("classes"), attributes: o.attrs("attributes") };
}

export function errorMessageOptions(o: Options | undefined): Omit<ErrorMessageProps, "id"> | undefined {
  if (!o) return undefined;
  return {
    text: o.str("text"),
    html: o.html("html"),
    classes: o.str("classes"),
    attributes: o.attrs("attributes"),
    visuallyHiddenText: o.str("visuallyHiddenText"),
  };
}

export function legendOptions(o: Options | undefined): LegendOptions | undefined {
  if (!o) return undefined;
  return {
    text: o.str("text"),
    html: o.html("html"),
    classes: o.str("classes"),
    isPageHeading: o.bool("isPageHeading"),
  };
}

export function fieldsetOptions(o: Options | undefined): Omit<FieldsetProps, "html" | "children" | "role"> | undefined {
  if (!o) return undefined;
  return {
    describedBy: o.str("describedBy"),
    legend: legendOptions(o.obj("legend")),
    classes: o.str("classes"),
    attributes: o.attrs("attributes"),
  };
}

export function textOrHtmlOptions(o: Options | undefined): TextOrHtml | undefined {
  if (!o) return undefined;
  return { text: o.str("text"), html: o.html("html") };
}
