// Any path no other route claims: GOV.UK's "Page not found", with status 404.
import type { PageHandle } from "~/page-handle";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { exitThisPage: true };

export function loader(): never {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
