// Every post must come from our own pages: the session-bound token in the hidden `csrf` field here, and the
// browser's word (Sec-Fetch-Site, or Origin) checked by the Express server before Remix sees the post.
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { LoadedSession } from "~/services/session-store.server";

/** Sends a refused post to a page that explains why (with a real layout), and says where to go back to. */
export function refusedPost(request: Request, reason: "forgery" | "too-large"): Response {
  const back = new URL(request.url).pathname;
  return redirect(`/refused?reason=${reason}&back=${encodeURIComponent(back)}`, { status: 303 });
}

/** Refuses a forged post; the person's saved answers are not touched. */
export function refuseForgery(context: AppLoadContext, request: Request, session: LoadedSession, form: FormData): void {
  if (!context.services.sessions.verifyCsrf(session, form.get("csrf"))) {
    throw refusedPost(request, "forgery");
  }
}
