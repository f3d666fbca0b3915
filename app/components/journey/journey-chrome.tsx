// What every journey page has around its question: Exit this page, the back link, and how long answers are kept.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/translation/react";
import { ExitThisPage } from "~/components/govuk/exit-this-page";
import { ListenButton } from "./listen-button";
import { TimeoutWarning } from "./timeout-warning";

/** GOV.UK's "Exit this page" button, in the council's words; it deletes the answers via /exit. */
export function JourneyExit() {
  const { t } = useTranslation("common");
  return (
    <ExitThisPage
      redirectUrl="/exit"
      html={
        <>
          <span className="govuk-visually-hidden">{t("exitThisPage.buttonHidden")}</span> {t("exitThisPage.button")}
        </>
      }
      activatedText={t("exitThisPage.activated")}
      timedOutText={t("exitThisPage.timedOut")}
      pressTwoMoreTimesText={t("exitThisPage.pressTwoMoreTimes")}
      pressOneMoreTimeText={t("exitThisPage.pressOneMoreTime")}
    />
  );
}

export function JourneyChrome({ backHref, idleMinutes, journeyId, csrf, children }: { backHref: string | null; idleMinutes: number; journeyId: string; csrf: string; children: ReactNode }) {
  const { t } = useTranslation("common");
  return (
    <>
      <JourneyExit />
      {backHref ? (
        <Link to={backHref} className="govuk-back-link">
          {t("layout.back")}
        </Link>
      ) : null}
      <main className="govuk-main-wrapper" id="main-content">
        <ListenButton />
        {children}
        <TimeoutWarning idleMinutes={idleMinutes} journeyId={journeyId} csrf={csrf} />
        <p className="govuk-body-s govuk-!-margin-top-6" id="answers-kept">
          {t("timeout.kept", { minutes: idleMinutes })}
        </p>
      </main>
    </>
  );
}
