import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createMemoryHistory, createRouter, matchPath, matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPatch, patches, patchMarker, requestMarker } from "./patch-remix.mjs";

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

const [routerPatch, serverRuntimePatch] = patches as [(typeof patches)[number], (typeof patches)[number]];

const summary = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("the route-matching patch", () => {
  it("is in the installed @remix-run/router that the server loads", () => {
    const file = require.resolve("@remix-run/router");
    expect(file).toMatch(/router\.cjs\.js$/);
    expect(readFileSync(file, "utf8")).toContain(patchMarker);
  });

  it("applies once, and refuses a source it does not recognise rather than half apply", () => {
    const patched = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(applyPatch(patched, routerPatch)).toBe(patched);
    expect(() => applyPatch("function matchRoutes() {}", routerPatch)).toThrow(/expected exactly one/);
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

  it("gives each caller its own matches, sharing one params object as fresh ones do", () => {
    const routes = portalRoutes();
    const first = matchRoutes(routes, "/complaint/who-are-you")!;
    const fresh = matchRoutes(portalRoutes(), "/complaint/who-are-you")!;
    expect(new Set(first.map((m) => m.params)).size).toBe(new Set(fresh.map((m) => m.params)).size);
    (first[first.length - 1]!.params as Record<string, string>).page = "changed";
    first.pop();
    const again = matchRoutes(routes, "/complaint/who-are-you")!;
    expect(summary(again)).toEqual(summary(fresh));
    expect(again).not.toBe(first);
    // A long address is matched afresh each time rather than held in memory, with the same result.
    const long = `/complaint/${"a".repeat(600)}`;
    expect(summary(matchRoutes(routes, long))).toEqual(summary(matchRoutes(portalRoutes(), long)));
    expect(matchRoutes(routes, long)).not.toBe(matchRoutes(routes, long));
    // Partial matching and a basename are part of what is remembered.
    expect(matchRoutes(routes, "/council/complaint", "/council")?.at(-1)?.route.id).toBe("routes/$journey._index");
    expect(matchRoutes(routes, "/complaint", "/council")).toBeNull();
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

describe("the request-stripping patch", () => {
  // Remix's own function that calls an action, as the server loads it.
  const { callRouteAction } = require("@remix-run/server-runtime/dist/data.js") as {
    callRouteAction: (args: { loadContext: unknown; action: (args: { request: Request }) => unknown; params: object; request: Request; routeId: string; singleFetch: boolean }) => Promise<unknown>;
  };
  const requestSeenBy = async (request: Request, singleFetch = true) => {
    let seen: Request | null = null;
    await callRouteAction({ loadContext: {}, params: {}, routeId: "r", singleFetch, request, action: ({ request: given }) => ((seen = given), null) });
    return seen! as Request;
  };
  const post = (url: string) => new Request(url, { method: "POST", body: "service=public-health", headers: { "Content-Type": "application/x-www-form-urlencoded" } });

  it("is in the installed @remix-run/server-runtime, and applies once", () => {
    const source = readFileSync(require.resolve("@remix-run/server-runtime/dist/data.js"), "utf8");
    expect(source).toContain(requestMarker);
    expect(applyPatch(source, serverRuntimePatch)).toBe(source);
    expect(() => applyPatch("function stripIndexParam() {}", serverRuntimePatch)).toThrow(/expected exactly one/);
  });

  it("hands an action the request itself, body unread, when there is nothing to strip", async () => {
    for (const url of ["http://x/complaint/service", "http://x/complaint/service?change=1", "http://x/a?indexed=1&data=2"]) {
      const request = post(url);
      const seen = await requestSeenBy(request);
      expect(seen).toBe(request);
      expect(await seen.text()).toBe("service=public-health");
    }
    const request = post("http://x/a?b=1");
    expect(await requestSeenBy(request, false)).toBe(request);
  });

  it("still strips what Remix strips, keeping the body", async () => {
    const cases = [
      ["http://x/a?index&change=1", "http://x/a?change=1"],
      ["http://x/a?%69ndex=", "http://x/a"],
      ["http://x/a?index=kept", "http://x/a?index=kept"],
      ["http://x/a?_routes=routes%2Fa&change=1", "http://x/a?change=1"],
      ["http://x/a?index#x", "http://x/a#x"],
    ] as const;
    for (const [url, expected] of cases) {
      const seen = await requestSeenBy(post(url));
      expect(seen.url).toBe(expected);
      expect(seen.method).toBe("POST");
      expect(await seen.text()).toBe("service=public-health");
    }
    expect((await requestSeenBy(post("http://x/a?_data=routes%2Fa&b=1"), false)).url).toBe("http://x/a?b=1");
  });
});
