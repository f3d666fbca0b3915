// The timeout warning's "Keep my answers": pushes the idle deadline on without changing anything else.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { refuseForgery } from "~/journeys/forgery.server";
import { readForm } from "~/journeys/read-form.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { sessions } = context.services;
  const session = await sessions.load(request);
  if (!session.id) return data({ ok: false }, { status: 410, headers: { "Cache-Control": "no-store" } });
  await refuseForgery(context, request, session, form);
  await sessions.touch(session);
  return data({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}

export function loader(): never {
  throw new Response(null, { status: 405 });
}
