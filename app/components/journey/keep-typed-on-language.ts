// With JavaScript, a question page's language links keep what is typed: a click sends the page's form with the
// language asked for (languageSwitchField), and the page comes back in that language with the answers still in it.
// Without JavaScript the links are plain links, as everywhere else. Only the language navigation's links have
// `hreflang`.
import { useEffect, type RefObject } from "react";
import { languageSwitchField } from "~/journeys/language-switch";

export function useKeepTypedOnLanguageChange(formRef: RefObject<HTMLFormElement>) {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const form = formRef.current;
      const link = (event.target as Element).closest<HTMLAnchorElement>("a[hreflang]");
      // A new tab or window keeps this page as it is: only a plain click changes it.
      if (!form || !link || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const input = form.appendChild(Object.assign(document.createElement("input"), { type: "hidden", name: languageSwitchField, value: link.hreflang }));
      // The form's own submit, not a Remix navigation: the new language's words come with a whole page, as the
      // link's do. What it sends is read as it is called, so the field comes out again at once: a page kept for Back
      // must not send it with its Continue.
      HTMLFormElement.prototype.submit.call(form);
      input.remove();
    };
    addEventListener("click", onClick);
    return () => removeEventListener("click", onClick);
  }, [formRef]);
}
