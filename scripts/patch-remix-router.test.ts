import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createMemoryHistory, createRouter, matchPath, matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patchMarker, patchRouterSource } from "./patch-remix-router.mjs";

const require = createRequire(import.meta.url);

// The portal's own route tree, as Remix builds it from app/routes.
function portalRoutes(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        ...["accessibility-statement", "answers-deleted", "contact", "cookies", "exit", "privacy", "refused", "session/keep-alive"].map((p) => ({ id: `routes/${p}`, path: p })),
        { id: "routes/$journey._index", path: ":journey", index: true },
        { id: "routes/$journey.check-answers", path: ":journey/check-answers" },
        { id: "routes/$journey.confirmation", path: ":journey/confirmation" },
        { id: "routes/$journey.$page", path: ":journey/:page" },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const summary = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("the route-matching patch", () => {
  it("is in the installed @remix-run/router that the server loads", () => {
    const file = require.resolve("@remix-run/router");
    expect(file).toMatch(/router\.cjs\.js$/);
    expect(readFileSync(file, "utf8")).toContain(patchMarker);
  });

  it("applies once, and refuses a source it does not recognise rather than half apply", () => {
    const patched = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(patchRouterSource(patched)).toBe(patched);
    expect(() => patchRouterSource("function matchRoutes() {}")).toThrow(/expected exactly one/);
  });

  it("matches every path as a fresh, unremembered route list does", () => {
    const routes = portalRoutes();
    const segment = fc.oneof(fc.constantFrom("complaint", "advocate", "check-answers", "confirmation", "privacy", "session", "keep-alive", "", "%20", "ąę"), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), fc.boolean(), (segments, trailingSlash) => {
        const pathname = `/${segments.map(encodeURIComponent).join("/")}${trailingSlash ? "/" : ""}`;
        // The same list again (remembered) and a new copy of it (never seen) must agree.
        expect(summary(matchRoutes(routes, pathname))).toEqual(summary(matchRoutes(portalRoutes(), pathname)));
      }),
      { numRuns: 500 },
    );
    expect(summary(matchRoutes(routes, "/complaint/who-are-you"))?.at(-1)).toMatchObject({ id: "routes/$journey.$page", params: { journey: "complaint", page: "who-are-you" } });
    expect(summary(matchRoutes(routes, "/complaint"))?.at(-1)?.id).toBe("routes/$journey._index");
    expect(summary(matchRoutes(routes, "/session/keep-alive"))?.at(-1)?.id).toBe("routes/session/keep-alive");
  });

  it("keeps case sensitivity and partial patterns apart in the compiled-path memory", () => {
    expect(matchPath({ path: "/Complaint", caseSensitive: true }, "/complaint")).toBeNull();
    expect(matchPath({ path: "/Complaint", caseSensitive: false }, "/complaint")).not.toBeNull();
    expect(matchPath({ path: "/complaint", end: true }, "/complaint/service")).toBeNull();
    expect(matchPath({ path: "/complaint", end: false }, "/complaint/service")?.pathnameBase).toBe("/complaint");
  });

  it("forgets ranked routes when routes are added on navigation", () => {
    const router = createRouter({ routes: [{ id: "root", path: "/", children: [{ id: "a", path: "a" }] }], history: createMemoryHistory() });
    // Patching adds children to the route objects in place, so a list matched before must see them too.
    const before = router.routes;
    expect(matchRoutes(before, "/b")).toBeNull();
    router.patchRoutes("root", [{ id: "b", path: "b" }]);
    expect(matchRoutes(before, "/b")?.at(-1)?.route.id).toBe("b");
    expect(matchRoutes(router.routes, "/b")?.at(-1)?.route.id).toBe("b");
    router.dispose();
  });
});
