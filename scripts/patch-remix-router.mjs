// Run after every install (`postinstall`). React Router 6 flattens, ranks and compiles every route's path again
// on each match, and the server matches two or three times a request: about a quarter of a form post's CPU.
// This makes the server-side build (router.cjs.js) keep the ranked branches per route list and each compiled
// path, both pure functions of their inputs. Decision 009 says why a patch, and how it is kept honest.
// The patch applies to one exact version and fails the install loudly on any other, rather than quietly not apply.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const expectedVersion = "1.23.3";
export const patchMarker = "/* complaints-portal: memoised route matching */";

const hunks = [
  {
    // Ranked branches are kept per route list; patchRoutes (routes found on navigation) forgets them all.
    find: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n",
    replace: "  let branches = rankedBranches(routes);\n",
  },
  {
    find: "function flattenRoutes(routes, branches, parentsMeta, parentPath) {\n",
    replace: `${patchMarker}
let rankedBranchesByRoutes = new WeakMap();
function rankedBranches(routes) {
  let branches = rankedBranchesByRoutes.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranchesByRoutes.set(routes, branches);
  }
  return branches;
}
function flattenRoutes(routes, branches, parentsMeta, parentPath) {
`,
  },
  {
    find: "function patchRoutesImpl(routeId, children, routesToUse, manifest, mapRouteProperties) {\n",
    replace: "function patchRoutesImpl(routeId, children, routesToUse, manifest, mapRouteProperties) {\n  rankedBranchesByRoutes = new WeakMap();\n",
  },
  {
    // A compiled path is a RegExp without the g flag and a list of parameter names: safe to share. The map is
    // bounded because matchPath is public and could be given any pattern.
    find: "function compilePath(path, caseSensitive, end) {\n",
    replace: `const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  let key = (caseSensitive ? "1" : "0") + (end === false ? "0" : "1") + path;
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    if (compiledPaths.size >= 1000) compiledPaths.clear();
    compiled = compilePathUncached(path, caseSensitive, end);
    compiledPaths.set(key, compiled);
  }
  return compiled;
}
function compilePathUncached(path, caseSensitive, end) {
`,
  },
];

export function patchRouterSource(source) {
  if (source.includes(patchMarker)) return source;
  let patched = source;
  for (const { find, replace } of hunks) {
    const at = patched.indexOf(find);
    if (at < 0 || patched.indexOf(find, at + 1) >= 0) throw new Error(`@remix-run/router: expected exactly one "${find.trim().split("\n")[0]}"`);
    patched = patched.slice(0, at) + replace + patched.slice(at + find.length);
  }
  return patched;
}

function main() {
  const packageJson = require.resolve("@remix-run/router/package.json");
  const { version } = JSON.parse(readFileSync(packageJson, "utf8"));
  if (version !== expectedVersion) {
    throw new Error(`scripts/patch-remix-router.mjs is written for @remix-run/router ${expectedVersion}, not ${version}: check the hunks still apply, then change expectedVersion.`);
  }
  const file = path.join(path.dirname(packageJson), "dist", "router.cjs.js");
  const source = readFileSync(file, "utf8");
  const patched = patchRouterSource(source);
  if (patched !== source) writeFileSync(file, patched);
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) main();
