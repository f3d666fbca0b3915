import type { ErrorMessageProps } from "./error-message";
import { Hint, type HintProps } from "./hint";
import { i18nAttributes, type PluralisedText } from "./i18n-attributes";
import type { TextOrHtml } from "./input";
import type { LabelProps } from "./label";
import { Textarea } from "./textarea";

export type { PluralisedText };

export interface CharacterCountProps {
  /** Defaults to `name`. */
  id?: string;
  name: string;
  rows?: number;
  value?: string;
  /** Maximum number of characters (or words, with `countType: "words"`). */
  maxlength?: number;
  /** Maximum number of words. */
  maxwords?: number;
  /** Percentage of the limit at which the count message appears. */
  threshold?: number;
  countType?: "characters" | "length" | "words";
  label: Omit<LabelProps, "htmlFor">;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  classes?: string;
  formGroup?: {
    classes?: string;
    attributes?: Record<string, string>;
    beforeInput?: TextOrHtml;
    afterInput?: TextOrHtml;
  };
  spellcheck?: boolean;
  attributes?: Record<string, string>;
  countMessage?: { classes?: string };
  /** Description shown before JavaScript runs; `%{count}` is replaced by the limit. */
  textareaDescriptionText?: string;
  charactersUnderLimitText?: PluralisedText;
  charactersAtLimitText?: string;
  charactersOverLimitText?: PluralisedText;
  wordsUnderLimitText?: PluralisedText;
  wordsAtLimitText?: string;
  wordsOverLimitText?: PluralisedText;
}

/** GOV.UK Frontend `govukCharacterCount`: a textarea with a live count of characters or words left. */
export function CharacterCount(props: CharacterCountProps) {
  const { name, maxlength, maxwords, threshold, formGroup } = props;
  const id = props.id || name;
  const countType = props.countType || (maxwords ? "words" : undefined);
  const limit = maxwords || maxlength;
  const descriptionText =
    props.textareaDescriptionText || `You can enter up to %{count} ${countType === "words" ? "words" : "characters"}`;

  const attributes: Record<string, string> = {
    "data-module": "govuk-character-count",
    ...(maxlength !== undefined ? { "data-maxlength": String(maxlength) } : {}),
    ...(maxwords !== undefined ? { "data-maxwords": String(maxwords) } : {}),
    ...(threshold !== undefined ? { "data-threshold": String(threshold) } : {}),
    ...(countType ? { "data-count-type": countType } : {}),
    // Without a limit the script interpolates the description itself, so it only needs one if given.
    ...(!limit && props.textareaDescriptionText
      ? i18nAttributes("textarea-description", { other: props.textareaDescriptionText })
      : {}),
    ...i18nAttributes("characters-under-limit", props.charactersUnderLimitText),
    ...i18nAttributes("characters-at-limit", props.charactersAtLimitText),
    ...i18nAttributes("characters-over-limit", props.charactersOverLimitText),
    ...i18nAttributes("words-under-limit", props.wordsUnderLimitText),
    ...i18nAttributes("words-at-limit", props.wordsAtLimitText),
    ...i18nAttributes("words-over-limit", props.wordsOverLimitText),
    ...formGroup?.attributes,
  };

  const afterInput = formGroup?.afterInput;
  const countMessage = (
    <>
      <Hint
        text={limit ? descriptionText.replaceAll("%{count}", String(limit)) : undefined}
        id={`${id}-info`}
        classes={`govuk-character-count__message${props.countMessage?.classes ? ` ${props.countMessage.classes}` : ""}`}
      />
      {afterInput && (afterInput.html ?? afterInput.text)}
    </>
  );

  return (
    <Textarea
      id={id}
      name={name}
      describedBy={`${id}-info`}
      rows={props.rows}
      spellcheck={props.spellcheck}
      value={props.value}
      formGroup={{
        classes: `govuk-character-count${formGroup?.classes ? ` ${formGroup.classes}` : ""}`,
        attributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: { html: countMessage },
      }}
      classes={`govuk-js-character-count${props.classes ? ` ${props.classes}` : ""}`}
      label={props.label}
      hint={props.hint}
      errorMessage={props.errorMessage}
      attributes={props.attributes}
    />
  );
}
