// Vite's `import.meta.glob` is only known to Vite (and Vitest). The portal's server bundle is made by esbuild, and
// tests start server entry points under tsx; both get the one eager form we use,
// `import.meta.glob<T>("./dir/*.ext", { eager: true, import: "default" })`, expanded here into the files it
// matches: static imports for esbuild (`globImportPlugin`), inlined JSON for Node's loader (`register-glob.mjs`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const globCall = /import\.meta\.glob(?:<[^>]*>)?\(\s*"([^"]+)"\s*,\s*\{\s*eager:\s*true,\s*import:\s*"default",?\s*\}\s*\)/g;

/** Files under `base` matching a pattern made of literal segments and `*` segments, sorted. */
export function expandGlob(base, pattern) {
  const segments = pattern.replace(/^\.\//, "").split("/");
  let found = [""];
  for (const segment of segments) {
    const regex = new RegExp(`^${segment.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")}$`);
    found = found.flatMap((dir) => {
      const full = path.join(base, dir);
      if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [];
      return readdirSync(full)
        .filter((name) => regex.test(name))
        .sort()
        .map((name) => (dir ? `${dir}/${name}` : name));
    });
  }
  return found;
}

/** The source with each glob call replaced; `value(file, index)` gives the expression for one file's content. */
export function expandGlobCalls(source, dir, value) {
  let index = 0;
  return source.replace(globCall, (_match, pattern) => `({ ${expandGlob(dir, pattern).map((file) => `${JSON.stringify(`./${file}`)}: ${value(file, index++)}`).join(", ")} })`);
}

export const globImportPlugin = {
  name: "glob-import",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.glob")) return undefined;
      const imports = [];
      const contents = expandGlobCalls(source, path.dirname(args.path), (file, index) => {
        imports.push(`import __glob${index} from ${JSON.stringify(`./${file}`)};`);
        return `__glob${index}`;
      });
      return { contents: `${imports.join("\n")}\n${contents}`, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};
