// The confirmation: reference in the green panel, the reply-by date, what happens next, and a copy to print.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { OptionalPart } from "~/components/optional-part";
import type { ReactNode } from "react";
import { Panel } from "~/components/govuk/panel";
import { SummaryList } from "~/components/govuk/summary-list";
import { isPublicHealth, urgentContactBy } from "~/cases/timetable";
import { advocateToldValues, describeAnswers } from "~/journeys/describe-answers";
import { answersOnRoute } from "~/journeys/journey-engine";
import { loadJourneyRequest, pageUrl, redirectSaving } from "~/journeys/journey-requests.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { Reference } from "~/components/reference";
import { useRootData } from "~/root-data";
import { PrintButton } from "~/components/print-button";
import { formatLongDate } from "~/format-date";
import { Trans } from "~/translation/react";
import { Details } from "~/components/govuk/details";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { mayWriteTo, noReplyReason } from "~/delivery/contact-permission";
import { londonDate } from "~/working-days";
import { languageParts } from "~/translation/language-parts";

// Its error page, in the layout with its data (the person's language, the council): see error-page.tsx.
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { i18n: (params) => [params.journey ?? "", "progress"], exitThisPage: true };
export const meta = titleMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { journey, session, state, position } = await loadJourneyRequest(context, request, params.journey);
  const submitted = state.submitted;
  if (!submitted) return redirectSaving(context, session, pageUrl(journey, position.firstUnanswered));
  const t = context.services.translations[context.language].getFixedT(context.language, [journey.id, "common"]);
  const contact = journey.contactOf(state.answers);
  // Someone we cannot reply to (they asked us not to, or left us only messages they told us are not safe) gets no
  // reply date, and is told so plainly.
  const noReply = noReplyReason(contact);
  const nextStageAsked = journey.asksForNextStage?.(state.answers);
  const replyBy = submitted.replyBy && !noReply ? formatLongDate(submitted.replyBy, context.language) : null;
  return data(
    {
      title: `${t(`${journey.id}:confirmation.title`)} – ${context.council.serviceName}`,
      journeyId: journey.id,
      namespace: journey.id,
      reference: submitted.reference,
      replyBy,
      // Asked for the next stage after the time to ask: the date is when the council says whether it will take it.
      replyContext: submitted.late ? "late" : undefined,
      noReply,
      // The page about a complaint opens with a code we email: offered only to someone we may send one to.
      progressCode: mayWriteTo(contact, "progress-code").allowed,
      // They asked for an advocate, and the advocacy service has been told (the flag's routing): they are told so, where
      // the journey has words for it (the advocate journey's own next steps say it already).
      advocateTold: journey.flagsOf(state.answers, londonDate(new Date(submitted.submittedAt))).includes("advocate") ? advocateToldValues(journey, state.answers) : null,
      // Told here, since nothing will reach them: someone who gave an email address, to which we have not written,
      // for their safety (the message rule's "unsafe"). Someone who gave a number or an address expected no email,
      // and is told nothing about one.
      notEmailed: noReply === "unsafe",
      // Public health complaints have one stage at the council, then the Ombudsman: no stages 2 and 3 to offer.
      publicHealth: isPublicHealth(journey.serviceOf(state.answers)),
      // Something is about to happen: when someone will be in touch, or, if nobody can be, to call now.
      urgent: journey.urgencyOf?.(state.answers)
        ? { by: formatLongDate(urgentContactBy(submitted.submittedAt, context.services.config.council.timetable), context.language), reachable: !noReply }
        : null,
      // A complaint is followed through its stages, and can be looked up with the reference.
      followed: Boolean(journey.opensCase),
      // A request for the next stage has its own reference; the complaint is still looked up by the complaint's.
      complaintReference: nextStageAsked?.reference ?? null,
      // Its next steps are those of the stage asked for, not of both; asked for after the time to ask, what happens if
      // the council takes it, or not (decision 090).
      nextContext: nextStageAsked ? `stage-${submitted.stage ?? nextStageAsked.stage}${submitted.late ? "-late" : ""}` : undefined,
      sections: describeAnswers(journey, answersOnRoute(journey, state.answers, position.route), position.route, t),
    },
    // What was sent stays only for the idle time after the send (or after the person last did something else here):
    // the session is not saved, so viewing this page again, perhaps by someone else from the browser's history,
    // does not keep it longer (docs/decisions/055).
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** The sentence with the reference in it kept on one line. */
function keepingTogether(sentence: string, reference: string): ReactNode {
  const at = sentence.indexOf(reference);
  if (at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <Reference value={reference} />
      {sentence.slice(at + reference.length)}
    </>
  );
}

/**
 * "You can check where your complaint is", in the progress pages' words. Reached with JavaScript from check answers,
 * those words may still be loading: only this paragraph waits for them, never the page.
 */
function ProgressLink() {
  const { t } = useTranslation("progress");
  return (
    <p className="govuk-body">
      <Trans t={t} i18nKey="confirmationLink" components={{ progress: <Link className="govuk-link" to="/progress" /> }} />
    </p>
  );
}

/** Which of the journey's lists of next steps fits: the one for nobody to reply to, for public health, or the usual. */
function nextSteps(page: { noReply: string | null; publicHealth: boolean }, has: (key: string) => boolean): string {
  if (page.noReply && has("confirmation.nextNoReply")) return "confirmation.nextNoReply";
  if (page.publicHealth && has("confirmation.nextPublicHealth")) return "confirmation.nextPublicHealth";
  return "confirmation.next";
}

export default function Confirmation() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation([page.namespace, "common"]);
  const root = useRootData();
  const council = root?.council;
  const values = {
    reference: page.reference,
    replyBy: page.replyBy ?? "",
    phone: council?.contact.phone ?? "",
    email: council?.contact.email ?? "",
    openingHours: council?.contact.openingHours ?? "",
    advocacyName: council?.advocacy.providerName ?? "",
    advocacyPhone: council?.advocacy.phone ?? "",
  };
  const list = (key: string, context?: string) => t(key, { ...values, context, returnObjects: true }) as string[];
  return (
    <>
    <main className="govuk-main-wrapper govuk-main-wrapper--l" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel titleText={t("confirmation.title")} html={<>{t("confirmation.referenceIntro")}<br /><strong><Reference value={page.reference} /></strong></>} />
          {page.notEmailed ? (
            <NotificationBanner titleText={t("common:notificationTitle")} titleId="not-emailed-title">
              <h2 className="govuk-notification-banner__heading">{t("common:confirmation.notEmailed.heading")}</h2>
              <p className="govuk-body">{t("common:confirmation.notEmailed.body")}</p>
              {/* Only the number: a screenshot or a printout of this page could be found by the person they told us
                  about, and would show what they wrote. */}
              <p className="govuk-body">{keepingTogether(t("common:confirmation.notEmailed.keep"), page.reference)}</p>
            </NotificationBanner>
          ) : null}
          {page.replyBy ? <p className="govuk-body govuk-!-font-weight-bold">{t("confirmation.replyBy", { ...values, context: page.replyContext })}</p> : null}
          {page.noReply ? (
            <p className="govuk-body govuk-!-font-weight-bold">
              {page.noReply === "unsafe" ? t("common:noSafeWay.confirmation", values) : t(i18n.exists(`${page.namespace}:confirmation.noContact`) ? "confirmation.noContact" : "common:confirmation.noContact")}
            </p>
          ) : null}
          {page.urgent ? (
            <p className="govuk-body govuk-!-font-weight-bold">
              {page.urgent.reachable ? t("common:confirmation.urgent", { date: page.urgent.by }) : t("common:confirmation.urgentNoContact", values)}
            </p>
          ) : null}
          {page.advocateTold && i18n.exists(`${page.namespace}:confirmation.advocateTold`) ? (
            <p className="govuk-body">{t(page.noReply ? "confirmation.advocateToldNoReply" : "confirmation.advocateTold", { ...values, ...page.advocateTold })}</p>
          ) : null}
          <p className="govuk-body">{keepingTogether(t("confirmation.keepReference", values), page.reference)}</p>
          {page.complaintReference ? (
            <p className="govuk-body">{keepingTogether(t("confirmation.complaintReference", { complaintReference: page.complaintReference }), page.complaintReference)}</p>
          ) : null}
          <h2 className="govuk-heading-m">{t("confirmation.nextTitle")}</h2>
          {/* Public health has its own next steps where the journey words them (one stage, then the Ombudsman); so does
              someone we cannot reply to, where the usual ones say we will be in touch. */}
          {list(nextSteps(page, (key) => i18n.exists(`${page.namespace}:${key}`)), page.nextContext).map((p, i) => (
            <p key={i} className="govuk-body">{p}</p>
          ))}
          {/* "After our reply" means nothing to someone we cannot reply to: their next steps say to call us. */}
          {!page.publicHealth && !page.noReply && i18n.exists(`${page.namespace}:confirmation.escalate`) ? (
            <p className="govuk-body">
              <Trans t={t} i18nKey="confirmation.escalate" components={{ escalate: <a className="govuk-link" href="/escalate" /> }} />
            </p>
          ) : null}
          {page.followed && page.progressCode ? (
            <OptionalPart>
              <ProgressLink />
            </OptionalPart>
          ) : null}
          <h2 className="govuk-heading-m">{t("confirmation.contactTitle")}</h2>
          {list("confirmation.contact").map((p, i) => (
            <p key={i} className="govuk-body">{p}</p>
          ))}
          <div className="app-no-print">
            <p className="govuk-body">{t("common:confirmation.copyKept", { minutes: root?.idleMinutes ?? 0 })}</p>
            {page.notEmailed ? null : <PrintButton text={t("confirmation.print")} />}
            <p className="govuk-body">
              <Link className="govuk-link" to="/">{t("confirmation.home")}</Link>
            </p>
          </div>
          {/* Folded away so the answers are not on screen for anyone looking over a shoulder; printing opens them, except
              for someone it is not safe to contact, who is offered no copy (a printout could be found). */}
          <Details
            classes={page.notEmailed ? undefined : "app-print-open"}
            summaryText={t("confirmation.yourAnswers")}
            html={page.sections.map((section) => (
              <div key={section.id}>
                <h3 className="govuk-heading-s">{section.title}</h3>
                <SummaryList rows={section.rows.map((row) => ({ key: { text: row.key }, value: { html: <bdi className="app-answer">{row.chosen ? languageParts(row.value) : row.value}</bdi> } }))} />
              </div>
            ))}
          />
        </div>
      </div>
    </main>
    </>
  );
}
