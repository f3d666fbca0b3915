// The honeypot: hidden from sight, from screen readers and from autofill, so only a bot fills it in. Its label is
// in the page's language all the same, for anyone who reads the page without its styles.
import { useTranslation } from "~/translation/react";

export function BotFields({ started }: { started: string }) {
  const { t } = useTranslation("common");
  return (
    <>
      <div className="app-honeypot" aria-hidden="true">
        <label htmlFor="website">{t("honeypot.label")}</label>
        <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <input type="hidden" name="started" value={started} />
    </>
  );
}
