// A request's path must be the one its handlers read. Express routes and our checks (the post guard's "/api/"
// exemption, the rate limit) read the path as it was sent; Remix reads it through the URL parser, which resolves
// "." and ".." segments (also written "%2e"), turns "\" into "/", and reads a path that starts "//" as another
// host's. "/api/../complaint/service" was checked as an /api/ request and answered as the complaint page. Browsers
// never send such paths, so they are refused rather than tidied: a redirect to the tidied path could point away.

const base = "http://portal.invalid";

/** Whether the URL parser reads `path` (a request's path, without its query) exactly as it is written. */
export function pathAsWritten(path: string): boolean {
  if (!path.startsWith("/")) return false;
  try {
    const parsed = new URL(path, base);
    return parsed.origin === base && parsed.pathname === path;
  } catch {
    return false;
  }
}
