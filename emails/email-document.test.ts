import { describe, expect, it } from "vitest";
import { renderEmail } from "./email-document";

describe("renderEmail", () => {
  it("gives the language and direction on the wrapper too, which webmail keeps when it drops <html>", () => {
    const { html } = renderEmail({ language: "ar", subject: "رمزك", blocks: [{ kind: "paragraph", text: "مرحبا" }] });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/<div lang="ar" dir="rtl" style="[^"]*text-align: right;/);
    expect(renderEmail({ language: "pl", subject: "Kod", blocks: [] }).html).toMatch(/<div lang="pl" dir="ltr" style="[^"]*text-align: left;/);
  });

  it("lets a long address break rather than push a phone's screen sideways", () => {
    expect(renderEmail({ language: "en", subject: "We have your complaint", blocks: [] }).html).toMatch(/<div [^>]*style="[^"]*overflow-wrap: anywhere; word-break: break-word;/);
  });
});
