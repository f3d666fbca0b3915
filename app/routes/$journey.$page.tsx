// One route serves every question page of every journey: the journey definition says what to ask.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/govuk/button";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { JourneyChrome } from "~/components/journey/journey-chrome";
import { isIntroExtra, PageExtras } from "~/components/journey/page-extras";
import { QuestionField } from "~/components/journey/question-fields";
import { useJourneyText } from "~/components/journey/use-journey-text";
import { interpolationValues } from "~/journeys/describe-answers";
import { allFields, answersOnRoute, fieldViews, neededByCheck, pageById, previousPage, readPageValues, validatePage, walkJourney, type FormFields } from "~/journeys/journey-engine";
import { freshJourneyState, loadJourneyRequest, notFound, pageUrl, redirectSaving, saveSession, type JourneyRequest } from "~/journeys/journey-requests.server";
import type { QuestionPage as QuestionPageDefinition } from "~/journeys/journey-types";
import { referencePrefixes } from "~/journeys/journeys";
import { parseReference } from "~/reference";
import { stageAfter } from "~/cases/case-state";
import { formOfBody, readForm } from "~/journeys/read-form.server";
import { extendViewing, openViewing } from "~/journeys/session-data";
import { describeFile, evidenceLimitValues, evidencePost, runFiles } from "~/journeys/evidence-page.server";
import { refusedPost, type Refusal } from "~/journeys/forgery.server";
import { titleMeta, type PageHandle } from "~/page-handle";
import { pageParts, usePart } from "~/page-parts";
import type { EvidenceQuestionProps } from "~/components/journey/evidence-question";
import { languageSwitchField } from "~/journeys/language-switch";
import { supportedLanguages } from "~/i18n";
import { useKeepTypedOnLanguageChange } from "~/components/journey/keep-typed-on-language";
import { useRef } from "react";
import { z } from "zod";

// A failed post gets its error page in the person's language, with the council's contact details (error-page.tsx).
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

/**
 * The evidence page's upload is on one page of a journey: a script of its own, fetched by that page only, rather
 * than part of every question page's (app/page-parts.ts). No Suspense boundary of its own, so the page's markup is
 * as before: the server waits for it as for the rest of the page, and the browser has its script before hydrating.
 */
function EvidenceQuestion(props: EvidenceQuestionProps) {
  const { EvidenceQuestion: Part } = usePart(pageParts.evidenceQuestion);
  return <Part {...props} />;
}

export const handle: PageHandle = { i18n: (params) => [params.journey ?? ""], exitThisPage: true, query: { change: /^1$/ } };
export const meta = titleMeta;

/** A language link's post (languageSwitchField): the language asked for, English for one the portal does not speak. */
const languageSwitchSchema = z.enum(supportedLanguages).catch("en");

type Place = { kind: "redirect"; to: string } | { kind: "page"; page: QuestionPageDefinition };

/**
 * After a send, the journey's first question begins another run (a complaint about a second child, or about the other
 * service): shown empty, and the run begins when it is answered. Until then the one sent stays as it was, for its
 * confirmation; every other page of the journey still goes to that confirmation.
 */
function anotherRunAfterSend(request: JourneyRequest, pageId: string | undefined): JourneyRequest & { another: boolean } {
  if (!request.state.submitted || pageId !== request.journey.firstPage) return { ...request, another: false };
  const state = freshJourneyState();
  return { ...request, state, position: walkJourney(request.journey, state.answers, { today: request.today }), another: true };
}

/** A page is open once the answers lead to it; anywhere else sends the person to where they got up to. */
function placeOf(request: JourneyRequest, pageId: string | undefined): Place {
  if (request.state.submitted) return { kind: "redirect", to: `/${request.journey.id}/confirmation` };
  const page = pageById(request.journey, pageId ?? "") ?? notFound();
  if (!request.position.route.includes(page.id)) return { kind: "redirect", to: pageUrl(request.journey, request.position.firstUnanswered) };
  return { kind: "page", page };
}

/** Values the session already knows for a page not yet answered (the case it is looking at, for the next stage). */
async function prefilledValues(page: QuestionPageDefinition, { journey, session, state }: JourneyRequest, context: LoaderFunctionArgs["context"]): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  const viewing = openViewing(session.data.progress, Date.now());
  if (!viewing) return values;
  // Only for a run about the case they checked (the reference they gave, as they may have typed it).
  const viewedCase = async () => {
    const asked = journey.asksForNextStage?.(state.answers)?.reference;
    const parsed = asked ? parseReference(asked, referencePrefixes) : null;
    if (!parsed?.ok || parsed.reference !== viewing.reference) return null;
    const found = await context.services.cases.byReference(viewing.reference);
    return found?.id === viewing.caseId ? found.state : null;
  };
  for (const field of allFields(page.fields)) {
    if (field.kind === "text" && field.prefill === "viewed-case-reference") values[field.name] = viewing.reference;
    if (field.kind !== "radios" || !field.prefill) continue;
    const viewed = await viewedCase();
    if (!viewed) continue;
    // Only a service the case knows; only a stage the service has, after the one the case is at.
    const after = stageAfter(viewed);
    const value = field.prefill === "viewed-case-service" ? (viewed.service !== "not-sure" ? viewed.service : null) : after ? `stage-${after}` : null;
    if (value && field.options.some((option) => option.value === value)) values[field.name] = value;
  }
  return values;
}

