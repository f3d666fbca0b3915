// The start page: what people can do here, who can complain, what happens next and other ways to reach us.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "~/components/govuk/button";
import { SummaryList } from "~/components/govuk/summary-list";
import { titleMeta, type PageHandle } from "~/page-handle";
import { DangerNow, useCouncilRoot } from "~/components/danger-now";

export const handle = { i18n: ["pages"] } satisfies PageHandle;

export async function loader({ context }: LoaderFunctionArgs) {
  const t = context.services.translations[context.language].getFixedT(context.language, "pages");
  return { title: `${t("start.title")} – ${context.services.config.council.serviceName}` };
}

export const meta = titleMeta;

/** A `<Trans>` component: the translation supplies the link's words. */
function mailLink(email: string) {
  return <a className="govuk-link" href={`mailto:${email}`} />;
}

export default function Start() {
  const { t } = useTranslation("pages");
  const { council, idleMinutes } = useCouncilRoot();
  const { contact, advocacy } = council;
  const teamValues = { phone: contact.phone, email: contact.email };
  const teamComponents = { mail: mailLink(contact.email) };

  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("start.title")}</h1>
          <p className="govuk-body-l">{t("start.intro", { councilName: council.councilName })}</p>
          <p className="govuk-body">{t("start.servicesExplained")}</p>

          <DangerNow council={council} />

          <h2 className="govuk-heading-m">{t("start.whatYouCanDo.heading")}</h2>
          <p className="govuk-body">{t("start.whatYouCanDo.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("start.whatYouCanDo.complaint")}</li>
            <li>{t("start.whatYouCanDo.compliment")}</li>
            <li>{t("start.whatYouCanDo.advocate")}</li>
            <li>{t("start.whatYouCanDo.otherFormat")}</li>
          </ul>

          <h2 className="govuk-heading-m">{t("start.complaint.heading")}</h2>
          <p className="govuk-body">{t("start.complaint.what")}</p>
          <p className="govuk-body">{t("start.complaint.keptShort", { minutes: idleMinutes })}</p>
          <p className="govuk-body">{t("start.complaint.exit")}</p>
          <Button href="/complaint" text={t("start.complaint.startButton")} isStartButton />
          <p className="govuk-body">
            <Trans t={t} i18nKey="start.complaint.otherWays" components={{ page: <a className="govuk-link" href="#other-ways" /> }} />
          </p>

          <h2 className="govuk-heading-m">{t("start.compliment.heading")}</h2>
          <p className="govuk-body">{t("start.compliment.body")}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey="start.compliment.how" values={teamValues} components={teamComponents} />
          </p>
          <Button href="/compliment" text={t("start.compliment.button")} classes="govuk-button--secondary" />

          <h2 className="govuk-heading-m">{t("start.advocate.heading")}</h2>
          <p className="govuk-body">{t("start.advocate.what")}</p>
          <p className="govuk-body">{t("start.advocate.factsLead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("start.advocate.free")}</li>
            <li>{t("start.advocate.onYourSide")}</li>
            <li>{t("start.advocate.independent")}</li>
          </ul>
          <p className="govuk-body">{t("start.advocate.whoCan")}</p>
          <p className="govuk-body">{t("start.advocate.how", { providerName: advocacy.providerName })}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("start.advocate.phone", { phone: advocacy.phone })}</li>
            <li>{t("start.advocate.text", { textMessage: advocacy.textMessage })}</li>
            <li>
              <Trans
                t={t}
                i18nKey="start.advocate.email"
                values={{ email: advocacy.email }}
                components={{ mail: mailLink(advocacy.email) }}
              />
            </li>
          </ul>
          <p className="govuk-body">{t("start.advocate.complaintsTeam")}</p>
          <Button href="/advocate" text={t("start.advocate.button")} classes="govuk-button--secondary" />

          <h2 className="govuk-heading-m">{t("start.otherFormat.heading")}</h2>
          <p className="govuk-body">{t("start.otherFormat.body")}</p>
          <p className="govuk-body">
            <Trans t={t} i18nKey="start.otherFormat.how" values={teamValues} components={teamComponents} />
          </p>
          <Button href="/other-format" text={t("start.otherFormat.button")} classes="govuk-button--secondary" />

          <h2 className="govuk-heading-m">{t("start.whoCan.heading")}</h2>
          <p className="govuk-body">{t("start.whoCan.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("start.whoCan.child")}</li>
            <li>{t("start.whoCan.parent")}</li>
            <li>{t("start.whoCan.specialGuardian")}</li>
            <li>{t("start.whoCan.fosterCarer")}</li>
            <li>{t("start.whoCan.careLeaver")}</li>
            <li>{t("start.whoCan.anyoneAffected")}</li>
          </ul>
          <p className="govuk-body">{t("start.whoCan.onBehalf")}</p>

          <h2 className="govuk-heading-m">{t("start.timeLimit.heading")}</h2>
          <p className="govuk-body">{t("start.timeLimit.body")}</p>
          <p className="govuk-body">{t("start.timeLimit.olderLead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("start.timeLimit.stillPossible")}</li>
            <li>{t("start.timeLimit.notReasonable")}</li>
          </ul>
          <p className="govuk-body">{t("start.timeLimit.tellUs")}</p>

          <h2 className="govuk-heading-m">{t("start.nextSteps.heading")}</h2>
          <p className="govuk-body">{t("start.nextSteps.intro")}</p>
          <p className="govuk-body">{t("start.nextSteps.workingDays")}</p>

          <h3 className="govuk-heading-s">{t("start.nextSteps.stage1.heading")}</h3>
          <p className="govuk-body">{t("start.nextSteps.stage1.contact")}</p>
          <p className="govuk-body">{t("start.nextSteps.stage1.reply")}</p>

          <h3 className="govuk-heading-s">{t("start.nextSteps.stage2.heading")}</h3>
          <p className="govuk-body">{t("start.nextSteps.stage2.when")}</p>
          <p className="govuk-body">{t("start.nextSteps.stage2.who")}</p>
          <p className="govuk-body">{t("start.nextSteps.stage2.reply")}</p>

          <h3 className="govuk-heading-s">{t("start.nextSteps.stage3.heading")}</h3>
          <p className="govuk-body">{t("start.nextSteps.stage3.when")}</p>
          <p className="govuk-body">{t("start.nextSteps.stage3.who")}</p>
          <p className="govuk-body">{t("start.nextSteps.stage3.recommendations")}</p>
          <p className="govuk-body">{t("start.nextSteps.stage3.response")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/escalate">
              {t("start.nextSteps.escalateLink")}
            </a>
          </p>

          <h3 className="govuk-heading-s">{t("start.nextSteps.ombudsman.heading")}</h3>
          <p className="govuk-body">{t("start.nextSteps.ombudsman.body")}</p>
          <p className="govuk-body">{t("start.nextSteps.ombudsman.first")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="https://www.lgo.org.uk/">
              {t("start.nextSteps.ombudsman.link")}
            </a>
          </p>

          <h3 className="govuk-heading-s">{t("start.nextSteps.publicHealth.heading")}</h3>
          <p className="govuk-body">{t("start.nextSteps.publicHealth.body")}</p>

          <h2 className="govuk-heading-m" id="other-ways">
            {t("start.otherWays.heading")}
          </h2>
          <SummaryList
            rows={[
              { key: { text: t("contact.methods.phoneHeading") }, value: { text: contact.phone } },
              { key: { text: t("contact.methods.textPhoneLabel") }, value: { text: contact.textPhone } },
              { key: { text: t("contact.methods.openingHoursLabel") }, value: { text: contact.openingHours } },
              {
                key: { text: t("contact.methods.emailHeading") },
                value: {
                  html: (
                    <a className="govuk-link" href={`mailto:${contact.email}`}>
                      {contact.email}
                    </a>
                  ),
                },
              },
              {
                key: { text: t("contact.methods.postHeading") },
                value: {
                  html: contact.postalAddress.map((line, index) => (
                    <span key={index}>
                      {index > 0 ? <br /> : null}
                      {line}
                    </span>
                  )),
                },
              },
              { key: { text: t("contact.methods.inPersonHeading") }, value: { text: contact.inPerson } },
            ]}
          />
        </div>
      </div>
    </main>
  );
}
