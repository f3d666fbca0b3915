// "Exit this page" lands here: the answers are deleted, then the person is sent to a neutral site.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

/**
 * Whether the visit came from one of our own pages, or was typed or bookmarked (the browser's Sec-Fetch-Site; a
 * browser too old to send it is taken at its word). A link to /exit on another site must not delete someone's
 * unsent answers and evidence: it still goes to the neutral site, but deletes nothing.
 */
function fromThisSite(request: Request): boolean {
  const site = request.headers.get("Sec-Fetch-Site");
  return site === null || site === "same-origin" || site === "none";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { sessions, config } = context.services;
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (fromThisSite(request)) headers.set("Set-Cookie", await sessions.destroy(await sessions.load(request)));
  // No Referer leaves for the neutral site, so it cannot tell where the person came from.
  headers.set("Referrer-Policy", "no-referrer");
  throw redirect(config.council.exitUrl, { headers });
}
