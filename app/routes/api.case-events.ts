// The case system's events: a resource route (no page), answering JSON. See app/cases/case-events-api.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/api/problem.server";
import { receiveCaseEvent } from "~/cases/case-events-api.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem({ status: 405, title: "Method not allowed" }, { Allow: "POST" });
  const { refusal, services } = context;
  // Too many of this client's posts failed their signature in this window (server/express-app.ts): not read.
  if (refusal?.reason === "rate") {
    return problem(
      { status: 429, title: "Too many requests", detail: "Too many requests from this address were refused for their signature. Try again after the time in Retry-After." },
      { "Retry-After": String(refusal.retryAfterSeconds ?? 60) },
    );
  }
  const response = await receiveCaseEvent(
    { headers: request.headers, body: context.body, tooLarge: refusal?.reason === "too-large" },
    services.config.env.CASE_EVENTS_SECRET,
    services.cases,
    Math.floor(Date.now() / 1000),
  );
  if (response.status === 401) services.caseEventsLimiter.hit(context.clientAddress);
  return response;
}

export function loader() {
  return problem({ status: 405, title: "Method not allowed" }, { Allow: "POST" });
}
