// The code for "Check your complaint". It says nothing about the complaint: only where to enter the code, what to do
// if it was not asked for, the code and how long it works. Sent only where app/delivery/contact-permission.ts allows.
//
// The code opens the case to whoever asked for it, so it shows neither in the subject nor in the preview that a list
// of emails or a locked phone shows after it: an adult who sees a child's notifications, and has asked for a code with
// the child's reference, must not read it there. The HTML's preview is a line that says nothing; the text begins
// with where to enter it, and the code comes after that (decision 086).
import type { TFunction } from "i18next";
import { councilIn, type CouncilSettings } from "~/config/council-schema";
import { renderEmail, type RenderedEmail } from "./email-document";

export function renderProgressCode({ code, minutes, language, council, t }: { code: string; minutes: number; language: string; council: CouncilSettings; t: TFunction }): RenderedEmail {
  return renderEmail({
    language,
    subject: t("emails:progressCode.subject"),
    preview: t("emails:progressCode.preview"),
    blocks: [
      { kind: "heading", level: 1, text: t("emails:progressCode.heading") },
      { kind: "paragraph", text: t("emails:progressCode.intro") },
      // A code nobody asked for may be someone else's try with the person's reference: not to be passed on, and who
      // to call.
      { kind: "paragraph", text: t("emails:progressCode.ignore", { phone: councilIn(council, language).contact.phone }) },
      { kind: "paragraph", text: t("emails:progressCode.code", { code }) },
      { kind: "paragraph", text: t("emails:progressCode.expires", { count: minutes }) },
    ],
  });
}
