// The route pattern a request path matches ("/:journey/:page"), from the Remix build's own route table. Logs name
// the pattern, never the path: nothing a client sends (a reference, a mistyped word, bad percent-encoding)
// reaches them.
import type { ServerBuild } from "@remix-run/node";

interface Pattern {
  text: string;
  segments: string[];
  splat: boolean;
  statics: number;
}

function fullPath(routes: ServerBuild["routes"], id: string): string {
  const route = routes[id];
  if (!route) return "";
  const own = route.path ?? "";
  const parent = route.parentId ? fullPath(routes, route.parentId) : "";
  return [parent, own].filter(Boolean).join("/");
}

export function routePatterns(routes: ServerBuild["routes"]): (path: string) => string {
  const patterns: Pattern[] = [...new Set(Object.keys(routes).map((id) => fullPath(routes, id)))].map((joined) => {
    const segments = joined.split("/").filter(Boolean);
    const splat = segments.at(-1) === "*";
    const fixed = splat ? segments.slice(0, -1) : segments;
    return { text: `/${segments.join("/")}`, segments: fixed, splat, statics: fixed.filter((s) => !s.startsWith(":")).length };
  });
  // Most specific first: more fixed segments, then no splat.
  patterns.sort((a, b) => b.statics - a.statics || Number(a.splat) - Number(b.splat) || b.segments.length - a.segments.length);
  return (path) => {
    const data = path.endsWith(".data");
    const parts = (data ? path.slice(0, -".data".length) : path).split("/").filter(Boolean);
    if (data && parts.length === 1 && parts[0] === "_root") return "/_root.data";
    const match = patterns.find(
      (pattern) =>
        (pattern.splat ? parts.length >= pattern.segments.length : parts.length === pattern.segments.length) &&
        pattern.segments.every((segment, i) => segment.startsWith(":") || segment === parts[i]),
    );
    return `${match?.text ?? "(no route)"}${data ? ".data" : ""}`;
  };
}

/** Paths served outside Remix, named as they are. */
export const expressRoutes = ["/healthz", "/api/files/:id", "/assets/*"] as const;
