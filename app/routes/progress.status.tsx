// Where the complaint stands, in plain words: the stage, when to expect a reply, whether an advocate is arranged and
// how to reach the advocacy service, how to ask for the next stage while that is open, and how to contact the team.
// Never what the person wrote, their name or anyone else's: someone else may be holding the phone.
import { Reference } from "~/components/reference";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { InsetText } from "~/components/govuk/inset-text";
import { SummaryList } from "~/components/govuk/summary-list";
import { progressView } from "~/cases/progress-view";
import { progressSession, redirectSaving, requireProgress, saveSession } from "~/cases/progress-requests.server";
import { refuseForgery } from "~/journeys/forgery.server";
import { readForm } from "~/journeys/read-form.server";
import { formatLongDate } from "~/format-date";
import { journeyStartFromProgress } from "~/journeys/journey-requests.server";
import { journeys } from "~/journeys/journeys";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useRootData } from "~/root-data";
import { openViewing } from "~/journeys/session-data";
import { londonDate } from "~/working-days";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { i18n: ["progress"], exitThisPage: true };
export const meta = titleMeta;

/** Where a request for the next stage starts: its first page fills in the reference this session is looking at. */
function escalateHref(): string | null {
  const escalate = Object.values(journeys).find((journey) => journey.asksForNextStage);
  return escalate ? journeyStartFromProgress(escalate) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await progressSession(request, context);
  const progress = requireProgress(session);
  if (!progress.viewing) throw redirect("/progress/code", { headers: { "Cache-Control": "no-store" } });
  const viewing = openViewing(progress, Date.now());
  // Its time is up, though the session is not (the person, or someone else, looked at other pages since): closed as
  // when the session runs out, and said so (decision 075).
  if (!viewing) {
    delete session.data.progress;
    throw redirect("/progress?closed", { headers: await saveSession(context, session) });
  }
  const found = await context.services.cases.byReference(viewing.reference);
  if (!found || found.id !== viewing.caseId) {
    delete session.data.progress;
    throw redirect("/progress", { headers: await saveSession(context, session) });
  }
  const { state } = found;
  const view = progressView(state, context.services.config.council.timetable, londonDate(new Date()));
  const date = (iso: string) => formatLongDate(iso, context.language);
  const t = context.services.translations[context.language].getFixedT(context.language, ["progress", "common"]);
  const { nextStage } = view;
  return data(
    {
      title: `${t("status.title")} – ${context.council.serviceName}`,
      csrf: context.services.sessions.csrfToken(session),
      reference: found.reference,
      stageKey: view.stageKey,
      reply: view.reply ? { key: view.reply.key, date: date(view.reply.date) } : null,
      panel: view.panel ? { key: view.panel.key, date: date(view.panel.date) } : null,
      advocate: view.advocate,
      nextStage:
        nextStage?.kind === "asked"
          ? { kind: "asked" as const, stage: nextStage.stage, on: date(nextStage.on), late: nextStage.late }
          : nextStage
            ? { kind: "offer" as const, stage: nextStage.stage, until: date(nextStage.until), inTime: nextStage.inTime, href: escalateHref() }
            : null,
      ombudsman: view.ombudsman,
      canAskOmbudsman: view.canAskOmbudsman,
    },
    // Not saved: looking again does not keep the page open for longer (someone may pick the phone up later). It
    // closes the idle time after the code was entered (decision 056).
    { headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * "Close this page now": the person has finished, and may be about to hand the phone over. The case's page closes
 * at once, as it would after the idle time, and the start says so. Not counted against the code's tries or its rate
 * limit: closing is never refused for coming too often.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const session = await progressSession(request, context);
  await refuseForgery(context, request, session, form);
  delete session.data.progress;
  return redirectSaving(context, session, "/progress?closed");
}

export default function ProgressStatus() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(["progress", "common"]);
  const root = useRootData();
  const council = root?.council;
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
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t("status.title")}</h1>
            <SummaryList
              rows={[
                { key: { text: t("status.reference") }, value: { html: <Reference value={page.reference} /> } },
                { key: { text: t("status.now") }, value: { text: t(`status.stages.${page.stageKey}`) } },
                page.panel ? { key: { text: t("status.panel") }, value: { text: t(`status.${page.panel.key}`, { date: page.panel.date }) } } : null,
                page.reply
                  ? { key: { text: t(page.reply.key === "repliedOn" ? "status.replied" : "status.reply") }, value: { text: t(`status.${page.reply.key}`, { date: page.reply.date }) } }
                  : null,
                page.advocate ? { key: { text: t("status.advocate") }, value: { text: t(`status.${page.advocate}`) } } : null,
              ]}
            />
            {page.ombudsman ? <p className="govuk-body">{t(`status.ombudsman.${page.ombudsman}`)}</p> : null}
            {page.nextStage?.kind === "asked" ? (
              <p className="govuk-body">{t("status.nextStage.asked", { stage: page.nextStage.stage, on: page.nextStage.on, context: page.nextStage.late ? "late" : undefined })}</p>
            ) : page.nextStage?.inTime ? (
              <>
                <p className="govuk-body">{t(`status.nextStage.${page.nextStage.stage}`, { until: page.nextStage.until })}</p>
                {page.nextStage.href ? <Button href={page.nextStage.href} text={t(`status.nextStage.button${page.nextStage.stage}`)} classes="govuk-button--secondary" /> : null}
              </>
            ) : page.nextStage?.href ? (
              <p className="govuk-body">
                <Trans t={t} i18nKey="status.nextStage.late" values={{ stage: page.nextStage.stage, until: page.nextStage.until }} components={{ escalate: <a className="govuk-link" href={page.nextStage.href} /> }} />
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
            {page.advocate ? <p className="govuk-body">{t("status.advocateContact", values)}</p> : null}
            <h2 className="govuk-heading-m">{t("status.contactTitle")}</h2>
            <p className="govuk-body">
              <Trans t={t} i18nKey="status.contact" values={values} components={{ email: <a className="govuk-link" href={`mailto:${values.email}`} /> }} />
            </p>
            <InsetText text={t("status.privacy")} />
            <p className="govuk-body">{t("status.closes", { minutes: root?.idleMinutes ?? 0 })}</p>
            <Form method="post" action="/progress/status" noValidate>
              <input type="hidden" name="csrf" value={page.csrf} />
              <Button text={t("status.closeNow")} classes="govuk-button--secondary" preventDoubleClick />
            </Form>
          </div>
        </div>
      </main>
    </>
  );
}
