// Renders a page's fields with the GOV.UK components. The page heading is the legend or label when the
// page asks one question, and a separate h1 when it asks a few closely related ones.
import type { ReactNode } from "react";
import { CharacterCount, type PluralisedText } from "~/components/govuk/character-count";
import { Checkboxes } from "~/components/govuk/checkboxes";
import { DateInput } from "~/components/govuk/date-input";
import { Input } from "~/components/govuk/input";
import { Radios } from "~/components/govuk/radios";
import { Textarea } from "~/components/govuk/textarea";
import type { FieldError } from "~/journeys/journey-engine";
import type { FieldView as Field } from "~/journeys/journey-types";
import { languageParts } from "~/translation/language-parts";
import type { useJourneyText } from "./use-journey-text";

export type FieldValues = Record<string, string | string[]>;

interface FieldContext {
  text: ReturnType<typeof useJourneyText>;
  values: FieldValues;
  errors: readonly FieldError[];
  /** The field is the page's only question, so its label or legend is the h1. */
  isPageHeading: boolean;
}

function single(values: FieldValues, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

function errorFor(context: FieldContext, name: string) {
  const error = context.errors.find((e) => e.field === name);
  return error ? { text: context.text.message(error.messageKey), visuallyHiddenText: context.text.t("common:errors.hiddenPrefix") } : undefined;
}

function plural(text: FieldContext["text"], key: string): PluralisedText {
  return text.t(`common:characterCount.${key}`, { returnObjects: true }) as PluralisedText;
}

function heading(context: FieldContext, field: Field, kind: "label" | "legend") {
  const { text, isPageHeading } = context;
  const label = isPageHeading ? text.text("title") : text.text(`fields.${field.name}.label`);
  const optional = field.optional && !isPageHeading ? ` ${text.t("common:answers.optional")}` : "";
  const classes = isPageHeading ? (kind === "label" ? "govuk-label--l" : "govuk-fieldset__legend--l") : kind === "legend" ? "govuk-fieldset__legend--m" : "govuk-label--s";
  return { text: `${label}${optional}`, classes, isPageHeading };
}

function hintFor(context: FieldContext, field: Field) {
  const hint = context.isPageHeading ? (context.text.maybe("hint") ?? context.text.maybe(`fields.${field.name}.hint`)) : context.text.maybe(`fields.${field.name}.hint`);
  return hint ? { html: languageParts(hint) } : undefined;
}

export function QuestionField({ field, context }: { field: Field; context: FieldContext }): ReactNode {
  const { text, values } = context;
  const errorMessage = errorFor(context, field.name);
  const hint = hintFor(context, field);
  const nested = (fields: readonly Field[] | undefined) =>
    fields && fields.length ? fields.map((f) => <QuestionField key={f.name} field={f} context={{ ...context, isPageHeading: false }} />) : null;

  switch (field.kind) {
    case "radios":
    case "checkboxes": {
      const items = field.options.flatMap((option) => {
        const base = `fields.${field.name}.options.${option.value}`;
        const info = option.conditionalInfo ? <p className="govuk-body">{text.text(`${base}.conditionalInfo`)}</p> : null;
        const revealed = nested(option.conditional) ?? info;
        const hintText = text.maybe(`${base}.hint`);
        const item = {
          value: option.value,
          html: languageParts(text.text(`${base}.label`)),
          hint: hintText ? { html: languageParts(hintText) } : undefined,
          conditional: revealed ? { html: revealed } : undefined,
          ...(option.exclusive ? { behaviour: "exclusive" as const } : {}),
        };
        return option.dividerBefore ? [{ divider: text.t("common:answers.or") }, item] : [item];
      });
      const fieldset = { legend: heading(context, field, "legend") };
      if (field.kind === "radios") {
        return (
          <Radios
            name={field.name}
            idPrefix={field.name}
            value={single(values, field.name)}
            items={items}
            fieldset={fieldset}
            hint={hint}
            errorMessage={errorMessage}
            classes={field.inline ? "govuk-radios--inline" : undefined}
          />
        );
      }
      const chosen = values[field.name];
      return (
        <Checkboxes
          name={field.name}
          idPrefix={field.name}
          values={Array.isArray(chosen) ? chosen : []}
          items={items}
          fieldset={field.options.length === 1 ? undefined : fieldset}
          hint={field.options.length === 1 ? undefined : hint}
          errorMessage={errorMessage}
        />
      );
    }
    case "text":
      return (
        <Input
          id={field.name}
          name={field.name}
          type={field.inputType ?? "text"}
          value={single(values, field.name)}
          label={heading(context, field, "label")}
          hint={hint}
          errorMessage={errorMessage}
          autocomplete={field.autocomplete}
          spellcheck={field.spellcheck}
          inputmode={field.inputMode}
          classes={field.widthClass}
        />
      );
    case "textarea": {
      const common = {
        id: field.name,
        name: field.name,
        rows: field.rows,
        value: single(values, field.name),
        label: heading(context, field, "label"),
        hint,
        errorMessage,
      };
      if (!field.characterCount) return <Textarea {...common} />;
      const description = plural(text, "textareaDescription");
      const form = new Intl.PluralRules(text.language).select(field.maxLength) as keyof PluralisedText;
      return (
        <CharacterCount
          {...common}
          maxlength={field.maxLength}
          textareaDescriptionText={description[form] ?? description.other}
          charactersUnderLimitText={plural(text, "underLimit")}
          charactersAtLimitText={text.t("common:characterCount.atLimit")}
          charactersOverLimitText={plural(text, "overLimit")}
        />
      );
    }
    case "date": {
      const error = context.errors.find((e) => e.field === field.name);
      // GOV.UK highlights only the parts to fix; "enter a month and year" needs both.
      const highlighted = !error ? [] : error.messageKey.endsWith(".month-and-year-required") || error.messageKey.endsWith(".required") ? ["month", "year"] : [error.href.slice(field.name.length + 1)];
      const part = (name: "day" | "month" | "year", width: string) => ({
        name,
        label: text.t(`common:date.${name}`),
        value: single(values, `${field.name}-${name}`),
        classes: `${width}${highlighted.includes(name) ? " govuk-input--error" : ""}`,
        inputmode: "numeric" as const,
      });
      return (
        <DateInput
          id={field.name}
          namePrefix={field.name}
          items={[part("day", "govuk-input--width-2"), part("month", "govuk-input--width-2"), part("year", "govuk-input--width-4")]}
          fieldset={{ legend: heading(context, field, "legend") }}
          hint={hint}
          errorMessage={errorMessage}
        />
      );
    }
  }
}
