// The confirmation: reference in the green panel, the reply-by date, what happens next, and a copy to print.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Panel } from "~/components/govuk/panel";
import { SummaryList } from "~/components/govuk/summary-list";
import { describeAnswers } from "~/journeys/describe-answers";
import { answersOnRoute } from "~/journeys/journey-engine";
import { loadJourneyRequest, pageUrl, redirectSaving, saveSession } from "~/journeys/journey-requests.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useRootData } from "~/root";
import { PrintButton } from "~/components/print-button";

export const handle: PageHandle = { i18n: (params) => [params.journey ?? ""] };
export const meta = titleMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { journey, session, state, position } = await loadJourneyRequest(context, request, params.journey);
  const submitted = state.submitted;
  if (!submitted) return redirectSaving(context, session, pageUrl(journey, position.firstUnanswered));
  const t = context.services.translations[context.language].getFixedT(context.language, [journey.namespace, "common"]);
  const replyBy = submitted.replyBy
    ? new Intl.DateTimeFormat(context.language === "pl" ? "pl-PL" : "en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${submitted.replyBy}T00:00:00Z`))
    : null;
  return data(
    {
      title: `${t(`${journey.namespace}:confirmation.title`)} – ${context.services.config.council.serviceName}`,
      journeyId: journey.id,
      namespace: journey.namespace,
      reference: submitted.reference,
      replyBy,
      sections: describeAnswers(journey, answersOnRoute(journey, state.answers, position.route), position.route, t),
    },
    { headers: await saveSession(context, session) },
  );
}

export default function Confirmation() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation([page.namespace, "common"]);
  const council = useRootData()?.council;
  const values = {
    reference: page.reference,
    replyBy: page.replyBy ?? "",
    phone: council?.contact.phone ?? "",
    email: council?.contact.email ?? "",
    openingHours: council?.contact.openingHours ?? "",
    advocacyName: council?.advocacy.providerName ?? "",
    advocacyPhone: council?.advocacy.phone ?? "",
  };
  const list = (key: string) => t(key, { ...values, returnObjects: true }) as string[];
  return (
    <main className="govuk-main-wrapper govuk-main-wrapper--l" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel titleText={t("confirmation.title")} html={<>{t("confirmation.referenceIntro")}<br /><strong>{page.reference}</strong></>} />
          {page.replyBy ? <p className="govuk-body govuk-!-font-weight-bold">{t("confirmation.replyBy", values)}</p> : null}
          <p className="govuk-body">{t("confirmation.keepReference", values)}</p>
          <h2 className="govuk-heading-m">{t("confirmation.nextTitle")}</h2>
          {list("confirmation.next").map((p, i) => (
            <p key={i} className="govuk-body">{p}</p>
          ))}
          <h2 className="govuk-heading-m">{t("confirmation.contactTitle")}</h2>
          {list("confirmation.contact").map((p, i) => (
            <p key={i} className="govuk-body">{p}</p>
          ))}
          <div className="app-no-print">
            <PrintButton text={t("confirmation.print")} />
            <p className="govuk-body">
              <Link className="govuk-link" to="/">{t("confirmation.home")}</Link>
            </p>
          </div>
          <h2 className="govuk-heading-m">{t("confirmation.yourAnswers")}</h2>
          {page.sections.map((section) => (
            <div key={section.id}>
              <h3 className="govuk-heading-s">{section.title}</h3>
              <SummaryList rows={section.rows.map((row) => ({ key: { text: row.key }, value: { html: <span className="app-answer">{row.value}</span> } }))} />
            </div>
          ))}
        </div>
      </div>
    </main>
  );
}
