// The code from the email. What this page says about a try depends only on this session (how many tries, how long
// since the code was asked for), never on whether the reference is a case's: it cannot be used to find out.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Input } from "~/components/govuk/input";
import { progressCodeRules } from "~/cases/progress-codes.server";
import { asciiDigits } from "~/digits";
import { backWithError, progressPost, progressSession, requireProgress, saveSession, takeFlash } from "~/cases/progress-requests.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { useRootData } from "~/root-data";

// A failed post gets its error page in the person's language, with the council's contact details (error-page.tsx).
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle: PageHandle = { i18n: ["progress"], exitThisPage: true };
export const meta = titleMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await progressSession(request, context);
  const progress = requireProgress(session);
  // Not saved: going back to this page must not keep the case's page open for longer (decision 056). Once that page
  // has closed, the case's page says so.
  if (progress.viewing) throw redirect("/progress/status", { headers: { "Cache-Control": "no-store" } });
  const flash = takeFlash(session, "code");
  const t = context.services.translations[context.language].getFixedT(context.language, ["progress", "common"]);
  const headers = await saveSession(context, session);
  return data(
    {
      csrf: context.services.sessions.csrfToken(session),
      title: `${flash ? `${t("common:layout.errorPrefix")} ` : ""}${t("code.title")} – ${context.council.serviceName}`,
      value: typeof flash?.values.code === "string" ? flash.values.code : "",
      error: flash?.errors[0]?.messageKey ?? null,
      minutes: progressCodeRules.minutes,
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, form } = await progressPost(request, context);
  const progress = requireProgress(session);
  const typed = typeof form.get("code") === "string" ? String(form.get("code")) : "";
  const code = asciiDigits(typed).replace(/[\s-]/g, "");
  const back = (error: string) => backWithError(context, session, "code", "/progress/code", "code", error, { code: typed });
  if (!code) return back("required");
  if (!/^\d{6}$/.test(code)) return back("format");
  const stopped = progress.tries >= progressCodeRules.tries || Date.now() - progress.requestedAt > progressCodeRules.minutes * 60_000;
  if (stopped) return back("stopped");
  progress.tries += 1;
  const checked = await context.services.progressCodes.check(progress.reference, code, progress.asker);
  if (!checked.ok) return back(progress.tries >= progressCodeRules.tries ? "stopped" : "wrong");
  progress.viewing = { caseId: checked.caseId, reference: progress.reference, until: Date.now() + context.services.config.sessionIdleMs };
  // A new session id once the case can be seen: a cookie seen before opens nothing, not even with a form of its own.
  const headers = new Headers({ "Set-Cookie": await context.services.sessions.rotate(session, { followable: false }), "Cache-Control": "no-store" });
  throw redirect("/progress/status", { status: 303, headers });
}

export default function ProgressCode() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation(["progress", "common"]);
  const contact = useRootData()?.council.contact;
  const values = { phone: contact?.phone ?? "", openingHours: contact?.openingHours ?? "", minutes: page.minutes };
  const error = page.error ? t(`code.errors.${page.error}`) : null;
  return (
    <>
      <Link to="/progress" className="govuk-back-link">
        {t("common:layout.back")}
      </Link>
      <main className="govuk-main-wrapper" id="main-content">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {error ? <ErrorSummary titleText={t("common:errors.summaryTitle")} errorList={[{ text: error, href: "#code" }]} /> : null}
            <h1 className="govuk-heading-l">{t("code.title")}</h1>
            <p className="govuk-body">{t("code.sent", values)}</p>
            <p className="govuk-body">{t("code.noEmail", values)}</p>
            <p className="govuk-body">{t("code.notArrived", values)}</p>
            <Form method="post" action="/progress/code" noValidate>
              <input type="hidden" name="csrf" value={page.csrf} />
              <Input
                name="code"
                value={page.value}
                label={{ text: t("code.label"), classes: "govuk-label--m" }}
                hint={{ text: t("code.hint") }}
                errorMessage={error ? { text: error, visuallyHiddenText: t("common:errors.hiddenPrefix") } : undefined}
                autocomplete="one-time-code"
                inputmode="numeric"
                spellcheck={false}
                classes="govuk-input--width-5"
              />
              <Button text={t("common:buttons.continue")} preventDoubleClick />
            </Form>
            <p className="govuk-body">
              <Link className="govuk-link" to="/progress">
                {t("code.newCode")}
              </Link>
            </p>
          </div>
        </div>
      </main>
    </>
  );
}