/** The first question goes back to the journey's start page, which explains Exit this page. */
function backFrom(journeyId: string, previous: string | null): string {
  return previous ? `/${journeyId}/${previous}` : `/${journeyId}`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const journeyRequest = anotherRunAfterSend(await loadJourneyRequest(context, request, params.journey), params.page);
  const { journey, session, state, position } = journeyRequest;
  const place = placeOf(journeyRequest, params.page);
  if (place.kind === "redirect") return redirectSaving(context, session, place.to);
  const { page } = place;
  const change = new URL(request.url).searchParams.has("change");
  const flash = session.data.flash?.journey === journey.id && session.data.flash.page === page.id ? session.data.flash : undefined;
  if (session.data.flash) delete session.data.flash;
  // The run after a send is kept only once its first answer is given.
  if (!journeyRequest.another) session.data.journeys[journey.id] = state;

  const t = context.services.translations[context.language].getFixedT(context.language, journey.id);
  const values = interpolationValues(state.answers);
  const variant = page.variant?.(state.answers);
  const council = context.council;
  // The <title> ends up in browser history, which "Exit this page" cannot clear: no child's name in it. A question
  // that reads badly with "the child" for the name (Polish "za dziecko (dziecko)") words its tab title itself.
  const heading =
    t(`pages.${page.id}.tabTitle`, { context: variant, defaultValue: "" }) || t(`pages.${page.id}.title`, { ...values, childName: t("common:answers.theChild"), context: variant });
  const errorPrefix = flash?.errors.length ? `${t("common:layout.errorPrefix")} ` : "";
  // The evidence page lists the run's files, which live in the evidence store rather than in the answers.
  const evidence = page.evidence
    ? { files: (await runFiles(context, journeyRequest)).map((file) => describeFile(file, context.language, t)), limits: evidenceLimitValues, notice: flash?.notice ?? null }
    : null;
  const headers = await saveSession(context, session);
  return data(
    {
      evidence,
      csrf: context.services.sessions.csrfToken(session),
      title: `${errorPrefix}${heading} – ${council.serviceName}`,
      namespace: journey.id,
      journeyId: journey.id,
      pageId: page.id,
      fields: fieldViews(page.fields, variant, neededByCheck(page)),
      headingField: page.headingField ?? null,
      extras: page.extras ?? [],
      variant,
      interpolation: { ...values, generalPhone: council.contact.generalComplaintsPhone, generalEmail: council.contact.generalComplaintsEmail, inPerson: council.contact.inPerson },
      values: flash?.values ?? state.answers[page.id] ?? (await prefilledValues(page, journeyRequest, context)),
      errors: flash?.errors ?? [],
      backHref: change ? pageUrl(journey, null) : backFrom(journey.id, previousPage(position.route, page.id)),
      formAction: `/${journey.id}/${page.id}${change ? "?change=1" : ""}`,
      idleMinutes: Math.round(context.services.config.sessionIdleMs / 60_000),
    },
    { headers },
  );
}

/**
 * A page's post refused for coming too fast (RATE_LIMIT_POSTS): what was typed in it is kept for the page, unchecked,
 * before the person is sent to the page that says when to try again, so "Go back to the page" finds it there
 * (decision 080). Only with the form's own token: the session the page was made for.
 */
async function keptThenRefused(request: Request, params: ActionFunctionArgs["params"], context: ActionFunctionArgs["context"], refusal: Refusal): Promise<Response> {
  const form = await formOfBody(request, context);
  const refused = refusedPost(request, refusal);
  // Answers deleted while away (the session's time was up) are said so, as on any page. Anything else wrong with it
  // (no session, a forged token, a page not found) is told as the limit: that comes first.
  let deleted: Response | null = null;
  const journeyRequest = await loadJourneyRequest(context, request, params.journey, form).catch((error: unknown) => {
    if (error instanceof Response && error.headers.get("Location")?.startsWith("/answers-deleted")) deleted = error;
    return null;
  });
  if (deleted) return deleted;
  if (!journeyRequest) return refused;
  if (!keepTyped(journeyRequest, placeOf(journeyRequest, params.page), form)) return refused;
  for (const [name, value] of await saveSession(context, journeyRequest.session)) refused.headers.append(name, value);
  return refused;
}

/** What was typed on a page, kept for it unchecked, as a failed check keeps it but with no errors: for a language
 * switch and a post refused for coming too fast. Not on the evidence page, whose files are kept as they upload. */
