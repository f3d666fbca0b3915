// "Exit this page" lands here: the answers are deleted, then the person is sent to a neutral site.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { sessions, config } = context.services;
  const session = await sessions.load(request);
  const headers = new Headers({ "Cache-Control": "no-store", "Set-Cookie": await sessions.destroy(session) });
  // No Referer leaves for the neutral site, so it cannot tell where the person came from.
  headers.set("Referrer-Policy", "no-referrer");
  throw redirect(config.council.exitUrl, { headers });
}
