// The time limits the words give ("within 10 working days") come from the council's timetable, the one place they
// are declared (council settings, `timetable`). The words name a limit by its place in the timetable:
// `{{days.childrensSocialCare.stage1.replyWithin}}` is the limit in words, in the language's plural form
// ("10 working days", "10 dni roboczych", "10 أيام عمل"), and `{{limit.….replyWithin}}` the bare number, for words
// that have just said the unit ("up to {{limit.…}} if there is a lot to look at"). Pages get these values from the
// root route (app/root.tsx), and the server's i18next instances have them as default variables.
import type { Timetable } from "~/config/council-schema";

export type TimeLimitValues = {
  readonly days: Readonly<Record<string, unknown>>;
  readonly limit: Readonly<Record<string, unknown>>;
};

/** The key of a number of working days, in words, with its plural forms (in the common namespace). */
export const workingDaysKey = "time.workingDays";
/** Where the working days' plural forms are, with the rest of the time words. */
export const workingDaysGroup = workingDaysKey.slice(0, workingDaysKey.lastIndexOf("."));

type Node = Readonly<Record<string, unknown>>;

/** Every number in the timetable, by its path, as words (`days`; limits in months have none) and as a number (`limit`). */
export function timeLimitValues(timetable: Timetable, workingDays: (count: number) => string): TimeLimitValues {
  const walk = (node: Node, asWords: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === "number") {
        if (!asWords) out[name] = value;
        else if (!name.endsWith("Months")) out[name] = workingDays(value);
      } else if (typeof value === "object" && value !== null) out[name] = walk(value as Node, asWords);
    }
    return out;
  };
  return { days: walk(timetable, true), limit: walk(timetable, false) };
}

const made = new WeakMap<Timetable, Map<string, TimeLimitValues>>();

/** As timeLimitValues, worked out once for each timetable and language (a page's render asks on every page). */
export function rememberedTimeLimitValues(timetable: Timetable, language: string, workingDays: (count: number) => string): TimeLimitValues {
  let byLanguage = made.get(timetable);
  if (!byLanguage) made.set(timetable, (byLanguage = new Map()));
  let values = byLanguage.get(language);
  if (!values) byLanguage.set(language, (values = timeLimitValues(timetable, workingDays)));
  return values;
}
