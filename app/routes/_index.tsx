// The start page: what people can do here, who can complain, what happens next and other ways to reach us.
import { Suspense } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "~/components/govuk/button";
import { SummaryList } from "~/components/govuk/summary-list";
import { useLoaderData } from "@remix-run/react";
import { startPageJourneys } from "~/journeys/journeys";
import { titleMeta, type PageHandle } from "~/page-handle";
import { DangerNow, useCouncilRoot } from "~/components/danger-now";

// The start page speaks for every journey it lists, in each one's own words (the list comes from the loader, so the
// journey definitions stay on the server).
export const handle = {
  i18n: (_params, data) => ["pages", "progress", ...((data as { journeys?: { id: string }[] } | undefined)?.journeys ?? []).map((journey) => journey.id)],
} satisfies PageHandle;

export async function loader({ context }: LoaderFunctionArgs) {
  const t = context.services.translations[context.language].getFixedT(context.language, "pages");
  return {
    title: `${t("start.title")} – ${context.council.serviceName}`,
    journeys: startPageJourneys.map((journey) => ({ id: journey.id, primary: journey.startPage?.primary ?? false })),
  };
}

type Block = string | string[];

/** A journey's part of the start page: its heading, what it is for, how else to do it, and the button that starts it. */
function JourneySection({ journey }: { journey: { id: string; primary: boolean } }) {
  const { t } = useTranslation([journey.id, "pages", "common"]);
  const { council, idleMinutes } = useCouncilRoot();
  const { contact, advocacy } = council;
  const values = {
    minutes: idleMinutes,
    teamPhone: contact.phone,
    teamEmail: contact.email,
    providerName: advocacy.providerName,
    advocacyPhone: advocacy.phone,
    advocacyText: advocacy.textMessage,
    advocacyEmail: advocacy.email,
  };
  const components = { page: <a className="govuk-link" href="#other-ways" />, teamMail: mailLink(contact.email), advocacyMail: mailLink(advocacy.email) };
  const text = (key: string) => <Trans t={t} i18nKey={key} values={values} components={components} />;
  const blocks = (key: string) => (t(key, { returnObjects: true, defaultValue: [] }) as Block[]).map((block, i) =>
    Array.isArray(block) ? (
      <ul key={i} className="govuk-list govuk-list--bullet">
        {block.map((_, j) => <li key={j}>{text(`${key}.${i}.${j}`)}</li>)}
      </ul>
    ) : (
      <p key={i} className="govuk-body">{text(`${key}.${i}`)}</p>
    ),
  );
  return (
    <>
      <h2 className="govuk-heading-m">{t("startPage.heading")}</h2>
      {blocks("startPage.blocks")}
      <Button href={`/${journey.id}`} text={t("startPage.button")} isStartButton={journey.primary} classes={journey.primary ? undefined : "govuk-button--secondary"} />
      {blocks("startPage.after")}
    </>
  );
}

export const meta = titleMeta;

/** A `<Trans>` component: the translation supplies the link's words. */
function mailLink(email: string) {
  return <a className="govuk-link" href={`mailto:${email}`} />;
}

/** "Check your complaint", in the progress pages' words: only this part waits if they are still loading. */
function CheckYourComplaint() {
  const { t } = useTranslation("progress");
  return (
    <>
      <h2 className="govuk-heading-m">{t("start.title")}</h2>
      <p className="govuk-body">{t("start.intro.0")}</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/progress">
          {t("startPageLink")}
        </a>
      </p>
    </>
  );
}

export default function Start() {
  const { t } = useTranslation("pages");
  const { journeys } = useLoaderData<typeof loader>();
  const { council } = useCouncilRoot();
  const { contact } = council;

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
            {journeys.map((journey) => (
              <li key={journey.id}>{t(`${journey.id}:startPage.summary`)}</li>
            ))}
          </ul>

          {journeys.map((journey) => (
            <JourneySection key={journey.id} journey={journey} />
          ))}

          <Suspense fallback={null}>
            <CheckYourComplaint />
          </Suspense>

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
