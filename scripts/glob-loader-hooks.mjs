// Node loader hook: after tsx has turned TypeScript into JavaScript, expands `import.meta.glob` into the JSON of
// the files it matches (see glob-import-plugin.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expandGlobCalls } from "./glob-import-plugin.mjs";

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.startsWith("file:") || result.source === undefined || result.source === null) return result;
  const source = typeof result.source === "string" ? result.source : Buffer.from(result.source).toString("utf8");
  if (!source.includes("import.meta.glob")) return result;
  const dir = path.dirname(fileURLToPath(url));
  return { ...result, source: expandGlobCalls(source, dir, (file) => `JSON.parse(${JSON.stringify(readFileSync(path.join(dir, file), "utf8"))})`) };
}
