// The page's words in React: a provider for the page's translator, `useTranslation` and `<Trans>` with the shapes
// react-i18next gives them, so components read as before (docs/decisions/041).
import { cloneElement, createContext, createElement, isValidElement, useContext, useMemo, type ReactElement, type ReactNode } from "react";
import type { TFunction, TranslateOptions, Translator } from "./translate";

export type { TFunction } from "./translate";

/** Where a page's translator comes from: the server's for its language, or the browser's, which loads namespaces. */
export interface PageTranslations {
  readonly translator: Translator;
  /**
   * Namespaces not loaded yet, or nothing when all are. A namespace the browser has not loaded suspends the render
   * that asks for it (a page reached by a link) until it has loaded, as react-i18next did.
   */
  missing(namespaces: readonly string[]): Promise<void> | undefined;
}

const TranslationsContext = createContext<PageTranslations | null>(null);

/** Values every lookup below may put in (the council's time limits, app/translation/time-limits.ts). */
const WordValuesContext = createContext<Readonly<Record<string, unknown>> | undefined>(undefined);

export function WordValuesProvider({ values, children }: { values: Readonly<Record<string, unknown>> | undefined; children?: ReactNode }) {
  return <WordValuesContext.Provider value={values}>{children}</WordValuesContext.Provider>;
}

export function TranslationsProvider({ translations, children }: { translations: PageTranslations; children?: ReactNode }) {
  return <TranslationsContext.Provider value={translations}>{children}</TranslationsContext.Provider>;
}

/** The page's words in `namespaces` (the first is the default; "common" is always searched last), as react-i18next. */
export function useTranslation(namespaces?: string | readonly string[]): { t: TFunction; i18n: { language: string; exists(key: string, options?: TranslateOptions): boolean } } {
  const translations = useContext(TranslationsContext);
  if (!translations) throw new Error("useTranslation needs a TranslationsProvider");
  const list = namespaces === undefined ? ["common"] : typeof namespaces === "string" ? [namespaces] : namespaces;
  const loading = translations.missing(list);
  // Suspends until the namespaces have loaded (a render a link started, never the hydrating one: those are loaded first).
  if (loading) throw loading;
  const { translator } = translations;
  const values = useContext(WordValuesContext);
  const key = list.join(" ");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the list's words are its key
  return useMemo(() => ({ t: translator.fixedT(list, values), i18n: { language: translator.language, exists: translator.exists } }), [translator, key, values]);
}

/**
 * Looks whole groups of words up, in every render, that a page may show later without a navigation (the error page
 * after a render fails; plural forms the server works out once and so does not look up again): the words a page
 * comes with then hold them, and showing them never waits for a locale file (docs/decisions/053).
 */
export function keepWordsForLater(t: TFunction, groups: readonly string[]): void {
  for (const group of groups) t(group, { returnObjects: true });
}

interface TransProps {
  t: TFunction;
  i18nKey: string;
  values?: Readonly<Record<string, unknown>>;
  /** The elements the words' `<name>…</name>` tags stand for; each is given the words between its tags. */
  components?: Readonly<Record<string, ReactElement>>;
}

type Node = { type: "text"; text: string } | { type: "tag"; name: string; children: Node[]; selfClosing?: boolean };

/** Elements that never have content, so never a closing tag (html-parse-stringify's list, which react-i18next uses). */
const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Tags react-i18next renders as elements of their own when no component is given for them. */
const basicHtml = new Set(["br", "strong", "i", "p"]);
/** When words have one of these, react-i18next reads them for tags even with no components given. */
const basicHtmlStart = /<br|<strong|<i|<p/;

/**
 * Splits words into text and `<name>…</name>`, `<name/>` or `<br>` tags, nested, as react-i18next's parser does
 * for tags without attributes (the only kind the locale files use; app/translation/translate.test.ts checks that).
 */
function parse(words: string): Node[] {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [];
  const here = () => stack.at(-1)?.children ?? root;
  // Text that is only white space counts as one space, as in HTML.
  const text = (from: number, to: number) => {
    const slice = words.slice(from, to);
    here().push({ type: "text", text: /^\s*$/.test(slice) ? " " : slice });
  };
  const tag = /<(\/?)([A-Za-z0-9]+)\s*(\/?)>/g;
  let at = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(words))) {
    if (match.index > at) text(at, match.index);
    at = tag.lastIndex;
    const [, closing, name, selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open) here().push({ type: "tag", name: open.name, children: open.children });
    } else if (selfClosing || voidElements.has(name!.toLowerCase())) here().push({ type: "tag", name: name!, children: [], selfClosing: true });
    else stack.push({ name: name!, children: [] });
  }
  if (at < words.length) text(at, words.length);
  // A tag never closed keeps what was inside it.
  while (stack.length) {
    const open = stack.pop()!;
    here().push({ type: "tag", name: open.name, children: open.children });
  }
  return root;
}

/**
 * Words with elements in them, as react-i18next's `<Trans>` renders them for a map of named components: each
 * `<name>…</name>` becomes that component with the words inside it, and the text around them is the words' own.
 * Without components, words with no tags react-i18next reads are given back as they are.
 */
export function Trans({ t, i18nKey, values = {}, components }: TransProps): ReactNode {
  const { interpolate } = useContext(TranslationsContext)!.translator;
  const words = t(i18nKey, { ...values, context: undefined, count: undefined, defaultValue: i18nKey, ns: t.ns });
  if (words === "") return [];
  if (!components && !basicHtmlStart.test(words)) return [words];
  const given = components ?? {};
  const render = (nodes: Node[]): ReactNode[] =>
    nodes.map((node, index) => {
      if (node.type === "text") return interpolate(node.text, values);
      const component = Object.prototype.hasOwnProperty.call(given, node.name) ? given[node.name] : undefined;
      if (component && isValidElement<{ children?: unknown }>(component)) {
        const own = component.props.children;
        // `<name/>` is the component as given, with its own children.
        if (node.selfClosing) return cloneElement(component, { key: index });
        const inner = render(node.children);
        // A component whose own children are elements keeps them when the words give it none.
        if (!inner.length && Array.isArray(own) && own.every((child) => isValidElement(child))) return cloneElement(component, { key: index });
        return createElement(component.type, { ...component.props, key: index }, inner.length ? inner : undefined);
      }
      const inner = render(node.children);
      if (basicHtml.has(node.name)) return node.selfClosing ? createElement(node.name, { key: `${node.name}-${index}` }) : createElement(node.name, { key: `${node.name}-${index}` }, inner);
      // An unknown tag stays as written, as react-i18next leaves it (its parts joined as a template string does).
      return node.selfClosing ? `<${node.name} />` : `<${node.name}>${String(inner)}</${node.name}>`;
    });
  return render(parse(words));
}
