// What a route tells the layout about itself through `handle`.
export interface PageHandle {
  /** Locale namespaces the page uses besides "common"; the browser loads them before hydrating. */
  i18n?: readonly string[] | ((params: Readonly<Record<string, string | undefined>>, data: unknown) => readonly string[]);
  /** The page shows the Exit this page button and its skip-link twin: every page of the service does, but the exit
   * page's own neutral landing. */
  exitThisPage?: boolean;
  /**
   * The address's parameters the page reads, each with the values it can mean. The language links keep these and
   * drop everything else, so nothing typed into an address is written back into a page that holds someone's answers
   * or a form's token (a reflected guess beside a secret is what a BREACH-style attack on compressed pages needs).
   */
  query?: Readonly<Record<string, RegExp>>;
}

/** The address's parameters a page keeps when its language is changed (`PageHandle.query`), in the address's order. */
export function keptQuery(handle: unknown, search: string): URLSearchParams {
  const { query = {} } = readHandle(handle);
  const kept = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(search)) {
    if (Object.hasOwn(query, name) && query[name]!.test(value) && !kept.has(name)) kept.append(name, value);
  }
  return kept;
}

export function readHandle(handle: unknown): PageHandle {
  return typeof handle === "object" && handle !== null ? (handle as PageHandle) : {};
}

/**
 * The namespaces a matched route's page uses. Those worked out from the address's parameters only once the route's
 * loader has answered: until it has checked them (an unknown journey is a 404), they are whatever was typed into the
 * address, and are neither written into the page nor fetched.
 */
export function namespacesOf(handle: unknown, params: Readonly<Record<string, string | undefined>>, data?: unknown): readonly string[] {
  const { i18n } = readHandle(handle);
  if (typeof i18n !== "function") return i18n ?? [];
  return data === undefined ? [] : i18n(params, data);
}

/** Every route's loader returns its translated title; one meta function turns it into the <title>. A route whose
 * loader or action failed shows an error page, whose title is the layout's (app/root.tsx), as it works it out: in the
 * browser, the data the page had before a failed post is still there, and is not the page shown. */
export function titleMeta<Meta>({ data, matches, error }: { data: unknown; matches?: readonly { id: string; meta: readonly Meta[] }[]; error?: unknown }): readonly (Meta | { title: string })[] {
  const title = (data as { title?: unknown } | undefined)?.title;
  if (typeof title === "string" && !error) return [{ title }];
  return matches?.find((match) => match.id === "root")?.meta ?? [];
}
