// Guidance some questions need: what to do if a child is in danger, why late complaints can still be heard,
// what an advocate is, and what happens if we cannot contact someone.
import { languageParts } from "~/translation/language-parts";
import { Trans, useTranslation } from "~/translation/react";
import { InsetText } from "~/components/govuk/inset-text";
import { WarningText } from "~/components/govuk/warning-text";
import type { QuestionPage } from "~/journeys/journey-types";
import { useRootData } from "~/root-data";

type Extra = NonNullable<QuestionPage["extras"]>[number];

// Guidance that must be read before answering: a child in danger needs 999 before writing a long complaint.
const introExtras: readonly Extra[] = ["danger-now", "late-explanation", "advocate-explained"];

export function isIntroExtra(extra: Extra): boolean {
  return introExtras.includes(extra);
}

export function PageExtras({ extras, namespace, pageId, position }: { extras: readonly Extra[]; namespace: string; pageId: string; position: "before" | "after" }) {
  const { t } = useTranslation([namespace, "common"]);
  const council = useRootData()?.council;
  const values = {
    ns: namespace,
    safeguardingPhone: council?.safeguarding.childrenPhone ?? "",
    outOfHoursPhone: council?.safeguarding.childrenOutOfHoursPhone ?? "",
    childline: council?.childline ?? "",
    advocacyName: council?.advocacy.providerName ?? "",
    advocacyPhone: council?.advocacy.phone ?? "",
    advocacyText: council?.advocacy.textMessage ?? "",
  };
  const shown = extras.filter((extra) => isIntroExtra(extra) === (position === "before"));
  return (
    <>
      {shown.map((extra) => {
        if (extra === "escalate-offer") {
          return (
            <p key={extra} className="govuk-body">
              <Trans t={t} i18nKey={`extras.${extra}`} components={{ escalate: <a className="govuk-link" href="/escalate" /> }} />
            </p>
          );
        }
        const paragraphs = t(`extras.${extra}`, { ...values, returnObjects: true }) as string[];
        switch (extra) {
          case "danger-now":
            return <InsetText key={extra} html={paragraphs.map((p, i) => <p key={i} className="govuk-body">{languageParts(p)}</p>)} />;
          case "no-contact-warning":
            return <WarningText key={extra} html={languageParts(paragraphs.join(" "))} iconFallbackText={t("common:warning")} />;
          default:
            return (
              <div key={extra} data-page={pageId}>
                {paragraphs.map((p, i) => (
                  <p key={i} className="govuk-body">
                    {languageParts(p)}
                  </p>
                ))}
              </div>
            );
        }
      })}
    </>
  );
}
