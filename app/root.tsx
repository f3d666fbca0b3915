import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useNavigation,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { keepWordsForLater, useTranslation, WordValuesProvider } from "~/translation/react";
import { rememberedTimeLimitValues, workingDaysGroup, workingDaysKey } from "~/translation/time-limits";
import { GenericHeader } from "./components/govuk/header";
import { LanguageNavigation } from "./components/govuk/language-navigation";
import { ServiceNavigation } from "./components/govuk/service-navigation";
import { SkipLink } from "./components/govuk/skip-link";
import { JourneyExit } from "./components/journey/journey-exit";
import { errorPageKind, problemWords, RouteErrorBoundary } from "./components/error-page";
import { SiteFooter } from "./components/site-footer";
import { publicCouncilSettings } from "./config/council-schema";
import { languages, supportedLanguages, textDirection, fallbackLanguage, type Language } from "./i18n";
import { useNonce } from "./nonce";
import { keptQuery, namespacesOf, readHandle } from "./page-handle";
import portalStyles from "./styles/portal.scss?url";
import { useRootData, type RootData } from "./root-data";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  const title = data?.errorTitles[errorPageKind(isRouteErrorResponse(error) ? error.status : 500)] ?? "Sorry, there is a problem with the service";
  return [{ title: data ? `${title} – ${data.council.serviceName}` : title }];
};

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: portalStyles },
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/manifest.json" },
];

export async function loader({ context }: LoaderFunctionArgs): Promise<RootData> {
  const { config } = context.services;
  const t = context.services.translations[context.language].getFixedT(context.language, "common");
  return {
    errorTitles: { notFound: t("errors.notFound.title"), problem: t(`${problemWords}.title`) },
    language: context.language,
    council: publicCouncilSettings(config.council, context.language),
    idleMinutes: Math.round(config.sessionIdleMs / 60_000),
  };
}

export type { RootData };

/**
 * A form sent to "/" is the layout's to answer, not the start page's (Remix sends a post to an index route's path to
 * its parent unless it says "?index"). Failing here would give the layout's error page without the layout's data (in
 * English, with blanks where the council's name goes), so the person is sent to the page they posted to, as every
 * page that takes no form answers with "Page not found" below the layout. Cross-site posts never get here.
 */
export function action({ request }: ActionFunctionArgs): never {
  const url = new URL(request.url);
  throw redirect(`${url.pathname}${url.search}`, { status: 303, headers: { "Cache-Control": "no-store" } });
}

function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const matches = useMatches();
  const items = supportedLanguages.map((lng) => {
    // Only what the page reads from its address: nothing else typed into it is written back into the page.
    const search = keptQuery(matches[matches.length - 1]?.handle, location.search);
    search.set("lng", lng);
    return {
      text: languages[lng].name,
      lang: lng,
      // One leading slash, whatever the address had: "//host/x?lng=pl" would be another site's address.
      href: `/${location.pathname.replace(/^[/\\]+/, "")}?${search.toString()}`,
      current: lng === current,
    };
  });
  return <LanguageNavigation items={items} ariaLabel={t("layout.languageNavigation")} classes="app-language-navigation" />;
}

/**
 * A key that changes on every new page, including a post that returns to the same address, but not when only
 * the #fragment changes: a skip link must move focus into the page, not rebuild it.
 */
function usePageKey(): string {
  const location = useLocation();
  const last = useRef({ key: location.key, path: location.pathname + location.search, pageKey: location.key });
  const path = location.pathname + location.search;
  if (location.key !== last.current.key) {
    const onlyHashChanged = path === last.current.path && location.hash !== "";
    last.current = { key: location.key, path, pageKey: onlyHashChanged ? last.current.pageKey : location.key };
  }
  return last.current.pageKey;
}

/**
 * A page reached with JavaScript (a link, a Continue, an upload) replaces the one before without loading, and the
 * control pressed goes with it: focus would fall to the document and a screen reader would say nothing. Focus moves
 * to the page's news if it has some (`data-arrival-focus`: a file added or removed), or to its heading, as it is
 * read on a page loaded afresh; an error summary then takes it, as it does on any page. A page loaded afresh is left
 * as the browser shows it.
 */
function useFocusOnArrival(pageKey: string) {
  const first = useRef(pageKey);
  useEffect(() => {
    if (pageKey === first.current || document.activeElement !== document.body) return;
    const target = document.querySelector<HTMLElement>("[data-arrival-focus]") ?? document.querySelector<HTMLElement>("main h1");
    if (!target) return;
    // Focusable from a script only, with no focus ring (app/styles/portal.scss), as GOV.UK's skip link's target.
    target.tabIndex = -1;
    target.focus();
  }, [pageKey]);
}

/** govuk-frontend's JavaScript runs on each page Remix shows; components already set up are left alone. */
function useGovukFrontend() {
  const location = useLocation();
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation.state !== "idle") return;
    void import("./govuk-frontend.client").then(({ initGovukFrontend }) => initGovukFrontend());
  }, [location.key, navigation.state]);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const matches = useMatches();
  const nonce = useNonce();
  const { t } = useTranslation("common");
  const language = data?.language ?? fallbackLanguage;
  const councilName = data?.council.councilName ?? "";
  const serviceName = data?.council.serviceName ?? "";
  const namespaces = ["common", ...new Set(matches.flatMap((match) => namespacesOf(match.handle, match.params, match.data)))];
  const exitThisPage = matches.some((match) => readHandle(match.handle).exitThisPage);
  const pageKey = usePageKey();
  useFocusOnArrival(pageKey);
  useGovukFrontend();
  // The council's time limits, for every lookup on the page (app/translation/time-limits.ts).
  const timetable = data?.council.timetable;
  const wordValues = timetable ? rememberedTimeLimitValues(timetable, language, (count) => t(workingDaysKey, { count })) : undefined;
  // The values are worked out once on the server, so its later renders do not look the plural forms up.
  keepWordsForLater(t, timetable ? [workingDaysGroup, problemWords] : [problemWords]);

  return (
    <html lang={language} dir={textDirection(language)} className="govuk-template" data-namespaces={namespaces.join(" ")}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d5c4d" />
        <meta name="robots" content="noindex" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{
            __html: "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <SkipLink href="#main-content" text={t("layout.skipLink")} />
        {exitThisPage ? (
          <a href="/exit" className="govuk-skip-link">
            {t("exitThisPage.skipLink")}
          </a>
        ) : null}
        {/* As GOV.UK Frontend's own page template: the header and service navigation are the banner landmark. */}
        <header className="govuk-template__header">
          <GenericHeader url="/" logoText={councilName} classes="app-generic-header" />
          <ServiceNavigation
            serviceName={serviceName}
            serviceUrl="/"
            ariaLabel={t("layout.serviceInformation")}
            slots={{ end: <LanguageSwitcher current={language} /> }}
          />
        </header>
        {/* A fresh DOM for every page: govuk-frontend's JavaScript binds to elements, and must not see last page's. */}
        <div className="govuk-width-container" key={pageKey}>
          {/* Every page whose route says so (all but the exit's own landing): first, before the back link. */}
          {exitThisPage ? <JourneyExit /> : null}
          <WordValuesProvider values={wordValues}>{children}</WordValuesProvider>
        </div>
        <SiteFooter councilName={councilName} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = RouteErrorBoundary;
