// A post that is not a form (wrong content type, broken body) is read as an empty form: the person gets the
// page again with errors, never a 500. A body over 64 KB is refused before it is read.
import { refusedPost } from "./forgery.server";

export const maxBodyBytes = 64 * 1024;

export async function readForm(request: Request): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > maxBodyBytes) throw refusedPost(request, "too-large");
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
