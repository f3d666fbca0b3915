// The code for "Check your complaint". It says nothing about the complaint: only where to enter the code, that it
// can be ignored, the code and how long it works. Sent only where app/delivery/contact-permission.ts allows.
//
// The code opens the case to whoever asked for it, so it shows neither in the subject nor in the preview that a list
// of emails or a locked phone shows after it: an adult who sees a child's notifications, and has asked for a code with
// the child's reference, must not read it there. The HTML's preview is a line that says nothing; the text begins
// with where to enter it, and the code comes after that (decision 086).
import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./email-document";

export function renderProgressCode({ code, minutes, language, t }: { code: string; minutes: number; language: string; t: TFunction }): RenderedEmail {
  return renderEmail({
    language,
    subject: t("emails:progressCode.subject"),
    preview: t("emails:progressCode.preview"),
    blocks: [
      { kind: "heading", level: 1, text: t("emails:progressCode.heading") },
      { kind: "paragraph", text: t("emails:progressCode.intro") },
      { kind: "paragraph", text: t("emails:progressCode.ignore") },
      { kind: "paragraph", text: t("emails:progressCode.code", { code }) },
      { kind: "paragraph", text: t("emails:progressCode.expires", { count: minutes }) },
    ],
  });
}
