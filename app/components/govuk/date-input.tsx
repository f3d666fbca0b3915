import type { ErrorMessageProps } from "./error-message";
import type { FieldsetProps } from "./fieldset";
import { fieldDescriptions, FormGroup, HintAndError } from "./form-group";
import type { HintProps } from "./hint";
import { Input, type InputProps, type TextOrHtml } from "./input";

export interface DateInputItem {
  /** "day", "month", "year" or a custom name; prefixed with `namePrefix-`. */
  name?: string;
  /** Defaults to `<id>-<name>`. */
  id?: string;
  /** Label text; defaults to the capitalised name. */
  label?: string;
  value?: string;
  /**
   * Marks this field as the one in error (otherwise every field is marked when there is an `errorMessage`);
   * `false` never marks it.
   */
  error?: boolean;
  classes?: string;
  autocomplete?: string;
  pattern?: string;
  /** Defaults to "numeric". */
  inputmode?: InputProps["inputmode"];
  attributes?: Record<string, string>;
}

export interface DateInputProps {
  id: string;
  namePrefix?: string;
  /** Replaces the day, month and year fields entirely. */
  items?: ReadonlyArray<DateInputItem | null | undefined | false>;
  /** Options for the default day field, or `false` to leave it out (e.g. for a month and year). */
  day?: DateInputItem | false;
  month?: DateInputItem | false;
  year?: DateInputItem | false;
  /** Field values keyed by field name, e.g. `{ day: "31" }` (or `{ "dob-day": "31" }` with a `namePrefix`). */
  values?: Record<string, string | undefined>;
  hint?: Omit<HintProps, "id"> | null | false;
  errorMessage?: Omit<ErrorMessageProps, "id"> | null | false;
  fieldset?: Omit<FieldsetProps, "html" | "children" | "role">;
  classes?: string;
  formGroup?: {
    classes?: string;
    attributes?: Record<string, string>;
    beforeInputs?: TextOrHtml;
    afterInputs?: TextOrHtml;
  };
  attributes?: Record<string, string>;
}

function capitalise(word: string): string {
  // Nunjucks' capitalize also lower-cases the rest.
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function hasErrorClass(item: DateInputItem): boolean {
  return Boolean(item.classes && item.classes.includes("govuk-input--error"));
}

/** GOV.UK Frontend `govukDateInput`. */
export function DateInput(props: DateInputProps) {
  const { id, values, hint, errorMessage, fieldset, formGroup } = props;
  const day = props.day ?? { name: "day", value: values?.day, classes: "govuk-input--width-2" };
  const month = props.month ?? { name: "month", value: values?.month, classes: "govuk-input--width-2" };
  const year = props.year ?? { name: "year", value: values?.year, classes: "govuk-input--width-4" };
  const items = props.items?.length ? props.items : [day, month, year];
  const anyItemHasError = items.some((item) => item && (item.error || hasErrorClass(item)));
  const namePrefix = props.namePrefix ? `${props.namePrefix}-` : "";

  const ids = fieldDescriptions(id, fieldset?.describedBy, hint, errorMessage);

  function renderItem(item: DateInputItem, index: number) {
    let itemName = item.name;
    let itemValue = item.value;
    let itemWidth = 2;
    // The default day/month/year (or a custom item named like them) pick up their field's value.
    for (const [field, defaults] of [
      ["day", day],
      ["month", month],
      ["year", year],
    ] as const) {
      if (item === defaults || (item.name && (item.name === field || (defaults && item.name === defaults.name)))) {
        itemName = item.name || field;
        itemValue = item.value ?? (defaults ? defaults.value : undefined);
        if (field === "year") itemWidth = 4;
        break;
      }
    }
    const itemHasError = Boolean(item.error) || hasErrorClass(item);
    const classes: string[] = [];
    if (!hasErrorClass(item) && (itemHasError || (item.error !== false && errorMessage && !anyItemHasError))) {
      classes.push("govuk-input--error");
    }
    if (!item.classes || !item.classes.includes("govuk-input--width-")) classes.push(`govuk-input--width-${itemWidth}`);
    if (item.classes) classes.push(item.classes);
    const fullName = `${namePrefix}${itemName ?? ""}`;

    return (
      <div key={index} className="govuk-date-input__item">
        <Input
          label={{ text: item.label || capitalise(itemName ?? ""), classes: "govuk-date-input__label" }}
          id={item.id || `${id}-${itemName ?? ""}`}
          classes={["govuk-date-input__input", ...classes].join(" ")}
          name={fullName}
          value={itemValue ?? values?.[fullName]}
          type="text"
          inputmode={item.inputmode || "numeric"}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
        />
      </div>
    );
  }

  const inner = (
    <>
      <HintAndError hint={hint} errorMessage={errorMessage} ids={ids} />
      <div className={`govuk-date-input${props.classes ? ` ${props.classes}` : ""}`} {...props.attributes} id={id}>
        {formGroup?.beforeInputs && (formGroup.beforeInputs.html ?? formGroup.beforeInputs.text)}
        {items.map((item, index) => (item ? renderItem(item, index) : null))}
        {formGroup?.afterInputs && (formGroup.afterInputs.html ?? formGroup.afterInputs.text)}
      </div>
    </>
  );

  // role="group" so JAWS announces the description of a fieldset made of text inputs.
  return (
    <FormGroup hasError={Boolean(errorMessage)} formGroup={formGroup} fieldset={fieldset} fieldsetRole="group" describedBy={ids.describedBy}>
      {inner}
    </FormGroup>
  );
}
