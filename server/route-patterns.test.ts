import { describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { routePatterns } from "./route-patterns";

const routes = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/$journey._index": { id: "routes/$journey._index", parentId: "root", path: ":journey", index: true },
  "routes/$journey.$page": { id: "routes/$journey.$page", parentId: "root", path: ":journey/:page" },
  "routes/$journey.check-answers": { id: "routes/$journey.check-answers", parentId: "root", path: ":journey/check-answers" },
  "routes/progress.code": { id: "routes/progress.code", parentId: "root", path: "progress/code" },
  "routes/$": { id: "routes/$", parentId: "root", path: "*" },
} as unknown as ServerBuild["routes"];

describe("route patterns for logs", () => {
  const patternOf = routePatterns(routes);
  it("names the most specific route a path matches, never the path", () => {
    expect(patternOf("/complaint/check-answers")).toBe("/:journey/check-answers");
    expect(patternOf("/complaint/service")).toBe("/:journey/:page");
    expect(patternOf("/progress/code")).toBe("/progress/code");
    expect(patternOf("/complaint")).toBe("/:journey");
    expect(patternOf("/")).toBe("/");
    expect(patternOf("/complaint/service.data")).toBe("/:journey/:page.data");
    expect(patternOf("/_root.data")).toBe("/_root.data");
  });
  it("never echoes what a client sent", () => {
    expect(patternOf("/a/b/c/C-7K4M-2Q9P-W")).toBe("/*");
    expect(patternOf("/evil<script>/1/2/3")).toBe("/*");
    expect(patternOf("/%E0%A4%A/C-7K4M-2Q9P-W")).toBe("/:journey/:page");
  });
});
