// Every key of a locale file, with its plural forms and contexts, and values for its placeholders: what the
// translator tests look up (app/translation/translate.test.ts, app/translation/page-words.test.ts).

const pluralForms = new Set(["zero", "one", "two", "few", "many", "other"]);
export const counts = [0, 1, 2, 3, 4, 5, 11, 12, 22, 25, 101, 1.5];

/**
 * Every key in a locale file (each leaf and each object, and each with its plural and context endings taken off),
 * with the contexts its words have and whether they have plural forms.
 */
export function keysOf(words: unknown): Map<string, { contexts: Set<string>; plural: boolean }> {
  const keys = new Map<string, { contexts: Set<string>; plural: boolean }>();
  const entry = (key: string) => keys.get(key) ?? keys.set(key, { contexts: new Set(), plural: false }).get(key)!;
  const walk = (value: unknown, path: string) => {
    if (path) entry(path);
    if (typeof value === "object" && value !== null) {
      for (const [part, inner] of Object.entries(value)) walk(inner, path ? `${path}.${part}` : part);
      return;
    }
    const pieces = path.split("_");
    for (let i = pieces.length - 1; i > 0; i--) {
      const ending = pieces[i]!;
      const base = entry(pieces.slice(0, i).join("_"));
      if (pluralForms.has(ending)) base.plural = true;
      else if (!ending.includes(".")) base.contexts.add(ending);
    }
  };
  walk(words, "");
  return keys;
}

/** Values for every placeholder in a language's words, some of them awkward ($ patterns, braces, numbers). */
export function valuesFor(words: unknown): Record<string, unknown> {
  const names = new Set<string>();
  const text = JSON.stringify(words);
  for (const match of text.matchAll(/\{\{(.+?)\}\}/g)) names.add(match[1]!.trim());
  const values: Record<string, unknown> = {};
  let i = 0;
  for (const name of names) values[name] = [`Sam $& $1 ${i}`, 7, "{{childName}}", `<b>x</b> ${i}`][i++ % 4];
  return values;
}

/**
 * The lookups the tests make of a key (its info from keysOf, or none for a key that is not there): plain, with
 * values, as an object, with a default, in a namespace, with counts, and with each of its contexts.
 */
export function optionSetsFor(namespace: string, info: { contexts: Set<string>; plural: boolean } | undefined, values: Record<string, unknown>): Record<string, unknown>[] {
  const { contexts, plural } = info ?? { contexts: new Set<string>(), plural: false };
  const optionSets: Record<string, unknown>[] = [{}, values, { ...values, returnObjects: true }, { defaultValue: [], returnObjects: true }, { ns: namespace }, { ...values, count: 1 }, { ...values, count: 2, returnObjects: true }];
  if (plural) for (const count of counts) optionSets.push({ ...values, count });
  for (const context of contexts) {
    optionSets.push({ ...values, context }, { ...values, context, returnObjects: true });
    if (plural) for (const count of counts) optionSets.push({ ...values, context, count });
  }
  return optionSets;
}
