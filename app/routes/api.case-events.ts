// The case system's events: a resource route (no page), answering JSON. See app/cases/case-events-api.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/api/problem.server";
import { receiveCaseEvent } from "~/cases/case-events-api.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem({ status: 405, title: "Method not allowed" }, { Allow: "POST" });
  return receiveCaseEvent(
    { headers: request.headers, body: context.body, tooLarge: context.refusal?.reason === "too-large" },
    context.services.config.env.CASE_EVENTS_SECRET,
    context.services.cases,
    Math.floor(Date.now() / 1000),
  );
}

export function loader() {
  return problem({ status: 405, title: "Method not allowed" }, { Allow: "POST" });
}
