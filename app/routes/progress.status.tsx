// Where the complaint stands, in plain words: the stage, when to expect a reply, whether an advocate is arranged and
// how to reach the advocacy service, how to ask for the next stage while that is open, and how to contact the team.
// Never what the person wrote, their name or anyone else's: someone else may be holding the phone.
import { Reference } from "~/components/reference";
import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { InsetText } from "~/components/govuk/inset-text";
import { SummaryList } from "~/components/govuk/summary-list";
import { JourneyExit } from "~/components/journey/journey-chrome";
import { currentStage, nextStageOffer, replyDueOn } from "~/cases/case-state";
import { progressSession, requireProgress, saveSession } from "~/cases/progress-requests.server";
import { isPublicHealth } from "~/cases/timetable";
import { formatLongDate } from "~/format-date";
import { journeys } from "~/journeys/journeys";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useRootData } from "~/root-data";
import { londonDate } from "~/working-days";

export const handle: PageHandle = { i18n: ["progress"], exitThisPage: true };
export const meta = titleMeta;

/** Where a request for the next stage starts: its first page fills in the reference this session is looking at. */
function escalateHref(): string | null {
  const escalate = Object.values(journeys).find((journey) => journey.asksForNextStage);
  return escalate ? `/${escalate.id}/${escalate.firstPage}` : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await progressSession(request, context);
  const progress = requireProgress(session);
  if (!progress.viewing) throw redirect("/progress/code", { headers: { "Cache-Control": "no-store" } });
  const found = await context.services.cases.byReference(progress.viewing.reference);
  if (!found || found.id !== progress.viewing.caseId) {
    delete session.data.progress;
    throw redirect("/progress", { headers: await saveSession(context, session) });
  }
  const { state } = found;
  const { timetable } = context.services.config.council;
  const today = londonDate(new Date());
  const stage = currentStage(state);
  const date = (iso: string) => formatLongDate(iso, context.language);
  const due = replyDueOn(state);
  const offer = nextStageOffer(state, timetable, today);
  const lastStage = isPublicHealth(state.service) || stage.stage === 3;
  const t = context.services.translations[context.language].getFixedT(context.language, ["progress", "common"]);
  return data(
    {
      title: `${t("status.title")} – ${context.council.serviceName}`,
      reference: found.reference,
      stageKey: state.closedOn && !offer ? "closed" : stage.repliedOn ? `${stage.stage}-replied` : String(stage.stage),
      reply: due ? { key: stage.extendedDueOn ? "replyByExtended" : "replyBy", date: date(due) } : stage.repliedOn ? { key: "repliedOn", date: date(stage.repliedOn) } : null,
      advocate: state.advocateArrangedOn ? "advocateArranged" : state.advocateAsked ? "advocateAsked" : "advocateNotAsked",
      offer: offer ? { stage: offer.stage, until: date(offer.until), inTime: offer.inTime, href: escalateHref() } : null,
      ombudsman: state.ombudsman ? (state.ombudsman.decidedOn ? "decided" : state.ombudsman.referredOn ? "referred" : state.ombudsman.referredBack ? "referredBack" : null) : null,
      // After the last stage's reply, the Ombudsman is next.
      canAskOmbudsman: Boolean(stage.repliedOn && lastStage && !state.ombudsman?.referredOn),
    },
    { headers: await saveSession(context, session) },
  );
}

export default function ProgressStatus() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(["progress", "common"]);
  const council = useRootData()?.council;
  const values = {
    phone: council?.contact.phone ?? "",
    openingHours: council?.contact.openingHours ?? "",
    email: council?.contact.email ?? "",
    advocacyName: council?.advocacy.providerName ?? "",
    advocacyPhone: council?.advocacy.phone ?? "",
    advocacyText: council?.advocacy.textMessage ?? "",
  };
  return (
    <>
      <JourneyExit />
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t("status.title")}</h1>
            <SummaryList
              rows={[
                { key: { text: t("status.reference") }, value: { html: <Reference value={page.reference} /> } },
                { key: { text: t("status.now") }, value: { text: t(`status.stages.${page.stageKey}`) } },
                page.reply ? { key: { text: t("status.reply") }, value: { text: t(`status.${page.reply.key}`, { date: page.reply.date }) } } : null,
                { key: { text: t("status.advocate") }, value: { text: t(`status.${page.advocate}`) } },
              ]}
            />
            {page.ombudsman ? <p className="govuk-body">{t(`status.ombudsman.${page.ombudsman}`)}</p> : null}
            {page.offer?.inTime ? (
              <>
                <p className="govuk-body">{t(`status.nextStage.${page.offer.stage}`, { until: page.offer.until })}</p>
                {page.offer.href ? <Button href={page.offer.href} text={t(`status.nextStage.button${page.offer.stage}`)} classes="govuk-button--secondary" /> : null}
              </>
            ) : page.offer && page.offer.href ? (
              <p className="govuk-body">
                <Trans t={t} i18nKey="status.nextStage.late" values={{ stage: page.offer.stage, until: page.offer.until }} components={{ escalate: <a className="govuk-link" href={page.offer.href} /> }} />
              </p>
            ) : null}
            {page.canAskOmbudsman ? (
              <>
                <p className="govuk-body">{t("status.ombudsman.canAsk")}</p>
                <p className="govuk-body">
                  <a className="govuk-link" href="https://www.lgo.org.uk/">
                    {t("status.ombudsman.link")}
                  </a>
                </p>
              </>
            ) : null}
            <p className="govuk-body">{t("status.advocateContact", values)}</p>
            <h2 className="govuk-heading-m">{t("status.contactTitle")}</h2>
            <p className="govuk-body">{t("status.contact", values)}</p>
            <InsetText text={t("status.privacy")} />
          </div>
        </div>
      </main>
    </>
  );
}
