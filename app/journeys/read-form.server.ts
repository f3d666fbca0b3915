// A post that is not a form (wrong content type, broken body) is read as an empty form: the person gets the
// page again with errors, never a 500.
import type { AppLoadContext } from "@remix-run/node";
import { refusedPost } from "./forgery.server";

/** The largest body the server reads (server/remix-handler.ts refuses anything longer, however it is sent). */
export const maxBodyBytes = 64 * 1024;

export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  if (context.bodyTooLarge) throw refusedPost(request, "too-large");
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
