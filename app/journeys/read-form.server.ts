// A post's body is read once, into memory, by the server (server/remix-handler.ts), and handed to routes in the
// load context rather than as a stream on the request. Every action reads its form first, so a post the server
// has refused goes no further. A post that is not a form (wrong content type, broken body) is read as an empty
// form: the person gets the page again with errors, never a 500.
import type { AppLoadContext } from "@remix-run/node";
import type { FormFields } from "./journey-engine";
import { refusedPost } from "./forgery.server";

/** The largest body the server reads (server/remix-handler.ts refuses anything longer, however it is sent). Room for
 * answers pasted well past their field's limit in any script: the longest answer (6,000 characters) in Arabic is about
 * 36 KB as a browser sends it, in Chinese about 54 KB, so a paste of two to three times that still reaches the page,
 * which says how much too long it is and keeps the text to shorten, as GOV.UK's character count does. Only past this
 * is the whole post refused, with the page that says so. What it costs and why not more: decision 085. The case
 * events API allows less (case-events-api.server.ts). */
export const maxBodyBytes = 128 * 1024;

/** Whether a post's body is a plain form (what browsers send for our forms without files, JavaScript on or off). */
export function isPlainForm(contentType: string | null | undefined): boolean {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "application/x-www-form-urlencoded";
}

export async function readForm(request: Request, context: AppLoadContext): Promise<FormFields> {
  if (context.refusal) throw refusedPost(request, context.refusal);
  return formOfBody(request, context);
}

/** The form in the body the server read, whether or not the post was refused: a refused post's body is read only to
 * keep what was typed (decision 080). */
export async function formOfBody(request: Request, context: AppLoadContext): Promise<FormFields> {
  const body = context.body;
  const contentType = request.headers.get("Content-Type");
  if (!body || !contentType) return new URLSearchParams();
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  // What browsers send for our forms, with JavaScript on or off.
  if (isPlainForm(type)) return new URLSearchParams(body.toString("utf8"));
  if (type !== "multipart/form-data") return new URLSearchParams();
  try {
    // Buffer.concat always gives a buffer over a plain ArrayBuffer.
    return await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return new URLSearchParams();
  }
}
