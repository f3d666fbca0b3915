// "Exit this page" lands here: the answers are deleted, then the person is sent to a neutral site.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { visitFromThisSite } from "~/journeys/forgery.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { sessions, config } = context.services;
  const headers = new Headers({ "Cache-Control": "no-store" });
  // A link to /exit on another site still goes to the neutral site, but deletes nothing.
  if (visitFromThisSite(request)) headers.set("Set-Cookie", await sessions.destroy(await sessions.load(request)));
  // No Referer leaves for the neutral site, so it cannot tell where the person came from.
  headers.set("Referrer-Policy", "no-referrer");
  throw redirect(config.council.exitUrl, { headers });
}

// Exit this page works whatever way it is reached: a post here (a form's button made to go here) leaves the same way.
export const action = loader;
