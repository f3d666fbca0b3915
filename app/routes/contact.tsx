// Contact us, following GOV.UK's "Contact a department or service team" pattern: every detail comes from the
// council's settings, and the danger-now box comes first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Fragment } from "react";
import { Trans, useTranslation } from "~/translation/react";
import { titleMeta, type PageHandle } from "~/page-handle";
import { DangerNow, useCouncilRoot } from "~/components/danger-now";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["pages"], exitThisPage: true } satisfies PageHandle;

export async function loader({ context }: LoaderFunctionArgs) {
  const t = context.services.translations[context.language].getFixedT(context.language, "pages");
  return { title: `${t("contact.title")} – ${context.council.serviceName}` };
}

export const meta = titleMeta;

/** Lines of text in one paragraph, split by line breaks, as the GOV.UK contact pattern does. */
function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <p className="govuk-body">
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </p>
  );
}

function MailParagraph({ email }: { email: string }) {
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={`mailto:${email}`}>
        {email}
      </a>
    </p>
  );
}

export default function Contact() {
  const { t } = useTranslation("pages");
  const { council } = useCouncilRoot();
  const { contact, advocacy } = council;
  const mailLink = (email: string) => <a className="govuk-link" href={`mailto:${email}`} />;

  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("contact.title")}</h1>
          <p className="govuk-body-l">{t("contact.intro", { councilName: council.councilName })}</p>
          <p className="govuk-body">{t("contact.canHelp")}</p>

          <DangerNow council={council} />

          <h2 className="govuk-heading-m">{t("common:contactMethods.phoneHeading")}</h2>
          <Lines
            lines={[
              t("common:contactMethods.phone", { phone: contact.phone }),
              t("common:contactMethods.textPhone", { textPhone: contact.textPhone }),
              contact.openingHours,
            ]}
          />
          <p className="govuk-body">
            <a className="govuk-link" href="https://www.gov.uk/call-charges">
              {t("common:contactMethods.callCharges")}
            </a>
          </p>

          <h2 className="govuk-heading-m">{t("common:contactMethods.emailHeading")}</h2>
          <MailParagraph email={contact.email} />

          <h2 className="govuk-heading-m">{t("common:contactMethods.postHeading")}</h2>
          <p className="govuk-body">{t("common:contactMethods.postLead")}</p>
          <Lines lines={contact.postalAddress} />

          <h2 className="govuk-heading-m">{t("common:contactMethods.inPersonHeading")}</h2>
          <p className="govuk-body">{t("common:contactMethods.inPersonLead")}</p>
          <p className="govuk-body">{contact.inPerson}</p>

          <h2 className="govuk-heading-m">{t("contact.advocacy.heading")}</h2>
          <p className="govuk-body">{t("contact.advocacy.body", { providerName: advocacy.providerName })}</p>
          <ul className="govuk-list">
            <li>{t("contact.advocacy.phone", { phone: advocacy.phone })}</li>
            <li>{t("contact.advocacy.text", { textMessage: advocacy.textMessage })}</li>
            <li>
              <Trans
                t={t}
                i18nKey="contact.advocacy.email"
                values={{ email: advocacy.email }}
                components={{ mail: mailLink(advocacy.email) }}
              />
            </li>
          </ul>

          <h2 className="govuk-heading-m">{t("contact.otherServices.heading")}</h2>
          <p className="govuk-body">{t("contact.otherServices.body")}</p>
          <ul className="govuk-list">
            <li>{t("contact.otherServices.phone", { phone: contact.generalComplaintsPhone })}</li>
            <li>
              <Trans
                t={t}
                i18nKey="contact.otherServices.email"
                values={{ email: contact.generalComplaintsEmail }}
                components={{ mail: mailLink(contact.generalComplaintsEmail) }}
              />
            </li>
          </ul>
        </div>
      </div>
    </main>
  );
}
