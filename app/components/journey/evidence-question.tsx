// "Do you have anything to show us?": GOV.UK's file upload, with the files added so far listed above it, each with
// its own Remove button. Without JavaScript it is a plain form: choose a file, Upload, and the page comes back with
// it listed. With JavaScript, govuk-frontend's enhanced upload (a drop zone, several files at once) on the same
// form; pressing Upload then sends the files by XMLHttpRequest to the same action Remix's own form posts to (its
// data request), because fetch cannot tell how much of a body has gone, and shows a progress bar while they go.
// If that request cannot be made, the form posts again the ordinary way. Words are common.json's `pages.evidence`
// and `evidence`.
import { Form, useLocation, useNavigate, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "~/translation/react";
import { Button } from "~/components/govuk/button";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { FileUpload } from "~/components/govuk/file-upload";
import type { PluralisedText } from "~/components/govuk/i18n-attributes";
import { evidenceFileField, evidenceIntentField, evidencePartMarker, evidenceRemoveField, type EvidenceFileView } from "~/journeys/evidence-form";
import type { FieldError } from "~/journeys/journey-engine";

export interface EvidenceQuestionProps {
  files: readonly EvidenceFileView[];
  limits: { count: number; fileSize: string };
  errors: readonly FieldError[];
  /** What the last upload or removal did ("Added: letter.pdf"), said once. */
  notice: { messageKey: string; values: Record<string, string> } | null;
  csrf: string;
  formAction: string;
}

const titleId = "evidence-title";
const attachedHeadingId = "evidence-attached";

export function EvidenceQuestion({ files, limits, errors, notice, csrf, formAction }: EvidenceQuestionProps) {
  const { t } = useTranslation("common");
  const navigation = useNavigation();
  const progress = useUploadProgress(formAction);
  const uploading = progress.percent !== null || (navigation.state === "submitting" && navigation.formEncType === "multipart/form-data");
  const message = (error: FieldError) => {
    const text = t(error.messageKey, error.values ?? {});
    const name = error.values?.name;
    return typeof name === "string" ? t("evidence.fileError", { name, message: text }) : text;
  };
  const messages = errors.map(message);
  const plural = (key: string) => t(key, { returnObjects: true }) as PluralisedText;
  // The words of an upload's states, looked up in every render, shown or not: the page's words then hold them, and
  // a send's progress (set as the browser reports it) never waits for a locale file (decision 053).
  const uploadingText = t("evidence.uploading");
  const progressText = t("evidence.progress", { percent: progress.percent ?? 0 });
  // So are the words of what an upload or a removal did, which come back from the server with the page.
  t("common:evidence.added");
  t("common:evidence.removed");
  const noticeText = notice ? t(notice.messageKey, notice.values) : "";

  return (
    <div className="govuk-grid-row" {...{ [evidencePartMarker]: "" }}>
      <div className="govuk-grid-column-two-thirds">
        {messages.length ? <ErrorSummary titleText={t("errors.summaryTitle")} errorList={messages.map((text) => ({ text, href: `#${evidenceFileField}` }))} /> : null}
        <h1 className="govuk-heading-l" id={titleId}>
          {t("pages.evidence.title")}
        </h1>
        <p className="govuk-body">{t("evidence.hint")}</p>
        <p className="govuk-body">{t("evidence.limits", { count: limits.count, fileSize: limits.fileSize })}</p>
        {files.length ? (
          // One form for every Remove button (the button's value says which file), named by its heading, as the
          // upload form below is by the page's: two forms on a page each have a name of their own.
          <Form method="post" action={formAction} aria-labelledby={attachedHeadingId}>
            <input type="hidden" name="csrf" value={csrf} />
            <h2 className="govuk-heading-m" id={attachedHeadingId}>
              {t("evidence.attached")}
            </h2>
            <dl className="govuk-summary-list">
              {files.map((file) => (
                <div className="govuk-summary-list__row" key={file.id}>
                  <dt className="govuk-summary-list__key">
                    <bdi className="app-answer">{file.name}</bdi>
                  </dt>
                  <dd className="govuk-summary-list__value">
                    {file.details}
                    {file.scanned ? null : (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--yellow">{t("evidence.notScanned")}</strong>
                      </>
                    )}
                  </dd>
                  <dd className="govuk-summary-list__actions">
                    <Button
                      name={evidenceRemoveField}
                      value={file.id}
                      classes="govuk-button--secondary govuk-!-margin-bottom-0"
                      html={
                        <>
                          {t("evidence.remove")}
                          <span className="govuk-visually-hidden">
                            {" "}
                            <bdi>{file.name}</bdi>
                          </span>
                        </>
                      }
                    />
                  </dd>
                </div>
              ))}
            </dl>
          </Form>
        ) : null}
        {/* The token comes before the file input: the server checks it before it stores a byte of any file. */}
        <Form method="post" action={formAction} encType="multipart/form-data" noValidate onSubmit={progress.onSubmit} aria-labelledby={titleId}>
          <input type="hidden" name="csrf" value={csrf} />
          <FileUpload
            name={evidenceFileField}
            multiple
            javascript
            label={{ text: t("evidence.label"), classes: "govuk-label--m" }}
            errorMessage={
              messages.length
                ? {
                    html: messages.map((text, index) => (
                      <span key={index}>
                        {index ? <br /> : null}
                        {text}
                      </span>
                    )),
                    visuallyHiddenText: t("errors.hiddenPrefix"),
                  }
                : null
            }
            chooseFilesButtonText={t("evidence.enhanced.chooseFilesButton")}
            dropInstructionText={t("evidence.enhanced.dropInstruction")}
            noFileChosenText={t("evidence.enhanced.noFileChosen")}
            multipleFilesChosenText={plural("evidence.enhanced.multipleFilesChosen")}
            enteredDropZoneText={t("evidence.enhanced.enteredDropZone")}
            leftDropZoneText={t("evidence.enhanced.leftDropZone")}
          />
          <Button text={t("evidence.upload")} name={evidenceIntentField} value="upload" classes="govuk-button--secondary" disabled={uploading} />
          {/* What is happening, or what the last upload or removal did: announced with JavaScript as it changes, and
              shown by the buttons without it. */}
          <div role="status">
            {uploading ? (
              <p className="govuk-body" id="evidence-uploading">
                {uploadingText}
              </p>
            ) : noticeText ? (
              <p className="govuk-body govuk-!-font-weight-bold" data-arrival-focus="">
                <bdi>{noticeText}</bdi>
              </p>
            ) : null}
          </div>
          {progress.percent !== null ? (
            <>
              <progress className="app-upload-progress" max={100} value={progress.percent} aria-labelledby="evidence-uploading" />
              <p className="govuk-body-s">{progressText}</p>
            </>
          ) : null}
          <Button text={t("buttons.continue")} name={evidenceIntentField} value="continue" preventDoubleClick disabled={uploading} />
        </Form>
      </div>
    </div>
  );
}

/**
 * Upload with a progress bar: the files go to the route's data request (the URL Remix's own form posts to with
 * JavaScript), and once the server has answered, the page is loaded again, showing the files and any errors the
 * server kept for it. Continue, and browsers without XMLHttpRequest, go Remix's ordinary way; so does a second try
 * after the request could not be sent or was not answered with the page.
 */
function useUploadProgress(formAction: string) {
  const [percent, setPercent] = useState<number | null>(null);
  const ordinary = useRef(false);
  const navigate = useNavigate();
  const location = useLocation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (ordinary.current || !(submitter instanceof HTMLButtonElement) || submitter.value !== "upload" || typeof XMLHttpRequest === "undefined") {
      ordinary.current = false;
      return;
    }
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form);
    body.append(submitter.name, submitter.value);
    const target = new URL(formAction, window.location.href);
    target.pathname = `${target.pathname.replace(/\/$/, "")}.data`;
    const request = new XMLHttpRequest();
    request.upload.addEventListener("progress", (progressEvent) => {
      if (progressEvent.lengthComputable) setPercent(Math.min(100, Math.floor((progressEvent.loaded / progressEvent.total) * 100)));
    });
    const again = () => {
      setPercent(null);
      ordinary.current = true;
      form.requestSubmit(submitter);
    };
    // The action answers an upload, taken or refused, by sending the person back to this page (202 in a data
    // request) with what to show kept in the session; anything else (a refused post, a server fault) is shown the
    // way Remix shows it, by posting again.
    request.addEventListener("load", () => {
      if (request.status >= 400) return again();
      setPercent(null);
      navigate(`${location.pathname}${location.search}`, { replace: true });
    });
    request.addEventListener("error", again);
    request.addEventListener("abort", again);
    request.open("POST", target.toString());
    setPercent(0);
    request.send(body);
  };
  return { percent, onSubmit };
}
