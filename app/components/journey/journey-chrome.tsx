// What every journey page has around its question: the back link, the listen button, and how long answers are kept
// (Exit this page comes first, from the layout).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/translation/react";
import { ListenButton } from "./listen-button";
import { TimeoutWarning } from "./timeout-warning";

export function JourneyChrome({ backHref, idleMinutes, journeyId, csrf, children }: { backHref: string | null; idleMinutes: number; journeyId: string; csrf: string; children: ReactNode }) {
  const { t } = useTranslation("common");
  return (
    <>
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
