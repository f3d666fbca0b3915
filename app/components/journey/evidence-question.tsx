// "Do you have anything to show us?": GOV.UK's file upload, with the files added so far listed above it, each with
// its own Remove button. Without JavaScript it is a plain form: choose a file, Upload, and the page comes back with
// it listed. With JavaScript, govuk-frontend's enhanced upload (a drop zone, several files at once) on the same
// form, and a status line while the files go up. Words are common.json's `pages.evidence` and `evidence`.
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/govuk/button";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { FileUpload } from "~/components/govuk/file-upload";
import type { PluralisedText } from "~/components/govuk/i18n-attributes";
import { evidenceFileField, evidenceIntentField, evidenceRemoveField } from "~/journeys/evidence-form";
import type { FieldError } from "~/journeys/journey-engine";

export interface EvidenceFileItem {
  id: string;
  name: string;
  details: string;
  scanned: boolean;
}

export interface EvidenceQuestionProps {
  files: readonly EvidenceFileItem[];
  limits: { count: number; fileSize: string };
  errors: readonly FieldError[];
  csrf: string;
  formAction: string;
}

export function EvidenceQuestion({ files, limits, errors, csrf, formAction }: EvidenceQuestionProps) {
  const { t } = useTranslation("common");
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const message = (error: FieldError) => {
    const text = t(error.messageKey, error.values ?? {});
    const name = error.values?.name;
    return typeof name === "string" ? t("evidence.fileError", { name, message: text }) : text;
  };
  const messages = errors.map(message);
  const plural = (key: string) => t(key, { returnObjects: true }) as PluralisedText;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {messages.length ? <ErrorSummary titleText={t("errors.summaryTitle")} errorList={messages.map((text) => ({ text, href: `#${evidenceFileField}` }))} /> : null}
        <h1 className="govuk-heading-l">{t("pages.evidence.title")}</h1>
        <p className="govuk-body">{t("evidence.hint")}</p>
        <p className="govuk-body">{t("evidence.limits", { count: limits.count, fileSize: limits.fileSize })}</p>
        {files.length ? (
          <>
            <h2 className="govuk-heading-m">{t("evidence.attached")}</h2>
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
                    <Form method="post" action={formAction}>
                      <input type="hidden" name="csrf" value={csrf} />
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
                    </Form>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {/* The token comes before the file input: the server checks it before it stores a byte of any file. */}
        <Form method="post" action={formAction} encType="multipart/form-data" noValidate>
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
          <div role="status">{uploading ? <p className="govuk-body">{t("evidence.uploading")}</p> : null}</div>
          <Button text={t("buttons.continue")} name={evidenceIntentField} value="continue" preventDoubleClick disabled={uploading} />
        </Form>
      </div>
    </div>
  );
}
