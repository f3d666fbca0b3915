import { describe, expect, it } from "vitest";
import { keptQuery, namespacesOf } from "./page-handle";

describe("keptQuery", () => {
  const handle = { query: { change: /^1$/, closed: /^$/ } };

  it("keeps the parameters a page reads, with the values they can mean, once each, in the address's order", () => {
    expect(keptQuery(handle, "?closed&change=1").toString()).toBe("closed=&change=1");
    expect(keptQuery(handle, "?change=1&change=1").toString()).toBe("change=1");
  });

  it("drops every other parameter, and a known one with a value it cannot mean", () => {
    expect(keptQuery(handle, "?x=guess&change=guess&closed=guess&lng=pl").toString()).toBe("");
    expect(keptQuery(handle, "?constructor=1&__proto__=1&toString=1").toString()).toBe("");
  });

  it("keeps nothing for a page that reads nothing from its address, or no handle at all", () => {
    expect(keptQuery({ exitThisPage: true }, "?change=1").toString()).toBe("");
    expect(keptQuery(undefined, "?change=1").toString()).toBe("");
  });
});

describe("namespacesOf", () => {
  const handle = { i18n: (params: Readonly<Record<string, string | undefined>>) => [params.journey ?? ""] };

  it("works a page's namespaces out from its address only once its loader has answered", () => {
    expect(namespacesOf(handle, { journey: "complaint" }, { title: "Make a complaint" })).toEqual(["complaint"]);
    // A 404 for an address nobody should have typed: what was typed is neither written into the page nor fetched.
    expect(namespacesOf(handle, { journey: "zqxguess" }, undefined)).toEqual([]);
  });

  it("gives a page's fixed namespaces whatever its loader did", () => {
    expect(namespacesOf({ i18n: ["pages"] }, {}, undefined)).toEqual(["pages"]);
    expect(namespacesOf(undefined, {}, undefined)).toEqual([]);
  });
});
