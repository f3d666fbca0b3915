// GOV.UK's "Page not found" and "Sorry, there is a problem with the service" pages, in the council's words.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { Trans, useTranslation } from "~/translation/react";
import { useRootData } from "~/root-data";

/**
 * The words of "Sorry, there is a problem with the service": the layout keeps them with every page, since a render
 * that fails in the browser shows them without a navigation (docs/decisions/053).
 */
export const problemWords = "errors.problem";

/**
 * Which page an error's status gets: "Page not found" for a page that is not there, and for a post to a page that
 * takes none (405: there is nothing there to send to, and trying again later will not help); else the problem page.
 */
export function errorPageKind(status: number): "notFound" | "problem" {
  return status === 404 || status === 405 ? "notFound" : "problem";
}

export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation("common");
  const council = useRootData()?.council;
  const contact = { phone: council?.contact.phone ?? "", email: council?.contact.email ?? "" };
  if (errorPageKind(status) === "notFound") {
    return (
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t("errors.notFound.title")}</h1>
            <p className="govuk-body">{t("errors.notFound.typed")}</p>
            <p className="govuk-body">{t("errors.notFound.pasted")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/">
                {t("errors.notFound.startAgain")}
              </Link>
            </p>
          </div>
        </div>
      </main>
    );
  }
  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t(`${problemWords}.title`)}</h1>
          <p className="govuk-body">{t(`${problemWords}.tryLater`)}</p>
          <p className="govuk-body">{t(`${problemWords}.saved`)}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey={`${problemWords}.contact`} values={contact} />
          </p>
        </div>
      </div>
    </main>
  );
}

/**
 * The error page for whatever a route's loader or action threw (errorPageKind). The layout's own boundary
 * (app/root.tsx), and the boundary of every page's route: a post that fails with the layout as its boundary (an
 * action that failed, or a page with no action) is rendered without the layout's data (Remix runs only the loaders
 * above the boundary), so the page came in English with no council, and the problem page with no phone number to
 * call. Below the layout, it has its data: the person's language, the council's name and its contact details.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
