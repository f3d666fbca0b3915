// The accessibility statement, in the order of GOV.UK's model statement for the Public Sector Bodies
// (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018. Dates come from the council's settings.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "~/translation/react";
import { formatDate } from "~/format-date";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useCouncilRoot } from "~/components/danger-now";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["pages"], exitThisPage: true } satisfies PageHandle;

/** Dates are formatted in the loader, so server and browser agree. */
const longDate = formatDate;

export async function loader({ context }: LoaderFunctionArgs) {
  const t = context.services.translations[context.language].getFixedT(context.language, "pages");
  const { accessibility } = context.services.config.council;
  return {
    // The service's name in the page's language, as on every page (the settings hold it in every language).
    title: `${t("accessibility.title")} – ${context.council.serviceName}`,
    dates: {
      preparedOn: longDate(accessibility.statementPreparedOn, context.language),
      reviewedOn: longDate(accessibility.lastReviewedOn, context.language),
      testedOn: longDate(accessibility.lastTestedOn, context.language),
    },
  };
}

export const meta = titleMeta;

function externalLink(href: string) {
  return <a className="govuk-link" href={href} />;
}

export default function AccessibilityStatement() {
  const { t } = useTranslation("pages");
  const { council, idleMinutes } = useCouncilRoot();
  const { dates } = useLoaderData<typeof loader>();
  const { contact, councilName, serviceName } = council;
  const mail = <a className="govuk-link" href={`mailto:${contact.email}`} />;

  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("accessibility.heading", { serviceName })}</h1>
          <p className="govuk-body">{t("accessibility.appliesTo", { serviceName })}</p>
          <p className="govuk-body">{t("accessibility.runBy", { councilName })}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("accessibility.abilities.colours")}</li>
            <li>{t("accessibility.abilities.zoom")}</li>
            <li>{t("accessibility.abilities.keyboard")}</li>
            <li>{t("accessibility.abilities.speech")}</li>
            <li>{t("accessibility.abilities.screenReader")}</li>
            <li>{t("accessibility.abilities.noJavaScript")}</li>
          </ul>
          <p className="govuk-body">{t("accessibility.plainWords")}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey="accessibility.abilityNet" components={{ ext: externalLink("https://mcmw.abilitynet.org.uk/") }} />
          </p>

          <h2 className="govuk-heading-m">{t("accessibility.howAccessible.heading")}</h2>
          <p className="govuk-body">{t("accessibility.howAccessible.body")}</p>

          <h2 className="govuk-heading-m">{t("accessibility.otherFormat.heading")}</h2>
          <p className="govuk-body">{t("accessibility.otherFormat.body")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("accessibility.otherFormat.phone", { phone: contact.phone, openingHours: contact.openingHours })}</li>
            <li>{t("accessibility.otherFormat.textPhone", { textPhone: contact.textPhone })}</li>
            <li>
              <Trans t={t} i18nKey="accessibility.otherFormat.email" values={{ email: contact.email }} components={{ mail }} />
            </li>
          </ul>
          <p className="govuk-body">{t("accessibility.otherFormat.reply")}</p>

          <h2 className="govuk-heading-m">{t("accessibility.reporting.heading")}</h2>
          <p className="govuk-body">
            <Trans
              t={t}
              i18nKey="accessibility.reporting.body"
              values={{ email: contact.email, phone: contact.phone }}
              components={{ mail }}
            />
          </p>

          <h2 className="govuk-heading-m">{t("accessibility.inPerson.heading")}</h2>
          <p className="govuk-body">{t("accessibility.inPerson.body", { textPhone: contact.textPhone })}</p>

          <h2 className="govuk-heading-m">{t("accessibility.enforcement.heading")}</h2>
          <p className="govuk-body">{t("accessibility.enforcement.ehrc")}</p>
          <p className="govuk-body">
            <Trans
              t={t}
              i18nKey="accessibility.enforcement.eass"
              components={{ ext: externalLink("https://www.equalityadvisoryservice.com/") }}
            />
          </p>
          <p className="govuk-body">
            <Trans
              t={t}
              i18nKey="accessibility.enforcement.northernIreland"
              components={{ ext: externalLink("https://www.equalityni.org/Home") }}
            />
          </p>

          <h2 className="govuk-heading-m">{t("accessibility.technical.heading")}</h2>
          <p className="govuk-body">{t("accessibility.technical.body", { councilName })}</p>

          <h3 className="govuk-heading-s">{t("accessibility.compliance.heading")}</h3>
          <p className="govuk-body">
            <Trans t={t} i18nKey="accessibility.compliance.body" components={{ ext: externalLink("https://www.w3.org/TR/WCAG22/") }} />
          </p>

          <h2 className="govuk-heading-m">{t("accessibility.nonAccessible.heading")}</h2>
          <p className="govuk-body">{t("accessibility.nonAccessible.body")}</p>
          <h3 className="govuk-heading-s">{t("accessibility.nonAccessible.nonCompliance")}</h3>
          <p className="govuk-body">{t("accessibility.nonAccessible.timeout", { minutes: idleMinutes })}</p>
          <p className="govuk-body">{t("accessibility.nonAccessible.timeoutHelp", { phone: contact.phone, openingHours: contact.openingHours })}</p>

          <h2 className="govuk-heading-m">{t("accessibility.improving.heading")}</h2>
          <p className="govuk-body">{t("accessibility.improving.testing")}</p>
          <p className="govuk-body">{t("accessibility.improving.fixing")}</p>

          <h2 className="govuk-heading-m">{t("accessibility.preparation.heading")}</h2>
          <p className="govuk-body">
            {t("accessibility.preparation.prepared", { preparedOn: dates.preparedOn, reviewedOn: dates.reviewedOn })}
          </p>
          <p className="govuk-body">{t("accessibility.preparation.tested", { testedOn: dates.testedOn })}</p>
        </div>
      </div>
    </main>
  );
}
