// Where a refused post lands: forged or too old, or sent by a browser that keeps no cookies (403), too large (413), or
// too many too fast (429).
// Saved answers are untouched.
import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { fileSize } from "~/evidence/evidence-limits";
import { sameSitePath } from "~/journeys/forgery.server";
import { maxBodyBytes } from "~/journeys/read-form.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useRootData } from "~/root-data";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

// A post from any journey or the progress pages can land here: the way out is here too.
export const handle: PageHandle = { exitThisPage: true, query: { reason: /^(too-large|rate|cookies)$/, retry: /^\d{1,5}$/, back: /^\/(?!\/)[\w/-]*$/ } };
export const meta = titleMeta;

/** A document response only carries the headers a route passes on: Retry-After must reach the browser. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const reasons = { "too-large": "tooLarge", rate: "rateLimited", cookies: "cookiesOff" } as const;
  const reason = reasons[search.get("reason") as keyof typeof reasons] ?? "forbidden";
  const retry = Math.min(24 * 3600, Math.max(1, Number(search.get("retry")) || 60));
  // Only a path on this site, as the URL parser resolves it: never a link to another host.
  const safeBack = sameSitePath(search.get("back"));
  // Refused on the pages about a complaint, what was sent were tries at a reference or a code, not answers.
  const wordsFor = reason === "rateLimited" && /^\/progress(\/|$)/.test(safeBack) ? "progress" : undefined;
  const t = context.services.translations[context.language].getFixedT(context.language, "common");
  const status = { tooLarge: 413, rateLimited: 429, forbidden: 403, cookiesOff: 403 }[reason];
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (reason === "rateLimited") headers["Retry-After"] = String(retry);
  return data(
    { reason, back: safeBack, wordsFor, minutes: Math.ceil(retry / 60), size: fileSize(maxBodyBytes, context.language), title: `${t(`errors.${reason}.title`, { context: wordsFor })} – ${context.council.serviceName}` },
    { status, headers },
  );
}

export default function Refused() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation("common");
  const council = useRootData()?.council;
  return (
    <>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t(`errors.${page.reason}.title`, { context: page.wordsFor })}</h1>
            <p className="govuk-body">{t(`errors.${page.reason}.body`, { minutes: page.reason === "rateLimited" ? t("errors.rateLimited.minutes", { count: page.minutes }) : undefined, context: page.wordsFor, size: page.size })}</p>
            {/* Someone who cannot try again yet to see where their complaint is can ask by phone instead. */}
            {page.reason === "rateLimited" && page.wordsFor === "progress" ? (
              <p className="govuk-body">{t("errors.rateLimited.call_progress", { phone: council?.contact.phone ?? "", openingHours: council?.contact.openingHours ?? "" })}</p>
            ) : null}
            {/* Without a cookie, nothing was ever kept. */}
            {page.wordsFor === "progress" || page.reason === "cookiesOff" ? null : <p className="govuk-body">{t("errors.answersKept")}</p>}
            <p className="govuk-body">
              <a className="govuk-link" href={page.back}>
                {t("errors.goBack")}
              </a>
            </p>
          </div>
        </div>
      </main>
    </>
  );
}
