// "Listen to this page": the question read aloud by the browser's own speech synthesis, in the page's language.
// Nothing is sent anywhere. The button exists only with JavaScript and a voice for the page's language (checked
// after the page has loaded, so the server's page never has it); pressing it again stops, and once the reading
// has ended it offers to listen again. Everything it reads is what the page shows, in page order: the error summary,
// the heading, each question (a group's legend as well as a field's label), hints, each option's label and any error
// message, and what the page says around them (its paragraphs and lists, an inset such as "If a child is in danger
// now, call 999", a warning, an open "details"), and on check answers each answer with its question.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/translation/react";

/** What is read, in the order the page shows it. A piece inside another piece (a label inside the heading, the
 * heading inside a legend, a paragraph inside an inset) is read once. The note about how long answers are kept is
 * small print (`govuk-body-s`), not the page's, and is not read. */
const readable = [
  "h1",
  "h2",
  ".govuk-error-summary__title",
  ".govuk-error-summary__list a",
  ".govuk-fieldset__legend",
  ".govuk-label",
  ".govuk-hint",
  ".govuk-error-message",
  ".govuk-radios__label",
  ".govuk-checkboxes__label",
  "p.govuk-body",
  ".govuk-list > li",
  ".govuk-inset-text",
  ".govuk-warning-text__text",
  ".govuk-details__summary-text",
  ".govuk-details__text",
  ".govuk-summary-list__key",
  ".govuk-summary-list__value",
].join(", ");

export function pageText(root: ParentNode): string {
  const taken: Element[] = [];
  for (const element of root.querySelectorAll(readable)) {
    if (element.closest(".app-listen") || taken.some((outer) => outer.contains(element))) continue;
    // Hidden parts (an unrevealed conditional question, the honeypot) are not on the page for the person.
    if ((element as HTMLElement).offsetParent === null && getComputedStyle(element).position !== "fixed") continue;
    taken.push(element);
  }
  return taken
    // As shown: an inset's paragraphs apart ("call 999. If you are worried…"), not run together as in its text.
    .map((element) => ((element as HTMLElement).innerText ?? element.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(". ")
    .replace(/([.?!:])\./g, "$1");
}

function voiceFor(language: string): SpeechSynthesisVoice | null {
  const voices = window.speechSynthesis.getVoices();
  return voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === language.toLowerCase()) ?? null;
}

export function ListenButton() {
  const { t, i18n } = useTranslation("common");
  const language = i18n.language;
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [state, setState] = useState<"ready" | "speaking" | "spoken">("ready");
  const utterance = useRef<SpeechSynthesisUtterance | null>(null);
  // Every label the button can have, looked up in the server's render too (it renders nothing there): the page's
  // words then hold them all, and a state the person starts never waits for a locale file (decision 053).
  const labels = { ready: t("listen.start"), speaking: t("listen.stop"), spoken: t("listen.again") } as const;

  useEffect(() => {
    if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
    const find = () => setVoice(voiceFor(language));
    find();
    // Voices often arrive a moment after the page loads.
    window.speechSynthesis.addEventListener("voiceschanged", find);
    return () => {
      window.speechSynthesis.removeEventListener("voiceschanged", find);
      window.speechSynthesis.cancel();
    };
  }, [language]);

  if (!voice) return null;

  const toggle = () => {
    const synthesis = window.speechSynthesis;
    if (state === "speaking") {
      synthesis.cancel();
      setState("spoken");
      return;
    }
    const main = document.getElementById("main-content");
    if (!main) return;
    const spoken = new SpeechSynthesisUtterance(pageText(main));
    spoken.lang = language;
    spoken.onend = () => {
      if (utterance.current === spoken) setState("spoken");
    };
    utterance.current = spoken;
    synthesis.cancel();
    synthesis.speak(spoken);
    setState("speaking");
  };

  return (
    <div className="app-listen">
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-4" onClick={toggle}>
        {labels[state]}
      </button>
    </div>
  );
}
