// Before the first question: what "Exit this page" does and does not do (GOV.UK "Exit a page quickly").
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { journeyOrNotFound } from "~/journeys/journey-requests.server";
import { titleMeta, type PageHandle } from "~/page-handle";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { i18n: (params) => [params.journey ?? ""], exitThisPage: true };
export const meta = titleMeta;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const journey = journeyOrNotFound(params.journey);
  const t = context.services.translations[context.language].getFixedT(context.language, journey.id);
  return {
    title: `${t("start.title")} – ${context.council.serviceName}`,
    namespace: journey.id,
    firstPage: `/${journey.id}/${journey.firstPage}`,
    idleMinutes: Math.round(context.services.config.sessionIdleMs / 60_000),
  };
}

export default function JourneyStart() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation([page.namespace, "common"]);
  const paragraphs = (key: string) => t(key, { returnObjects: true, minutes: page.idleMinutes }) as string[];
  return (
    <>
      <Link to="/" className="govuk-back-link">
        {t("common:layout.back")}
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t("start.title")}</h1>
            {paragraphs("start.intro").map((p, i) => (
              <p key={i} className="govuk-body">{p}</p>
            ))}
            <h2 className="govuk-heading-m">{t("common:exitInterruption.title")}</h2>
            {paragraphs("common:exitInterruption.body").map((p, i) => (
              <p key={i} className="govuk-body">{p}</p>
            ))}
            {/* The shortcut works only where GOV.UK Frontend's script runs: without it, the words would promise a way
                out that does nothing. */}
            <p className="govuk-body app-with-script">{t("common:exitInterruption.shortcut")}</p>
            <ul className="govuk-list govuk-list--bullet">
              {paragraphs("common:exitInterruption.doesNot").map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
            <p className="govuk-body">{t("common:timeout.kept", { minutes: page.idleMinutes })}</p>
            <Button text={t("common:buttons.continue")} href={page.firstPage} />
          </div>
        </div>
      </main>
    </>
  );
}
