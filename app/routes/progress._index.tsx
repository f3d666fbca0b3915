// "Check your complaint": the person gives their reference, and a code goes to the email address they gave, if
// they gave one that may be used. The answer is the same whether the reference is right or not.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Input } from "~/components/govuk/input";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { backWithError, progressPost, progressSession, redirectSaving, saveSession, takeFlash } from "~/cases/progress-requests.server";
import { caseJourney } from "~/journeys/journeys";
import { titleMeta, type PageHandle } from "~/page-handle";
import { openViewing } from "~/journeys/session-data";
import { parseReference } from "~/reference";
import { useRootData } from "~/root-data";

// A failed post gets its error page in the person's language, with the council's contact details (error-page.tsx).
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { i18n: ["progress"], exitThisPage: true, query: { closed: /^$/ } };
export const meta = titleMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await progressSession(request, context, { closedNotice: false });
  const flash = takeFlash(session, "reference");
  // The case's page has closed (its time is up): the reference it was opened with is not kept to fill in here, where
  // whoever picks the phone up next would find it (the status page closes it the same way when it is opened).
  if (session.data.progress?.viewing && !openViewing(session.data.progress, Date.now())) delete session.data.progress;
  const t = context.services.translations[context.language].getFixedT(context.language, ["progress", "common"]);
  // While a case is being looked at, nothing here changes and nothing is saved: coming back to this page must not
  // keep the case's page open for longer (decision 056).
  const headers = session.data.progress?.viewing && !flash ? { "Cache-Control": "no-store" } : await saveSession(context, session);
  return data(
    {
      csrf: context.services.sessions.csrfToken(session),
      title: `${flash ? `${t("common:layout.errorPrefix")} ` : ""}${t("start.title")} – ${context.council.serviceName}`,
      value: typeof flash?.values.reference === "string" ? flash.values.reference : (session.data.progress?.reference ?? ""),
      error: flash?.errors[0]?.messageKey ?? null,
      // Sent here when the page about their complaint closed after the idle time (progressSession).
      closed: new URL(request.url).searchParams.has("closed") && !flash,
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, form } = await progressPost(request, context);
  const typed = typeof form.get("reference") === "string" ? String(form.get("reference")) : "";
  const parsed = parseReference(typed, caseJourney ? [caseJourney.referencePrefix] : []);
  if (!parsed.ok) return backWithError(context, session, "reference", "/progress", "reference", parsed.reason === "empty" ? "required" : parsed.reason, { reference: typed });
  // The same work whatever the reference: the worker finds out whether a code is to be sent.
  const asker = await context.services.progressCodes.request({ reference: parsed.reference, language: context.language });
  session.data.progress = { reference: parsed.reference, requestedAt: Date.now(), tries: 0, asker };
  return redirectSaving(context, session, "/progress/code");
}

export default function ProgressStart() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(["progress", "common"]);
  const contact = useRootData()?.council.contact;
  const values = { phone: contact?.phone ?? "", openingHours: contact?.openingHours ?? "" };
  const error = page.error ? t(`start.errors.${page.error}`) : null;
  return (
    <>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {error ? <ErrorSummary titleText={t("common:errors.summaryTitle")} errorList={[{ text: error, href: "#reference" }]} /> : null}
            {page.closed ? (
              <NotificationBanner titleText={t("common:notificationTitle")} titleId="closed-title">
                <p className="govuk-notification-banner__heading">{t("start.closed")}</p>
              </NotificationBanner>
            ) : null}
            <h1 className="govuk-heading-l">{t("start.title")}</h1>
            {(t("start.intro", { returnObjects: true }) as string[]).map((p, i) => (
              <p key={i} className="govuk-body">{p}</p>
            ))}
            <p className="govuk-body">{t("start.noEmail", values)}</p>
            <Form method="post" action="/progress?index" noValidate>
              <input type="hidden" name="csrf" value={page.csrf} />
              <Input
                name="reference"
                value={page.value}
                label={{ text: t("start.label"), classes: "govuk-label--m" }}
                hint={{ text: t("start.hint") }}
                errorMessage={error ? { text: error, visuallyHiddenText: t("common:errors.hiddenPrefix") } : undefined}
                autocomplete="off"
                spellcheck={false}
                classes="govuk-input--width-20 app-reference-input"
              />
              <Button text={t("common:buttons.continue")} preventDoubleClick />
            </Form>
          </div>
        </div>
      </main>
    </>
  );
}
