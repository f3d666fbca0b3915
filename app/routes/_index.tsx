// The start page: what people can do here, who can complain, what happens next and other ways to reach us.
import { languageParts } from "~/translation/language-parts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Trans, useTranslation } from "~/translation/react";
import { OptionalPart } from "~/components/optional-part";
import { Button } from "~/components/govuk/button";
import { SummaryList } from "~/components/govuk/summary-list";
import { useLoaderData } from "@remix-run/react";
import { startPageJourneys } from "~/journeys/journeys";
import { titleMeta, type PageHandle } from "~/page-handle";
import { DangerNow, useCouncilRoot } from "~/components/danger-now";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

// The start page speaks for every journey it lists, in each one's own words: a journey's start-page words are in
// locales/<lng>/<journey>-start.json, so the browser fetches those and not the journey's questions (the list comes
// from the loader, so the journey definitions stay on the server).
export const handle = {
  // Every page of the service has the way out, the front door too: it may be the first page an adult sees over a
  // child's shoulder.
  exitThisPage: true,
  i18n: (_params, data) => ["start", "progress", ...((data as { journeys?: { id: string }[] } | undefined)?.journeys ?? []).map((journey) => `${journey.id}-start`)],
} satisfies PageHandle;

export async function loader({ context }: LoaderFunctionArgs) {
  const t = context.services.translations[context.language].getFixedT(context.language, "start");
  return {
    title: `${t("title")} – ${context.council.serviceName}`,
    journeys: startPageJourneys.map((journey) => ({ id: journey.id, primary: journey.startPage?.primary ?? false })),
  };
}

type Block = string | string[];

/** A journey's part of the start page: its heading, what it is for, how else to do it, and the button that starts it. */
function JourneySection({ journey }: { journey: { id: string; primary: boolean } }) {
  const { t } = useTranslation([`${journey.id}-start`, "common"]);
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
      <h2 className="govuk-heading-m">{t("heading")}</h2>
      {blocks("blocks")}
      <Button href={`/${journey.id}`} text={t("button")} isStartButton={journey.primary} classes={journey.primary ? undefined : "govuk-button--secondary"} />
      {blocks("after")}
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
  const { t } = useTranslation("start");
  const { journeys } = useLoaderData<typeof loader>();
  const { council } = useCouncilRoot();
  const { contact } = council;

  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("title")}</h1>
          <p className="govuk-body-l">{t("intro", { councilName: council.councilName })}</p>
          <p className="govuk-body">{languageParts(t("servicesExplained"))}</p>

          <DangerNow council={council} />

          <h2 className="govuk-heading-m">{t("whatYouCanDo.heading")}</h2>
          <p className="govuk-body">{t("whatYouCanDo.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            {journeys.map((journey) => (
              <li key={journey.id}>{t(`${journey.id}-start:summary`)}</li>
            ))}
          </ul>

          {journeys.map((journey) => (
            <JourneySection key={journey.id} journey={journey} />
          ))}

          <OptionalPart>
            <CheckYourComplaint />
          </OptionalPart>

          <h2 className="govuk-heading-m">{t("whoCan.heading")}</h2>
          <p className="govuk-body">{t("whoCan.lead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("whoCan.child")}</li>
            <li>{t("whoCan.parent")}</li>
            <li>{languageParts(t("whoCan.specialGuardian"))}</li>
            <li>{languageParts(t("whoCan.fosterCarer"))}</li>
            <li>{languageParts(t("whoCan.careLeaver"))}</li>
            <li>{t("whoCan.anyoneAffected")}</li>
          </ul>
          <p className="govuk-body">{t("whoCan.onBehalf")}</p>

          <h2 className="govuk-heading-m">{t("timeLimit.heading")}</h2>
          <p className="govuk-body">{t("timeLimit.body")}</p>
          <p className="govuk-body">{t("timeLimit.olderLead")}</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>{t("timeLimit.stillPossible")}</li>
            <li>{t("timeLimit.notReasonable")}</li>
          </ul>
          <p className="govuk-body">{t("timeLimit.tellUs")}</p>

          <h2 className="govuk-heading-m">{t("nextSteps.heading")}</h2>
          <p className="govuk-body">{t("nextSteps.intro")}</p>
          <p className="govuk-body">{languageParts(t("nextSteps.workingDays"))}</p>

          <h3 className="govuk-heading-s">{t("nextSteps.stage1.heading")}</h3>
          <p className="govuk-body">{t("nextSteps.stage1.contact")}</p>
          <p className="govuk-body">{t("nextSteps.stage1.reply")}</p>

          <h3 className="govuk-heading-s">{t("nextSteps.stage2.heading")}</h3>
          <p className="govuk-body">{t("nextSteps.stage2.when")}</p>
          <p className="govuk-body">{languageParts(t("nextSteps.stage2.who"))}</p>
          <p className="govuk-body">{t("nextSteps.stage2.reply")}</p>

          <h3 className="govuk-heading-s">{t("nextSteps.stage3.heading")}</h3>
          <p className="govuk-body">{languageParts(t("nextSteps.stage3.when"))}</p>
          <p className="govuk-body">{t("nextSteps.stage3.who")}</p>
          <p className="govuk-body">{t("nextSteps.stage3.recommendations")}</p>
          <p className="govuk-body">{t("nextSteps.stage3.response")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/escalate">
              {t("nextSteps.escalateLink")}
            </a>
          </p>

          <h3 className="govuk-heading-s">{t("nextSteps.ombudsman.heading")}</h3>
          <p className="govuk-body">{languageParts(t("nextSteps.ombudsman.body"))}</p>
          <p className="govuk-body">{t("nextSteps.ombudsman.first")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="https://www.lgo.org.uk/">
              {t("nextSteps.ombudsman.link")}
            </a>
          </p>

          <h3 className="govuk-heading-s">{t("nextSteps.publicHealth.heading")}</h3>
          <p className="govuk-body">{t("nextSteps.publicHealth.body")}</p>

          <h2 className="govuk-heading-m" id="other-ways">
            {t("otherWays.heading")}
          </h2>
          <SummaryList
            rows={[
              { key: { text: t("common:contactMethods.phoneHeading") }, value: { text: contact.phone } },
              { key: { text: t("common:contactMethods.textPhoneLabel") }, value: { text: contact.textPhone } },
              { key: { text: t("common:contactMethods.openingHoursLabel") }, value: { text: contact.openingHours } },
              {
                key: { text: t("common:contactMethods.emailHeading") },
                value: {
                  html: (
                    <a className="govuk-link" href={`mailto:${contact.email}`}>
                      {contact.email}
                    </a>
                  ),
                },
              },
              {
                key: { text: t("common:contactMethods.postHeading") },
                value: {
                  html: contact.postalAddress.map((line, index) => (
                    <span key={index}>
                      {index > 0 ? <br /> : null}
                      {line}
                    </span>
                  )),
                },
              },
              { key: { text: t("common:contactMethods.inPersonHeading") }, value: { text: contact.inPerson } },
            ]}
          />
        </div>
      </div>
    </main>
  );
}
