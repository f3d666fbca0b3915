// Two requests of one browser (two tabs) can read the same session and both change it. The second to save puts what
// it changed since its read on top of what the first wrote: a three-way merge of the session as this request read
// it (`base`), as it leaves it (`mine`) and as it is stored now (`theirs`). What this request did not change stays as
// the other left it; what both changed is this request's, except where that would lose the other's work.
import { sessionDataSchema, type JourneyState, type ProgressState, type SessionData } from "~/journeys/session-data";

const changed = (a: unknown, b: unknown): boolean => JSON.stringify(a) !== JSON.stringify(b);

/**
 * Key by key: unchanged here, theirs; removed here, removed unless the other changed it meanwhile (a message for
 * the next page consumed here and written there is kept); changed here, `both` of the three, or this request's.
 */
function mergeRecord<T>(
  base: Readonly<Record<string, T>>,
  mine: Readonly<Record<string, T>>,
  theirs: Readonly<Record<string, T>>,
  both: (base: T | undefined, mine: T, theirs: T, key: string) => T = (_, value) => value,
): Record<string, T> {
  const merged: Record<string, T> = { ...theirs };
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine)])) {
    if (!changed(base[key], mine[key])) continue;
    const value = mine[key];
    if (value === undefined) {
      if (!changed(base[key], theirs[key])) delete merged[key];
    } else {
      const other = theirs[key];
      merged[key] = other === undefined ? value : both(base[key], value, other, key);
    }
  }
  return merged;
}

/** A run merely opened (no answer, not sent) is not worth another tab's answers. */
const isEmptyRun = (state: JourneyState): boolean => !state.submitted && Object.keys(state.answers).length === 0;

/** One journey both changed: the same run page by page; of two runs, the one with answers in it. */
function mergeJourney(base: JourneyState | undefined, mine: JourneyState, theirs: JourneyState): JourneyState {
  if (mine.runId !== theirs.runId) return isEmptyRun(mine) ? theirs : mine;
  const from = base?.runId === mine.runId ? base : undefined;
  const { answers: baseAnswers = {}, ...baseRest } = from ?? {};
  const { answers: mineAnswers, ...mineRest } = mine;
  const { answers: theirAnswers, ...theirRest } = theirs;
  const rest = mergeRecord<unknown>(baseRest, mineRest, theirRest);
  return { ...(rest as Omit<JourneyState, "answers">), answers: mergeRecord(baseAnswers, mineAnswers, theirAnswers) };
}

/** Wrong codes tried in two tabs at once both count against the limit. */
function mergeProgress(base: ProgressState | undefined, mine: ProgressState, theirs: ProgressState): ProgressState {
  if (!base || base.reference !== mine.reference || mine.reference !== theirs.reference) return mine;
  return { ...mine, tries: theirs.tries + Math.max(0, mine.tries - base.tries) };
}

export function mergeChanges(base: SessionData, mine: SessionData, theirs: SessionData): SessionData {
  const journeys = mergeRecord(base.journeys, mine.journeys, theirs.journeys, mergeJourney);
  const { journeys: _b, ...baseRest } = base;
  const { journeys: _m, ...mineRest } = mine;
  const { journeys: _t, ...theirRest } = theirs;
  const rest = mergeRecord<unknown>(baseRest, mineRest, theirRest, (b, m, t, key) =>
    key === "progress" ? mergeProgress(b as ProgressState | undefined, m as ProgressState, t as ProgressState) : m,
  );
  return sessionDataSchema.parse({ ...rest, journeys });
}
