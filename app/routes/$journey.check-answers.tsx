// Check your answers, then send: the submission is stored once, in one transaction, before the confirmation.
import { logger } from "~/services/logger.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { SummaryList } from "~/components/govuk/summary-list";
import { WarningText } from "~/components/govuk/warning-text";
import { JourneyChrome } from "~/components/journey/journey-chrome";
import { describeAnswers } from "~/journeys/describe-answers";
import { runFiles } from "~/journeys/evidence-page.server";
import { answersOnRoute, pageById } from "~/journeys/journey-engine";
import { loadJourneyRequest, pageUrl, redirectSaving, saveSession } from "~/journeys/journey-requests.server";
import { readForm } from "~/journeys/read-form.server";
import { replyByOf, sendJourney } from "~/journeys/submit-journey.server";
import { noReplyReason, textsNotSent } from "~/delivery/contact-permission";
import { judgeSend, signStart } from "~/journeys/bot-checks.server";
import { BotFields } from "~/components/journey/bot-fields";
import { ReachFields } from "~/components/journey/reach-fields";
import { readReach } from "~/journeys/reach.server";
import { generateReference } from "~/reference.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { languageParts } from "~/translation/language-parts";

// A failed post gets its error page in the person's language, with the council's contact details (error-page.tsx).
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { i18n: (params) => [params.journey ?? ""], exitThisPage: true };
export const meta = titleMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journeyRequest = await loadJourneyRequest(context, request, params.journey);
  const { journey, session, state, position } = journeyRequest;
  if (state.submitted) return redirectSaving(context, session, `/${journey.id}/confirmation`);
  if (position.firstUnanswered !== null) return redirectSaving(context, session, pageUrl(journey, position.firstUnanswered));
  const t = context.services.translations[context.language].getFixedT(context.language, [journey.id, "common"]);
  const answers = answersOnRoute(journey, state.answers, position.route);
  const files = position.route.some((id) => pageById(journey, id)?.evidence) ? (await runFiles(context, journeyRequest)).map((file) => file.name) : undefined;
  const sections = describeAnswers(journey, answers, position.route, t, { files });
  const contact = journey.contactOf(answers);
  session.data.journeys[journey.id] = state;
  const headers = await saveSession(context, session);
  return data(
    {
      csrf: context.services.sessions.csrfToken(session),
      started: signStart(context.services.config.sessionSecret, { journeyId: journey.id, runId: state.runId }, state.startedAt ?? 0),
      title: `${t(`${journey.id}:checkAnswers.title`)} – ${context.council.serviceName}`,
      journeyId: journey.id,
      namespace: journey.id,
      sections,
      // Nobody to reply to: they asked us not to, or left us only messages they told us are not safe.
      noReply: noReplyReason(contact),
      // Asked to be texted, and told us messages are not safe: we will call instead.
      callInstead: textsNotSent(contact),
      lastPage: position.route[position.route.length - 1] ?? journey.firstPage,
      idleMinutes: Math.round(context.services.config.sessionIdleMs / 60_000),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const journeyRequest = await loadJourneyRequest(context, request, params.journey, form);
  const { journey, session, state, position } = journeyRequest;
  if (!state.submitted) {
    const { config } = context.services;
    if (position.firstUnanswered !== null) return redirectSaving(context, session, pageUrl(journey, position.firstUnanswered));
    const verdict = judgeSend(form, config.sessionSecret, { journeyId: journey.id, runId: state.runId }, Date.now(), config.env.BOT_MIN_SECONDS * 1000);
    const { sessions } = context.services;
    let cookie: string;
    if (verdict === "person") {
      // A new session id once something has been sent, the old one opening nothing: one commit with the send.
      cookie = (await sendJourney(context, journeyRequest, readReach(form, context.language))).cookie;
    } else {
      // The confirmation a person would get (a reference, the same reply-by date), and nothing stored or
      // delivered. Logged without anything the form held.
      logger.warn({ reason: verdict, journey: journey.id, requestId: context.requestId }, "likely bot send ignored");
      const answers = answersOnRoute(journey, state.answers, position.route);
      const replyBy = replyByOf(context.services, journey, answers, journeyRequest.today);
      state.submitted = { reference: generateReference(journey.referencePrefix), replyBy, submittedAt: new Date().toISOString(), language: context.language };
      session.data.journeys[journey.id] = state;
      // The same new session id as a person's send, so nothing in the answer tells a bot it was caught.
      cookie = await sessions.rotate(session);
    }
    const headers = new Headers({ "Set-Cookie": cookie, "Cache-Control": "no-store" });
    throw redirect(`/${journey.id}/confirmation`, { status: 303, headers });
  }
  throw redirect(`/${journey.id}/confirmation`, { status: 303, headers: await saveSession(context, session) });
}

export default function CheckAnswers() {
  const page = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation([page.namespace, "common"]);
  return (
    <JourneyChrome backHref={`/${page.journeyId}/${page.lastPage}`} idleMinutes={page.idleMinutes} journeyId={page.journeyId} csrf={page.csrf}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("checkAnswers.title")}</h1>
          {page.sections.map((section) => (
            <div key={section.id}>
              <h2 className="govuk-heading-m">{section.title}</h2>
              <SummaryList
                classes="govuk-!-margin-bottom-9"
                rows={section.rows.map((row) => ({
                  key: { text: row.key },
                  value: { html: <bdi className="app-answer">{row.chosen ? languageParts(row.value) : row.value}</bdi> },
                  actions: {
                    items: [
                      {
                        href: `/${page.journeyId}/${row.page}?change=1`,
                        text: t("common:buttons.change"),
                        // "Change what happened": the row's key as the language says what is changed ("Zmień odpowiedź:
                        // usługa", not "Zmień usługa"), its first letter small, a name in it as written.
                        visuallyHiddenText: t("common:buttons.changeWhat", { answer: row.key.charAt(0).toLocaleLowerCase(i18n.language) + row.key.slice(1) }),
                      },
                    ],
                  },
                }))}
              />
            </div>
          ))}
          {page.callInstead ? <WarningText text={t("common:noSafeWay.textCheckAnswers")} iconFallbackText={t("common:warning")} /> : null}
          {/* A journey that replies in other ways than the usual (a document sent by post, or collected) says its own. */}
          {page.noReply ? <WarningText text={page.noReply === "none" ? t("checkAnswers.noContact") : t(i18n.exists(`${page.journeyId}:checkAnswers.noSafeWay`) ? "checkAnswers.noSafeWay" : "common:noSafeWay.checkAnswers")} iconFallbackText={t("common:warning")} /> : null}
          <h2 className="govuk-heading-m">{t("checkAnswers.sendTitle")}</h2>
          <p className="govuk-body">{t("checkAnswers.sendBody")}</p>
          <Form method="post" action={`/${page.journeyId}/check-answers`} noValidate>
            <input type="hidden" name="csrf" value={page.csrf} />
            <BotFields started={page.started} />
            <ReachFields />
            <Button text={t("checkAnswers.send")} preventDoubleClick />
          </Form>
        </div>
      </div>
    </JourneyChrome>
  );
}