function keepTyped({ journey, session, state }: JourneyRequest, place: Place, form: FormFields): boolean {
  if (place.kind !== "page" || place.page.evidence) return false;
  session.data.journeys[journey.id] = state;
  session.data.flash = { journey: journey.id, page: place.page.id, values: readPageValues(place.page, form), errors: [] };
  return true;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // An upload's body was read by the server (app/evidence/upload.server.ts): its other fields are the form.
  const upload = context.evidenceUpload;
  if (upload?.refusal === "forgery") throw refusedPost(request, { reason: "forgery" });
  if (context.refusal?.keepTyped && !upload) throw await keptThenRefused(request, params, context, context.refusal);
  const form = upload ? upload.fields : await readForm(request, context);
  const journeyRequest = anotherRunAfterSend(await loadJourneyRequest(context, request, params.journey, form), params.page);
  const { journey, session, state, position, today } = journeyRequest;
  const switchedTo = form.get(languageSwitchField);
  if (switchedTo !== null) {
    // A language link followed with answers typed: the page again, in that language, with them in it and unchecked.
    const place = placeOf(journeyRequest, params.page);
    keepTyped(journeyRequest, place, form);
    const search = new URLSearchParams(new URL(request.url).searchParams.has("change") ? { change: "1" } : {});
    search.set("lng", languageSwitchSchema.parse(switchedTo));
    return redirectSaving(context, session, place.kind === "page" ? `/${journey.id}/${place.page.id}?${search.toString()}` : place.to);
  }
  // An answer sent keeps the case this session checked open for the idle time from now (decision 056).
  extendViewing(session.data.progress, Date.now(), context.services.config.sessionIdleMs);
  const place = placeOf(journeyRequest, params.page);
  if (place.kind === "redirect") return redirectSaving(context, session, place.to);
  const { page } = place;
  const change = new URL(request.url).searchParams.has("change");
  const values = readPageValues(page, form);
  const before = answersOnRoute(journey, state.answers, position.route.slice(0, position.route.indexOf(page.id)));
  session.data.journeys[journey.id] = state;
  if (page.evidence) {
    const outcome = await evidencePost(context, journeyRequest, form, upload);
    if (outcome.kind === "stay") {
      if (outcome.errors.length || outcome.notice) session.data.flash = { journey: journey.id, page: page.id, values: {}, errors: outcome.errors, ...(outcome.notice ? { notice: outcome.notice } : {}) };
      return redirectSaving(context, session, `/${journey.id}/${page.id}${change ? "?change=1" : ""}`);
    }
  }
  const result = validatePage(page, values, { today });
  if (!result.ok) {
    session.data.flash = { journey: journey.id, page: page.id, values, errors: result.errors };
    return redirectSaving(context, session, `/${journey.id}/${page.id}${change ? "?change=1" : ""}`);
  }
  state.answers[page.id] = result.answer;
  if (change) {
    const { firstUnanswered } = walkJourney(journey, state.answers, { today });
    return redirectSaving(context, session, pageUrl(journey, firstUnanswered, firstUnanswered !== null));
  }
  const next = page.next({ ...before, [page.id]: result.answer }, today);
  return redirectSaving(context, session, pageUrl(journey, next));
}

export default function QuestionPage() {
  const page = useLoaderData<typeof loader>();
  const form = useRef<HTMLFormElement>(null);
  useKeepTypedOnLanguageChange(form);
  const text = useJourneyText(page.namespace, page.pageId, page.interpolation, page.variant);
  // The main question is the heading (a page's only question, or the one it names); a page with guidance
  // before its question, or with several equal ones, has a separate h1.
  const headingField = page.headingField ?? (page.fields.length === 1 && !page.extras.some(isIntroExtra) ? page.fields[0]!.name : null);
  const errorList = page.errors.map((error) => ({ text: text.message(error.messageKey), href: `#${error.href}` }));
  if (page.evidence) {
    return (
      <JourneyChrome backHref={page.backHref} idleMinutes={page.idleMinutes} journeyId={page.journeyId} csrf={page.csrf}>
        <EvidenceQuestion files={page.evidence.files} limits={page.evidence.limits} errors={page.errors} notice={page.evidence.notice} csrf={page.csrf} formAction={page.formAction} />
      </JourneyChrome>
    );
  }
  return (
    <JourneyChrome backHref={page.backHref} idleMinutes={page.idleMinutes} journeyId={page.journeyId} csrf={page.csrf}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errorList.length ? <ErrorSummary titleText={text.t("common:errors.summaryTitle")} errorList={errorList} /> : null}
          {headingField ? null : <h1 className="govuk-heading-l">{text.text("title")}</h1>}
          <PageExtras extras={page.extras} namespace={page.namespace} pageId={page.pageId} position="before" />
          <Form ref={form} method="post" action={page.formAction} noValidate>
            <input type="hidden" name="csrf" value={page.csrf} />
            {page.fields.map((field) => (
              <QuestionField
                key={field.name}
                field={field}
                context={{ text, values: page.values, errors: page.errors, isPageHeading: field.name === headingField }}
              />
            ))}
            <PageExtras extras={page.extras} namespace={page.namespace} pageId={page.pageId} position="after" />
            <Button text={text.t("common:buttons.continue")} preventDoubleClick />
          </Form>
        </div>
      </div>
    </JourneyChrome>
  );
}
