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
