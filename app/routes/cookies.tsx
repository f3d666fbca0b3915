// The cookies page. The service sets only essential cookies, so there is no cookie banner and no consent to ask for.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { languageCookieName } from "~/services/language.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useCouncilRoot } from "~/components/danger-now";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["pages"], exitThisPage: true } satisfies PageHandle;

export async function loader({ context }: LoaderFunctionArgs) {
  const { config } = context.services;
  const t = context.services.translations[context.language].getFixedT(context.language, "pages");
  return {
    title: `${t("cookies.title")} – ${context.council.serviceName}`,
    // The names the server really uses: the session cookie gets the __Host- prefix when served over HTTPS in production.
    cookieNames: {
      session: config.isProduction ? "__Host-session" : "session",
      language: languageCookieName,
    },
  };
}

export const meta = titleMeta;

export default function Cookies() {
  const { t } = useTranslation("pages");
  const { idleMinutes } = useCouncilRoot();
  const { cookieNames } = useLoaderData<typeof loader>();
  const rows = [
    { name: cookieNames.session, purpose: t("cookies.session.purpose"), expires: t("cookies.session.expires", { minutes: idleMinutes }) },
    { name: cookieNames.language, purpose: t("cookies.lng.purpose"), expires: t("cookies.lng.expires") },
  ];

  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("cookies.title")}</h1>
          <p className="govuk-body">{t("cookies.intro")}</p>
          <p className="govuk-body">{t("cookies.essential")}</p>
          <p className="govuk-body">{t("cookies.noTracking")}</p>

          <h2 className="govuk-heading-m">{t("cookies.table.heading")}</h2>
          <table className="govuk-table app-table--stacked-narrow">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("cookies.table.caption")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t("cookies.table.name")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("cookies.table.purpose")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("cookies.table.expires")}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr key={row.name} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    <code>{row.name}</code>
                  </th>
                  <td className="govuk-table__cell">{row.purpose}</td>
                  <td className="govuk-table__cell">{row.expires}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body">{t("cookies.sessionContents")}</p>
          <p className="govuk-body">{t("cookies.lngWhen")}</p>

          <h2 className="govuk-heading-m">{t("cookies.settings.heading")}</h2>
          <p className="govuk-body">{t("cookies.settings.body")}</p>
        </div>
      </div>
    </main>
  );
}
