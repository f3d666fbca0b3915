import { describe, expect, it } from "vitest";
import { leadingSlashesCollapsed, pathAsWritten, strayEscapesEscaped, withoutDataParameter } from "./path-as-written";

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

  it.each([
    ["/complaint/serv%", "/complaint/serv%25"],
    ["/complaint/%E0%A4%A-", "/complaint/%25E0%25A4%25A-"],
    ["/%?lng=pl", "/%25?lng=pl"],
    ["/complaint/%E0.data?x=%E0", "/complaint/%25E0.data?x=%E0"],
  ])("has an escape that decodes to nothing escaped, its query kept: %s", (target, read) => {
    expect(strayEscapesEscaped(target)).toBe(read);
    expect(pathAsWritten(read)).toBe(true);
    expect(() => decodeURIComponent(read.split("?")[0]!)).not.toThrow();
  });

  it.each([
    ["//progress", "/progress"],
    ["///complaint/service?lng=pl", "/complaint/service?lng=pl"],
    ["//evil.example/x", "/evil.example/x"],
    ["//", "/"],
  ])("with several leading slashes is sent to the same path with one: %s", (target, to) => {
    expect(leadingSlashesCollapsed(target)).toBe(to);
  });

  it.each(["/progress", "//\\evil.example/x", "//..//evil.example/x", "//api/../complaint/service", "http://evil.example//x"])("is not sent anywhere when one slash would not make it a path read as written: %s", (target) => {
    expect(leadingSlashesCollapsed(target)).toBeNull();
  });

  it.each(["/", "/complaint/service?change=1", "/complaint/%C5%BC%C3%B3%C5%82w", "/complaint/100%25", "/x?q=%"])("is left as it is when every escape decodes: %s", (target) => {
    expect(strayEscapesEscaped(target)).toBe(target);
  });

  it.each([
    ["/?_data=x", "/"],
    ["/privacy?_data=routes/privacy&lng=pl", "/privacy?lng=pl"],
    ["/complaint/service?lng=ar&%5Fdata=root&change=1", "/complaint/service?lng=ar&change=1"],
    ["/x?_data&_data=1&q=%E0", "/x?q=%E0"],
  ])("has Remix's old data parameter taken out, the rest as written: %s", (target, read) => {
    expect(withoutDataParameter(target)).toBe(read);
  });

  it.each(["/", "/complaint/service?change=1", "/x?data=1&my_data=2", "/x?q=%", "/data/_data"])("keeps a target without that parameter as it is: %s", (target) => {
    expect(withoutDataParameter(target)).toBe(target);
  });
});
