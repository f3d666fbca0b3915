// Run after every install (`postinstall`). Two changes to Remix's server-side code, each a pure saving with the
// same results (decision 009 says why a patch, and how it is kept honest):
// - React Router 6 flattens, ranks and compiles every route's path, and tries each against the address, on every
//   match, and the server matches two or three times a request: about a quarter of a form post's CPU. Its server
//   build (router.cjs.js) now keeps the ranked branches per route list, each compiled path, and the matches for
//   each address.
// - Remix rebuilds the Fetch Request twice before every loader and action, to strip `index` and `_routes` from
//   the address, even when neither is there: about a seventh of a form post's CPU. It now passes the request on
//   as it is when there is nothing to strip.
// Each patch applies to one exact version and fails the install loudly on any other, rather than quietly not apply.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
export const patchMarker = "/* complaints-portal: memoised route matching */";
export const requestMarker = "/* complaints-portal: requests passed on unless a parameter is stripped */";

const routerHunks = [
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
    replace: "function patchRoutesImpl(routeId, children, routesToUse, manifest, mapRouteProperties) {\n  rankedBranchesByRoutes = new WeakMap();\n  matchesByRoutes = new WeakMap();\n",
  },
  {
    // The matches for each address are kept too, per route list (at most a thousand keys of at most 512
    // characters each, since anyone can ask for any address), and each caller gets its own copy: the matches, and
    // the one params object they all share, as a fresh match gives.
    find: "function matchRoutesImpl(routes, locationArg, basename, allowPartial) {\n",
    replace: `let matchesByRoutes = new WeakMap();
function matchRoutesImpl(routes, locationArg, basename, allowPartial) {
  let location = typeof locationArg === "string" ? parsePath(locationArg) : locationArg;
  let key = (allowPartial ? "1" : "0") + (basename || "/") + " " + (location.pathname || "/");
  let byKey = matchesByRoutes.get(routes);
  if (!byKey) {
    byKey = new Map();
    matchesByRoutes.set(routes, byKey);
  }
  let matches = byKey.get(key);
  if (matches === undefined) {
    matches = matchRoutesUncached(routes, location, basename, allowPartial);
    if (key.length > 512) return matches;
    if (byKey.size >= 1000) byKey.clear();
    byKey.set(key, matches);
  }
  if (!matches) return null;
  let params = matches.length ? { ...matches[0].params } : {};
  return matches.map((match) => ({ params, pathname: match.pathname, pathnameBase: match.pathnameBase, route: match.route }));
}
function matchRoutesUncached(routes, locationArg, basename, allowPartial) {
`,
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

const serverRuntimeHunks = [
  {
    find: "function stripIndexParam(request) {\n",
    replace: `${requestMarker}
function hasSearchParam(request, name) {
  let query = request.url.indexOf("?");
  if (query < 0) return false;
  let fragment = request.url.indexOf("#", query);
  return new URLSearchParams(request.url.slice(query + 1, fragment < 0 ? undefined : fragment)).has(name);
}
function stripIndexParam(request) {
  if (!hasSearchParam(request, "index")) return request;
`,
  },
  {
    find: "function stripDataParam(request) {\n",
    replace: 'function stripDataParam(request) {\n  if (!hasSearchParam(request, "_data")) return request;\n',
  },
  {
    find: "function stripRoutesParam(request) {\n",
    replace: 'function stripRoutesParam(request) {\n  if (!hasSearchParam(request, "_routes")) return request;\n',
  },
];

export const patches = [
  { packageName: "@remix-run/router", version: "1.23.3", file: "dist/router.cjs.js", marker: patchMarker, hunks: routerHunks },
  { packageName: "@remix-run/server-runtime", version: "2.17.5", file: "dist/data.js", marker: requestMarker, hunks: serverRuntimeHunks },
];

/** The patched source; a source already patched is returned as it is. */
export function applyPatch(source, { packageName, marker, hunks }) {
  if (source.includes(marker)) return source;
  let patched = source;
  for (const { find, replace } of hunks) {
    const at = patched.indexOf(find);
    if (at < 0 || patched.indexOf(find, at + 1) >= 0) throw new Error(`${packageName}: expected exactly one "${find.trim().split("\n")[0]}"`);
    patched = patched.slice(0, at) + replace + patched.slice(at + find.length);
  }
  return patched;
}

function main() {
  for (const patch of patches) {
    const packageJson = require.resolve(`${patch.packageName}/package.json`);
    const { version } = JSON.parse(readFileSync(packageJson, "utf8"));
    if (version !== patch.version) {
      throw new Error(`scripts/patch-remix.mjs is written for ${patch.packageName} ${patch.version}, not ${version}: check the hunks still apply, then change its version.`);
    }
    const file = path.join(path.dirname(packageJson), patch.file);
    const source = readFileSync(file, "utf8");
    const patched = applyPatch(source, patch);
    if (patched !== source) writeFileSync(file, patched);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) main();
