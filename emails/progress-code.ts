// The code for "Check your complaint". It says nothing about the complaint: only the code, how long it works,
// and that it can be ignored. Sent only where app/delivery/contact-permission.ts allows.
import type { TFunction } from "i18next";
import { renderEmail, type RenderedEmail } from "./email-document";

export function renderProgressCode({ code, minutes, language, t }: { code: string; minutes: number; language: string; t: TFunction }): RenderedEmail {
  return renderEmail({
    language,
    // The subject shows on a locked phone and in a list of emails: the code is only inside.
    subject: t("emails:progressCode.subject"),
    blocks: [
      { kind: "heading", level: 1, text: t("emails:progressCode.heading") },
      { kind: "paragraph", text: t("emails:progressCode.code", { code }) },
      { kind: "paragraph", text: t("emails:progressCode.expires", { count: minutes }) },
      { kind: "paragraph", text: t("emails:progressCode.ignore") },
    ],
  });
}
