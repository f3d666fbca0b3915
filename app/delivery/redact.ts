// Error text from a remote server (a mail server, a case system) may quote what we sent it: a recipient's
// address, a phone number, words a person typed. Before such text is stored, logged or shown to operators it
// goes through here; only the shape of the failure is kept.
const emailAddress = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
const phoneLike = /\+?\d[\d\s().-]{5,}\d/g;
const bracketed = /<[^<>]{1,200}>/g;
const quoted = /(["'“‘])[^"'”’]{1,200}(["'”’])/g;

/** The failure's text without addresses, numbers of six or more digits, or anything quoted or bracketed. */
export function redactRemoteText(text: string, alsoHide: readonly string[] = []): string {
  let out = text;
  for (const value of alsoHide) if (value.trim().length >= 3) out = out.split(value).join("[redacted]");
  return out
    .replace(bracketed, "<[redacted]>")
    .replace(emailAddress, "[email]")
    .replace(quoted, "$1[redacted]$2")
    .replace(phoneLike, (match) => (match.replace(/\D/g, "").length >= 6 ? "[number]" : match))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .slice(0, 300);
}
