// Our own footer, with govuk-frontend's footer markup but no crown, crest, Crown copyright or OGL.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/translation/react";

export function SiteFooter({ councilName }: { councilName: string }) {
  const { t } = useTranslation("common");
  const links = [
    { to: "/accessibility-statement", text: t("footer.accessibility") },
    { to: "/privacy", text: t("footer.privacy") },
    { to: "/cookies", text: t("footer.cookies") },
    { to: "/contact", text: t("footer.contact") },
  ];
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.supportLinks")}</h2>
            <ul className="govuk-footer__inline-list">
              {links.map((link) => (
                <li key={link.to} className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to={link.to}>
                    {link.text}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-0">{t("footer.runBy", { councilName })}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
