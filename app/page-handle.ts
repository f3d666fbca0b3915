// What a route tells the layout about itself through `handle`.
export interface PageHandle {
  /** Locale namespaces the page uses besides "common"; the browser loads them before hydrating. */
  i18n?: readonly string[] | ((params: Readonly<Record<string, string | undefined>>, data: unknown) => readonly string[]);
  /** Journey pages show the Exit this page button and its skip-link twin. */
  exitThisPage?: boolean;
}

export function readHandle(handle: unknown): PageHandle {
  return typeof handle === "object" && handle !== null ? (handle as PageHandle) : {};
}

export function namespacesOf(handle: unknown, params: Readonly<Record<string, string | undefined>>, data?: unknown): readonly string[] {
  const { i18n } = readHandle(handle);
  return typeof i18n === "function" ? i18n(params, data) : (i18n ?? []);
}

/** Every route's loader returns its translated title; one meta function turns it into the <title>. */
export function titleMeta({ data }: { data: unknown }) {
  const title = (data as { title?: unknown } | undefined)?.title;
  return typeof title === "string" ? [{ title }] : [];
}
