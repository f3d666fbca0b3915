// GOV.UK's "Exit this page" button, which the layout puts first on every page whose route asks for it (PageHandle).
import { useTranslation } from "~/translation/react";
import { ExitThisPage } from "~/components/govuk/exit-this-page";

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
