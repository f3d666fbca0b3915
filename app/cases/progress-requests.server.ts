// What the "Check your complaint" pages share: the session, the per-client limit, the refusal of forged posts, and
// what a failed post carries back to its page.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { refusedPost, refuseForgery } from "~/journeys/forgery.server";
import { redirectSaving, saveSession } from "~/journeys/journey-requests.server";
import type { FormFields } from "~/journeys/journey-engine";
import { readForm } from "~/journeys/read-form.server";
import type { ProgressState } from "~/journeys/session-data";
import type { LoadedSession } from "~/services/session-store.server";

/** The flash of a failed post on these pages is filed under this journey name. */
export const progressFlash = "progress";

export interface ProgressRequest {
  session: LoadedSession;
  form: FormFields;
}

/** A post to a progress page: read, checked for forgery, counted against the client's limit. */
export async function progressPost(request: Request, context: AppLoadContext): Promise<ProgressRequest> {
  const form = await readForm(request, context);
  const session = context.session ?? (await context.services.sessions.load(request));
  await refuseForgery(context, request, session, form);
  const retryAfterSeconds = context.services.progressLimiter.hit(context.clientAddress);
  if (retryAfterSeconds !== null) throw refusedPost(request, { reason: "rate", retryAfterSeconds });
  return { session, form };
}

/**
 * The session, or, once it has run out, the start of these pages with it cleared. Not "your answers have been
 * deleted": from the code or the case's page, only this look at their complaint has closed, and the start says so
 * (`closedNotice`). The start itself says nothing of it: the session that ran out may have been anything.
 */
export async function progressSession(request: Request, context: AppLoadContext, { closedNotice = true }: { closedNotice?: boolean } = {}): Promise<LoadedSession> {
  const session = context.session ?? (await context.services.sessions.load(request));
  if (session.expired) throw redirect(closedNotice ? "/progress?closed" : "/progress", { headers: { "Set-Cookie": await context.services.sessions.destroy(session), "Cache-Control": "no-store" } });
  return session;
}

/** Takes the flash a failed post on `page` left, if it is this page's. */
export function takeFlash(session: LoadedSession, page: string) {
  const flash = session.data.flash?.journey === progressFlash && session.data.flash.page === page ? session.data.flash : undefined;
  if (session.data.flash) delete session.data.flash;
  return flash;
}

export async function backWithError(context: AppLoadContext, session: LoadedSession, page: string, path: string, field: string, code: string, values: Record<string, string>): Promise<never> {
  session.data.flash = { journey: progressFlash, page, values, errors: [{ href: field, field, messageKey: code }] };
  return redirectSaving(context, session, path);
}

export function requireProgress(session: LoadedSession): ProgressState {
  const progress = session.data.progress;
  if (!progress) throw redirect("/progress", { headers: { "Cache-Control": "no-store" } });
  return progress;
}

export { redirectSaving, saveSession };
