// Where a timed-out session lands: the answers are gone, and we say so plainly.
import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { visitFromThisSite } from "~/journeys/forgery.server";
import { keepAliveSlackMs } from "~/services/session-store.server";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { journeyById } from "~/journeys/journeys";
import { deletedPage } from "~/journeys/journey-requests.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useRootData } from "~/root-data";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const meta = titleMeta;
/** Which journey's answers they were (a journey's id), so that the page can offer to start it again. */
export const handle: PageHandle = { exitThisPage: true, query: { from: /^[a-z][a-z-]{0,40}$/ } };

/**
 * How much more than the slack every save adds to the idle deadline a session may have left when the browser's timer
 * fires: the timer starts when the page has mounted, after the server saved the session, so it finds less than the
 * slack left; a little more allows for a slow answer.
 */
const timerLeewayMs = 5_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { sessions, config } = context.services;
  const session = await sessions.load(request);
  const from = journeyById(new URL(request.url).searchParams.get("from") ?? undefined);
  // Sent here by a page sent after the time was up: what was written on it, shown this once, then nothing is kept.
  const flash = session.data.flash;
  const written = flash?.page === deletedPage && flash.journey === from?.id ? Object.values(flash.values).filter((value): value is string => typeof value === "string") : [];
  // A session still in use (another tab kept it alive, or the visit was not a timer's at all) is not deleted, and
  // nobody is told their answers are gone: back to the journey, answers kept.
  const left = sessions.msLeft(session);
  if (!written.length && session.id && left !== null && left > keepAliveSlackMs(config.sessionIdleMs) + timerLeewayMs) {
    throw redirect(from ? `/${from.id}` : "/", { headers: { "Cache-Control": "no-store" } });
  }
  // The browser's timer may run a moment ahead of ours: whatever is left of the session goes now, when our own page's
  // timer asked. A link from another site deletes nothing (as /exit). A session already gone has its cookie cleared,
  // so the journey's start does not send the person here again.
  const cookie = session.expired || written.length || (session.id && visitFromThisSite(request)) ? await sessions.destroy(session) : null;
  const t = context.services.translations[context.language].getFixedT(context.language, "common");
  return data({
    title: `${t("timeout.expiredTitle")} – ${context.council.serviceName}`,
    startAgain: from ? `/${from.id}` : "/",
    idleMinutes: Math.round(context.services.config.sessionIdleMs / 60_000),
    written,
  }, { headers: cookie ? { "Set-Cookie": cookie, "Cache-Control": "no-store" } : { "Cache-Control": "no-store" } });
}

export default function AnswersDeleted() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation("common");
  const council = useRootData()?.council;
  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("timeout.expiredTitle")}</h1>
          <p className="govuk-body">{t("timeout.expiredBody", { minutes: page.idleMinutes })}</p>
          {page.written.length ? (
            <>
              <h2 className="govuk-heading-m">{t("timeout.writtenTitle")}</h2>
              <p className="govuk-body">{t("timeout.writtenBody")}</p>
              {page.written.map((text, index) => (
                <div key={index} className="govuk-inset-text app-answer" dir="auto">
                  {text}
                </div>
              ))}
            </>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={page.startAgain}>{t("timeout.expiredStartAgain")}</Link>
          </p>
          <p className="govuk-body">{t("timeout.expiredContact", { phone: council?.contact.phone ?? "", openingHours: council?.contact.openingHours ?? "" })}</p>
        </div>
      </div>
    </main>
  );
}
