// A request's path must be the one its handlers read. Express routes and our checks (the post guard's "/api/"
// exemption, the rate limit) read the path as it was sent; Remix reads it through the URL parser, which resolves
// "." and ".." segments (also written "%2e"), turns "\" into "/", and reads a path that starts "//" as another
// host's. "/api/../complaint/service" was checked as an /api/ request and answered as the complaint page. Browsers
// never send such paths, so they are refused rather than tidied: a redirect to the tidied path could point away.
// A target that is not a path at all ("http://host/x", the absolute form) is refused the same way: Express would
// route its path while Remix, and the page cache keyed on the target, saw another address.

const base = "http://portal.invalid";

/** Whether `target` (a request's target, as sent) is a path, and one the URL parser reads exactly as it is written. */
export function pathAsWritten(target: string): boolean {
  const path = target.split("?", 1)[0]!;
  if (!path.startsWith("/")) return false;
  try {
    const parsed = new URL(path, base);
    return parsed.origin === base && parsed.pathname === path;
  } catch {
    return false;
  }
}

/**
 * `target` with every "%" of its path escaped when the path has an escape that decodes to nothing ("/complaint/serv%",
 * "/%E0%A4", a link cut short): React Router would otherwise log the whole path as a warning, outside our JSON log,
 * and the page's language links would repeat the broken address. Read this way, it is a page that is not there.
 * Any other target is returned as it is. Only a target `pathAsWritten` accepts is passed here, so escaping it cannot
 * make it name another page: "%2e%2e" is refused before.
 */
export function strayEscapesEscaped(target: string): string {
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  try {
    decodeURIComponent(path);
    return target;
  } catch {
    return path.replaceAll("%", "%25") + target.slice(path.length);
  }
}

/**
 * Where a target whose path starts with several slashes ("//progress", from a link joined as "https://host/" + "/progress")
 * is sent: the same target with one slash, if that is a path read as written; else null. The redirect stays on this
 * site: one leading slash and no backslash ("/\evil.example" is refused by pathAsWritten), so no browser reads the
 * address as another host's.
 */
export function leadingSlashesCollapsed(target: string): string | null {
  if (!target.startsWith("//")) return null;
  const collapsed = target.replace(/^\/+/, "/");
  return pathAsWritten(collapsed) ? collapsed : null;
}

/** A query parameter's name as URLSearchParams reads it ("%5Fdata" and "_data" alike), or null if it cannot be read. */
function parameterName(part: string): string | null {
  try {
    return decodeURIComponent(part.split("=", 1)[0]!.replaceAll("+", " "));
  } catch {
    return null;
  }
}

/**
 * `target` without `_data` in its query. Remix reads `?_data=` as a data request of the kind apps without single fetch
 * make; ours never do, and Remix then answers with an empty page (200, 204 or 403) and reports it as an error, so any
 * link carrying it, or anyone sending it over and over, filled the error log. Without it the page is the page. The
 * rest of the target is kept exactly as written.
 */
export function withoutDataParameter(target: string): string {
  const queryAt = target.indexOf("?");
  if (queryAt === -1 || !target.includes("data", queryAt)) return target;
  const kept = target
    .slice(queryAt + 1)
    .split("&")
    .filter((part) => parameterName(part) !== "_data");
  return kept.length ? `${target.slice(0, queryAt)}?${kept.join("&")}` : target.slice(0, queryAt);
}
