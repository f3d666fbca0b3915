// Every post must come from our own pages: the session-bound token in the hidden `csrf` field here, and the
// browser's word (Sec-Fetch-Site, or Origin) checked by the Express server before Remix sees the post.
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { LoadedSession } from "~/services/session-store.server";
import type { FormFields } from "./journey-engine";

/** The page that explains why a post was refused (with a real layout), and says where to go back to. */
/**
 * A "go back" path from a query string, only if it stays on this site once the URL parser has resolved it
 * (`//host`, `/\\host`, `https:…` and encoded tricks all resolve elsewhere); otherwise the start page.
 */
export function sameSitePath(back: string | null): string {
  if (!back) return "/";
  const origin = "https://portal.invalid";
  let resolved: URL;
  try {
    resolved = new URL(back, `${origin}/`);
  } catch {
    return "/";
  }
  if (resolved.origin !== origin || !back.startsWith("/")) return "/";
  return /^\/[A-Za-z0-9/_.-]*$/.test(resolved.pathname) && !resolved.pathname.startsWith("//") ? resolved.pathname : "/";
}

export function refusedLocation(reason: "forgery" | "cookies" | "too-large" | "rate", backPath: string, retryAfterSeconds?: number): string {
  const retry = retryAfterSeconds === undefined ? "" : `&retry=${retryAfterSeconds}`;
  return `/refused?reason=${reason}${retry}&back=${encodeURIComponent(backPath)}`;
}

/**
 * Whether a visit came from one of our own pages, or was typed or bookmarked (the browser's Sec-Fetch-Site; a
 * browser too old to send it is taken at its word). A link on another site must not delete anyone's answers.
 */
export function visitFromThisSite(request: Request): boolean {
  const site = request.headers.get("Sec-Fetch-Site");
  return site === null || site === "same-origin" || site === "none";
}

export interface Refusal {
  reason: "forgery" | "cookies" | "too-large" | "rate";
  retryAfterSeconds?: number;
  /** A plain form post among the first few over the rate limit in its window: read, so a question page can keep what
   * it carried (decision 080). Later ones, and files, are refused unread, so a client over the limit cannot make the
   * portal read or write for it. */
  keepTyped?: boolean;
}

/** Sends a refused post to that page. */
export function refusedPost(request: Request, { reason, retryAfterSeconds }: Refusal): Response {
  return redirect(refusedLocation(reason, new URL(request.url).pathname, retryAfterSeconds), { status: 303 });
}

/**
 * Refuses a forged post; the person's saved answers are not touched. A post from another tab, sent with the id the
 * session had before a send replaced it, follows it to the new session when its token was made for that old id.
 */
export async function refuseForgery(context: AppLoadContext, request: Request, session: LoadedSession, form: FormFields): Promise<void> {
  const { sessions } = context.services;
  const token = form.get("csrf");
  if (sessions.verifyCsrf(session, token) || (await sessions.followMove(session, token))) return;
  // Our own page's form (its token), sent from our page, with no session cookie at all: the browser does not keep
  // cookies. (A post from another site comes without one too, as the cookie is SameSite=Lax: a forgery as any other.)
  throw refusedPost(request, { reason: !session.id && typeof token === "string" && token !== "" && visitFromThisSite(request) ? "cookies" : "forgery" });
}
