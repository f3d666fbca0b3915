import { describe, expect, it } from "vitest";
import { pathAsWritten } from "./path-as-written";

describe("a request's path", () => {
  it.each(["/", "/complaint/service", "/complaint/service.data", "/api/case-events", "/assets/shared-BvNFksA-.js", "/complaint/%E0%A4%A-", "/progress/code", "/complaint/service.", "/complaint/service?change=1", "/?lng=pl&x=/../y"])("is taken as written: %s", (path) => {
    expect(pathAsWritten(path)).toBe(true);
  });

  it.each([
    "/api/../complaint/service",
    "/api/%2e%2e/progress",
    "/api/%2E%2E/complaint/check-answers",
    "/api/./../complaint/service",
    "/complaint/./service",
    "/complaint/..",
    "/\\evil.example/x",
    "//evil.example/x",
    "/..//evil.example/x",
    "/complaint\\service",
    "/complaint/{service}",
    "complaint/service",
    "",
    "http://evil.example/complaint/service",
    "*",
    "//evil.example/x?lng=pl",
    "/api/../complaint/service?x=1",
  ])("is refused when the URL parser would read it as another: %s", (path) => {
    expect(pathAsWritten(path)).toBe(false);
  });
});
