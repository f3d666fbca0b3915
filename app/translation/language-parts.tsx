// Words of another language inside a translation, marked `<en>…</en>` in the locale file: the English name a Polish
// page gives beside its own ("Osoba, która opuściła pieczę zastępczą (<en>care leaver</en>)"), so the person knows
// the word staff will use. Shown in a `<span lang="en">`, a screen reader says them with English sounds (WCAG 3.1.2).
// Only the words that a question's fields show carry the mark (an option's label and hint, a question's hint):
// `locales/locales.test.ts` holds every other string to none, since it would be shown as it is.
import { Fragment, type ReactNode } from "react";

const part = /<en>([^<]*)<\/en>/g;

/** The translation for a page: its English words in a span that says so. */
export function languageParts(text: string): ReactNode {
  if (!text.includes("<en>")) return text;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(part)) {
    if (match.index > at) pieces.push(text.slice(at, match.index));
    pieces.push(
      <span lang="en" key={match.index}>
        {match[1]}
      </span>,
    );
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <Fragment>{pieces}</Fragment>;
}
