// What a list of emails, or a locked phone's notification, shows of an email after its subject: the first characters
// of its text. Mail apps take them from the HTML part where there is one (hidden text included, which is how an HTML
// email chooses its preview), and from the text part otherwise. Both are given, each as its first `length`
// characters with runs of white space as one space, as the apps show them.

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: "\u00a0", zwnj: "\u200c" };

function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? whole;
  });
}

/** The first `length` characters an inbox could show of each part (160: more than most phones show in a list). */
export function inboxPreview(email: { text: string; html: string }, length = 160): { text: string; html: string } {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(email.html)?.[1] ?? email.html;
  // Only the characters a browser would collapse: the blanks a preview is padded with are kept, as apps keep them.
  const collapse = (value: string) => value.replace(/[ \t\r\n]+/g, " ").trim();
  return {
    html: collapse(decode(body.replace(/<[^>]+>/g, " "))).slice(0, length),
    text: collapse(email.text).slice(0, length),
  };
}
