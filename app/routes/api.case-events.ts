// The case system's events: a resource route (no page), answering JSON. See app/cases/case-events-api.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { problem } from "~/api/problem.server";
import { receiveCaseEvent } from "~/cases/case-events-api.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return problem({ status: 405, title: "Method not allowed" }, { Allow: "POST" });
  const { services } = context;
  const response = await receiveCaseEvent(
    { headers: request.headers, body: context.body, tooLarge: context.refusal?.reason === "too-large" },
    services.config.env.CASE_EVENTS_SECRET,
    services.cases,
    Math.floor(Date.now() / 1000),
  );
  if (response.status !== 401) return response;
  // A refused signature is counted against the address; past the limit, it is told when to try again. A post that
  // is signed rightly is always read and answered for what it says, whoever else shares the address.
  const retryAfterSeconds = services.caseEventsLimiter.hit(context.clientAddress);
  if (retryAfterSeconds === null) return response;
  return problem(
    { status: 429, title: "Too many requests", detail: "Too many requests from this address were refused for their signature. Try again after the time in Retry-After." },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

export function loader() {
  return problem({ status: 405, title: "Method not allowed" }, { Allow: "POST" });
}
