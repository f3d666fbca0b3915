// Where a refused post lands: forged or too old (403), or too large (413). Saved answers are untouched.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta } from "~/page-handle";

export const meta = titleMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  const reason = search.get("reason") === "too-large" ? "tooLarge" : "forbidden";
  const back = search.get("back") ?? "/";
  // Only a path on this site: never an open redirect.
  const safeBack = /^\/[A-Za-z0-9/_-]*$/.test(back) ? back : "/";
  const t = context.services.translations[context.language].getFixedT(context.language, "common");
  return data(
    { reason, back: safeBack, title: `${t(`errors.${reason}.title`)} – ${context.services.config.council.serviceName}` },
    { status: reason === "tooLarge" ? 413 : 403, headers: { "Cache-Control": "no-store" } },
  );
}

export default function Refused() {
  const page = useLoaderData<typeof loader>();
  const { t } = useTranslation("common");
  return (
    <main className="govuk-main-wrapper" id="main-content">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t(`errors.${page.reason}.title`)}</h1>
          <p className="govuk-body">{t(`errors.${page.reason}.body`)}</p>
          <p className="govuk-body">{t("errors.answersKept")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href={page.back}>
              {t("errors.goBack")}
            </a>
          </p>
        </div>
      </div>
    </main>
  );
}
