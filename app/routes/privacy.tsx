// The privacy notice: a short version for children and young people first, then the full notice.
// The controller, data protection officer, idle time and how long a sent complaint's copy is kept come from settings;
// the law and the ICO's details do not change by council.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "~/translation/react";
import { InsetText } from "~/components/govuk/inset-text";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useCouncilRoot } from "~/components/danger-now";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["pages"], exitThisPage: true } satisfies PageHandle;

export async function loader({ context }: LoaderFunctionArgs) {
  const t = context.services.translations[context.language].getFixedT(context.language, "pages");
  return { title: `${t("privacy.title")} – ${context.council.serviceName}`, retentionDays: context.services.config.env.RETENTION_DAYS };
}

export const meta = titleMeta;

export default function Privacy() {
  const { t } = useTranslation("pages");
  const { council, idleMinutes } = useCouncilRoot();
  const { retentionDays } = useLoaderData<typeof loader>();
  const { dataProtection } = council;
  const dpoMail = <a className="govuk-link" href={`mailto:${dataProtection.officerEmail}`} />;
  const dpoValues = { email: dataProtection.officerEmail };

  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("privacy.title")}</h1>
          <p className="govuk-body-l">{t("privacy.intro")}</p>

          <InsetText>
            <h2 className="govuk-heading-m">{t("privacy.short.heading")}</h2>
            <p className="govuk-body">{t("privacy.short.lead")}</p>
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
              <li>{t("privacy.short.needed")}</li>
              <li>{t("privacy.short.whoSees")}</li>
              <li>{t("privacy.short.safety")}</li>
              <li>{t("privacy.short.neverSold")}</li>
              <li>{t("privacy.short.deleted", { minutes: idleMinutes })}</li>
              <li>{t("privacy.short.rights")}</li>
              <li>{t("privacy.short.help")}</li>
            </ul>
          </InsetText>

          <h2 className="govuk-heading-l">{t("privacy.full.heading")}</h2>

          <h3 className="govuk-heading-m">{t("privacy.controller.heading")}</h3>
          <p className="govuk-body">{t("privacy.controller.body", { controller: dataProtection.controller })}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey="privacy.controller.dpo" values={dpoValues} components={{ mail: dpoMail }} />
          </p>
          <p className="govuk-body">{t("privacy.controller.registration", { registration: dataProtection.icoRegistration })}</p>

          <h3 className="govuk-heading-m">{t("privacy.collect.heading")}</h3>
          <p className="govuk-body">{t("privacy.collect.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("privacy.collect.contactDetails")}</li>
            <li>{t("privacy.collect.childDetails")}</li>
            <li>{t("privacy.collect.whatHappened")}</li>
            <li>{t("privacy.collect.support")}</li>
          </ul>
          <p className="govuk-body">{t("privacy.collect.special")}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey="privacy.collect.cookies" components={{ page: <Link className="govuk-link" to="/cookies" /> }} />
          </p>

          <h3 className="govuk-heading-m">{t("privacy.why.heading")}</h3>
          <p className="govuk-body">{t("privacy.why.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("privacy.why.handle")}</li>
            <li>{t("privacy.why.thanks")}</li>
            <li>{t("privacy.why.support")}</li>
            <li>{t("privacy.why.safety")}</li>
            <li>{t("privacy.why.learn")}</li>
            <li>{t("privacy.why.report")}</li>
          </ul>

          <h3 className="govuk-heading-m">{t("privacy.lawfulBasis.heading")}</h3>
          <p className="govuk-body">{t("privacy.lawfulBasis.publicTask")}</p>
          <p className="govuk-body">{t("privacy.lawfulBasis.lawsLead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("privacy.lawfulBasis.childrenAct")}</li>
            <li>{t("privacy.lawfulBasis.publicHealth")}</li>
          </ul>
          <p className="govuk-body">{t("privacy.lawfulBasis.specialCategory")}</p>

          <h3 className="govuk-heading-m">{t("privacy.whoSees.heading")}</h3>
          <p className="govuk-body">{t("privacy.whoSees.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("privacy.whoSees.complaintsTeam")}</li>
            <li>{t("privacy.whoSees.service")}</li>
            <li>{t("privacy.whoSees.investigators")}</li>
            <li>{t("privacy.whoSees.advocates")}</li>
            <li>{t("privacy.whoSees.ombudsman")}</li>
            <li>{t("privacy.whoSees.safeguarding")}</li>
          </ul>
          <p className="govuk-body">{t("privacy.whoSees.neverSold")}</p>

          <h3 className="govuk-heading-m">{t("privacy.keep.heading")}</h3>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("privacy.keep.notSent", { minutes: idleMinutes })}</li>
            <li>{t("privacy.keep.sent", { count: retentionDays })}</li>
            <li>{t("privacy.keep.records")}</li>
          </ul>

          <h3 className="govuk-heading-m">{t("privacy.rights.heading")}</h3>
          <p className="govuk-body">{t("privacy.rights.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("privacy.rights.access")}</li>
            <li>{t("privacy.rights.rectification")}</li>
            <li>{t("privacy.rights.erasure")}</li>
            <li>{t("privacy.rights.restriction")}</li>
            <li>{t("privacy.rights.objection")}</li>
          </ul>
          <p className="govuk-body">{t("privacy.rights.limits")}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey="privacy.rights.how" values={dpoValues} components={{ mail: dpoMail }} />
          </p>

          <h3 className="govuk-heading-m">{t("privacy.ico.heading")}</h3>
          <p className="govuk-body">{t("privacy.ico.first")}</p>
          <p className="govuk-body">{t("privacy.ico.body")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <Trans t={t} i18nKey="privacy.ico.website" components={{ ext: <a className="govuk-link" href="https://ico.org.uk/" /> }} />
            </li>
            <li>{t("privacy.ico.phone")}</li>
            <li>{t("privacy.ico.post")}</li>
          </ul>
        </div>
      </div>
    </main>
  );
}
