// Answers for machines, as RFC 9457 problem details: a title, a status, a detail a person can act on, and the
// fields at fault. Never the request's own values: they may hold personal data, and they are the sender's already.
export interface ProblemField {
  /** The field's name in the request body, dotted for nested ones. */
  field: string;
  detail: string;
}

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: readonly ProblemField[];
}

export function problem({ status, title, detail, errors }: Problem, headers: Record<string, string> = {}): Response {
  const body = { type: "about:blank", title, status, ...(detail ? { detail } : {}), ...(errors?.length ? { errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
