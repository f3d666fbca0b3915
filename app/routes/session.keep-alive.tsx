// The timeout warning's "Keep my answers": pushes the idle deadline on without changing anything else.
import type { ActionFunctionArgs } from "@remix-run/node";
import { refuseForgery } from "~/journeys/forgery.server";
import { readForm } from "~/journeys/read-form.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { sessions } = context.services;
  const session = await sessions.load(request);
  // Responses, not data(): the warning's "Keep my answers" asks through Remix, but typing asks with a plain fetch,
  // and Remix answers a plain request to a route with no page from data() with a warning in the log. The answer says
  // whether the session was kept; a session already gone is not an error in the browser's console (it was a 410).
  if (!session.id) return Response.json({ ok: false }, { headers: { "Cache-Control": "no-store" } });
  await refuseForgery(context, request, session, form);
  await sessions.touch(session);
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}

export function loader(): never {
  throw new Response(null, { status: 405 });
}
