import { describe, expect, it } from "vitest";
import { inboxPreview } from "../tests/support/inbox-preview";
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

  it("keeps a reference on one line, left to right, in the HTML, and leaves the text part as written", () => {
    const { html, text } = renderEmail({ language: "ar", subject: "C-7K4M-2Q9P-W", blocks: [{ kind: "paragraph", text: "رقمك المرجعي هو C-7K4M-2Q9P-W. احتفظ به." }, { kind: "list", items: ["E-0000-0000-0 and C-7K4M-2Q9P-WX"] }] });
    expect(html).toContain('رقمك المرجعي هو <span dir="ltr" style="white-space: nowrap;">C-7K4M-2Q9P-W</span>. احتفظ به.');
    expect(html).toContain('<li><span dir="ltr" style="white-space: nowrap;">E-0000-0000-0</span> and C-7K4M-2Q9P-WX</li>');
    expect(html).toContain("<title>C-7K4M-2Q9P-W</title>");
    expect(text).toContain("رقمك المرجعي هو C-7K4M-2Q9P-W. احتفظ به.");
  });

  it("makes a web address in words of ours a link, left to right, without the full stop that ends its sentence; never one someone typed", () => {
    const { html, text } = renderEmail({ language: "ar", subject: "x", blocks: [{ kind: "paragraph", links: true, text: "اذهب إلى https://complaints.example.org/progress?lng=ar&x=1 وأدخل رقمك. Or https://example.org/a." }] });
    expect(html).toContain('اذهب إلى <a href="https://complaints.example.org/progress?lng=ar&amp;x=1" dir="ltr">https://complaints.example.org/progress?lng=ar&amp;x=1</a> وأدخل رقمك.');
    expect(html).toContain('Or <a href="https://example.org/a" dir="ltr">https://example.org/a</a>.');
    expect(text).toContain("https://complaints.example.org/progress?lng=ar&x=1 ");
    const typed = renderEmail({ language: "en", subject: "x", blocks: [{ kind: "rows", rows: [{ key: "What happened", value: "See https://evil.example/x" }] }, { kind: "paragraph", text: "https://evil.example/y" }] }).html;
    expect(typed).not.toContain("<a ");
  });

  it("gives a list of emails its preview, hidden when the email is open, and nothing of the email after it", () => {
    const blocks = [{ kind: "heading", level: 1, text: "Your code" }, { kind: "paragraph", text: "Your code is 482917." }] as const;
    const withPreview = renderEmail({ language: "en", subject: "Your code", preview: "Open this email to see your code.", blocks });
    expect(withPreview.html).toMatch(/<body[^>]*>\n<div style="display: none; max-height: 0; overflow: hidden; mso-hide: all;">Open this email to see your code\./);
    expect(inboxPreview(withPreview, 300).html).toMatch(/^Open this email to see your code\.[\u034f\u200c\u00a0]+$/);
    // Without one, an inbox shows the email's first words.
    expect(inboxPreview(renderEmail({ language: "en", subject: "Your code", blocks }), 400).html).toBe("Your code Your code is 482917.");
  });
});
