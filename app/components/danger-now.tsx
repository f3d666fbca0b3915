// "If a child is in danger now, call 999": near the top of the start and contact pages, because this website
// is not the way to report a child in danger.
import { useTranslation } from "~/translation/react";
import type { PublicCouncilSettings } from "~/config/council-schema";
import { useRootData } from "~/root-data";

export function DangerNow({ council }: { council: PublicCouncilSettings }) {
  const { t } = useTranslation();
  const { safeguarding } = council;
  return (
    <div className="app-danger-now">
      <h2 className="govuk-heading-m">{t("dangerNow.heading", { emergencyNumber: safeguarding.emergencyNumber })}</h2>
      <p className="govuk-body">{t("dangerNow.worried", { phone: safeguarding.childrenPhone })}</p>
      <p className="govuk-body">{t("dangerNow.outOfHours", { phone: safeguarding.childrenOutOfHoursPhone })}</p>
      <p className="govuk-body">{t("dangerNow.childline", { phone: council.childline })}</p>
      <p className="govuk-body govuk-!-margin-bottom-0">{t("dangerNow.notForEmergencies")}</p>
    </div>
  );
}

/** The root loader's data, which every content page needs for the council's details. */
export function useCouncilRoot() {
  const root = useRootData();
  if (!root) throw new Error("The root loader's data is missing");
  return root;
}
