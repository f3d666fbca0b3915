// The code email as an inbox shows it: nothing in the subject or the preview that someone who sees the person's
// notifications could use, in every language; the code inside, with how long it works.
import { describe, expect, it } from "vitest";
import { councilIn, councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { supportedLanguages } from "~/i18n";
import { createTranslations } from "~/services/translations.server";
import { inboxPreview } from "../tests/support/inbox-preview";
import { renderProgressCode } from "./progress-code";

const council = councilSettingsSchema.parse(exampleCouncil);
const translations = createTranslations(council.timetable);

describe.each(supportedLanguages)("the code email in %s", (language) => {
  const t = translations[language]!.getFixedT(language, ["emails", "common"]);
  const email = renderProgressCode({ code: "482917", minutes: 15, language, council, t });

  it("shows the code neither in its subject nor in what a list of emails or a locked phone shows", () => {
    expect(email.subject).not.toContain("482917");
    const preview = inboxPreview(email);
    expect(preview.html).toContain(t("emails:progressCode.preview"));
    expect(preview.html).not.toMatch(/\d/);
    // A mail app that shows only the text part: the code is well past what it shows in a list.
    expect(preview.text).not.toContain("482917");
    expect(email.text.indexOf("482917")).toBeGreaterThan(160);
  });

  it("gives the code, and how long it works, once opened", () => {
    expect(email.text).toContain(t("emails:progressCode.code", { code: "482917" }));
    expect(email.html).toContain(t("emails:progressCode.code", { code: "482917" }));
    expect(email.text).toContain(t("emails:progressCode.expires", { count: 15 }));
  });

  it("tells someone who did not ask for it not to pass it on, and the number to call", () => {
    expect(email.text).toContain(t("emails:progressCode.ignore", { phone: councilIn(council, language).contact.phone }));
    expect(email.text).toContain(councilIn(council, language).contact.phone);
    expect(email.text + email.html).not.toContain("{{");
  });
});
