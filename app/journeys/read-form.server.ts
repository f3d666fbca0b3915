// A post that is not a form (wrong content type, broken body) is read as an empty form: the person gets the
// page again with errors, never a 500.
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
