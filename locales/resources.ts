// Every locale file, bundled at build time so the server never reads them per request. The files are found by
// their place (locales/<language>/<namespace>.json): a new journey's words, or a new language, need no list here.
// Vite and Vitest read the glob themselves; the esbuild bundle of the server expands it (scripts/build-server.mjs).
export type Words = Record<string, unknown>;

const files = import.meta.glob<Words>("./*/*.json", { eager: true, import: "default" });

export const resources: Record<string, Record<string, Words>> = {};
for (const [file, words] of Object.entries(files)) {
  const [, language, namespace] = /^\.\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = words;
}

/** Every namespace, as English has them (every other language is checked to have the same). */
export const namespaces: readonly string[] = Object.keys(resources.en ?? {}).sort();
