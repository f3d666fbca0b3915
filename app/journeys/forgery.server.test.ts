import { describe, expect, it } from "vitest";
import { sameSitePath } from "./forgery.server";

describe("the refused page's way back", () => {
  it("keeps a path on this site", () => {
    expect(sameSitePath("/complaint/service")).toBe("/complaint/service");
    expect(sameSitePath("/")).toBe("/");
    expect(sameSitePath(null)).toBe("/");
  });

  it("never leads to another host, however it is written", () => {
    for (const back of ["//evil.example", "//evil", "/\\evil.example", "\\\\evil.example", "https://evil.example/", "http:evil.example", "/%2F%2Fevil.example", "javascript:alert(1)", " //evil", "/\t/evil", "/complaint/../..//evil", "evil.example"]) {
      const path = sameSitePath(back);
      expect(new URL(path, "https://portal.invalid/").origin, back).toBe("https://portal.invalid");
      expect(path.startsWith("//"), back).toBe(false);
      expect(path.startsWith("/"), back).toBe(true);
    }
    expect(sameSitePath("//evil")).toBe("/");
    expect(sameSitePath("/\\evil.example")).toBe("/");
  });
});
