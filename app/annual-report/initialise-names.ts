// Names in a compliment's words replaced by initials before it is kept for the annual report's appendix, as the
// seed report's own quotations do ("thank you to CR", "H you are the best social worker ever").
//
// `names` are the names the person typed anywhere in their answers (their own, a child's, a worker's). Each
// name is replaced whole ("Chloe Robinson" becomes "CR"), and so is each part of it on its own ("Chloe" becomes
// "C"), in any mix of capitals, wherever it stands as a word of its own: followed by punctuation or an
// apostrophe ("Chloe's"), but never inside a longer word ("Ann" in "Annual" stays). Arabic joins a one-letter
// conjunction or preposition to the next word (و "and", ف, ب "with", ل "for", ك "like"), so a name straight after
// one of those is found too, and the letter is kept. Inflected forms are not found (Polish "Zofii" for "Zofia"):
// that is why every quotation is marked "check before publishing". A name part that is also a common word
// ("Will", "May") is replaced wherever it appears: a quotation that says too little is safer than one that
// names a child.

const letterOrDigit = "\\p{L}\\p{M}\\p{N}";
const arabicProclitics = "[\\u0648\\u0641\\u0628\\u0644\\u0643]";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The name's parts: words split on spaces and hyphens ("Mary-Jane O'Neill" is Mary, Jane, O'Neill). */
function partsOf(name: string): string[] {
  return name
    .split(/[\s\u2010\u2011\u2012\u2013\u2014-]+/u)
    .map((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ""))
    .filter((part) => part !== "");
}

function initialOf(part: string): string {
  const first = graphemes.segment(part)[Symbol.iterator]().next().value?.segment ?? "";
  return first.toLocaleUpperCase();
}

/** Case-folded, with runs of spaces as one and one kind of apostrophe, so a match finds its name however it was written. */
function keyOf(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase().replace(/\s+/gu, " ").replace(/[\u2019\u02bc]/gu, "'");
}

/** A name as a pattern: any run of spaces between its words, and either apostrophe. */
function patternOf(key: string): string {
  return key
    .split(" ")
    .map((word) => escapeRegExp(word).replace(/'/g, "['\u2019\u02bc]"))
    .join("\\s+");
}

/** Words that begin a description of someone rather than name them, capitalised or not ("My social worker"). */
const notNames = new Set(
  ["my", "our", "the", "a", "an", "and", "from", "at", "in", "of", "to", "for", "with", "team", "social", "worker", "workers", "nurse", "nurses", "health", "visitor", "visitors", "school", "clinic", "service", "services", "mr", "mrs", "ms", "miss", "dr", "mój", "moja", "moje", "moi", "nasz", "nasza", "nasze", "pan", "pani", "zespół", "pracownik", "pracowniczka", "socjalny", "socjalna", "szkoła"],
);

/**
 * The names in an answer that may be a name or a description ("Chloe Robinson", "my social worker", "Mrs Patel and
 * the health visiting team"): its words that begin with a capital letter, or belong to a script without capitals
 * (Arabic), less words that describe rather than name. A description's ordinary words would otherwise be replaced
 * wherever they appear ("the best social worker" becoming "the best S W").
 */
export function namesIn(answer: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length) names.push(run.join(" "));
    run = [];
  };
  // Words, and what stands between them: a name goes on across spaces ("Chloe Robinson"), not across anything else.
  for (const [, word, between] of answer.normalize("NFC").matchAll(/([\p{L}\p{M}\p{N}'\u2019\u02bc-]+)([^\p{L}\p{M}\p{N}'\u2019\u02bc-]*)/gu)) {
    const first = word!.charAt(0);
    const capital = first !== first.toLocaleLowerCase() || first.toLocaleLowerCase() === first.toLocaleUpperCase();
    if (word!.length > 1 && /^\p{L}/u.test(word!) && capital && !notNames.has(word!.toLocaleLowerCase())) run.push(word!);
    else endRun();
    if (!/^\s*$/u.test(between!)) endRun();
  }
  endRun();
  return names;
}

export function initialiseNames(text: string, names: readonly string[]): string {
  const replacements = new Map<string, string>();
  for (const name of names) {
    const parts = partsOf(name.normalize("NFC").trim());
    if (!parts.length) continue;
    const initials = parts.map(initialOf).join("");
    // As written ("Mary-Jane O'Neill") and as its words ("Mary Jane O'Neill").
    replacements.set(keyOf(name.trim()), initials);
    replacements.set(keyOf(parts.join(" ")), initials);
    for (const part of parts) if (!replacements.has(keyOf(part))) replacements.set(keyOf(part), initialOf(part));
  }
  if (!replacements.size) return text;
  // Longest first, so "Chloe Robinson" is replaced whole rather than as "C Robinson".
  const patterns = [...replacements.keys()].sort((a, b) => b.length - a.length).map(patternOf);
  const pattern = new RegExp(`(?<=^|[^${letterOrDigit}]|(?<![${letterOrDigit}])${arabicProclitics})(?:${patterns.join("|")})(?![${letterOrDigit}])`, "giu");
  return text.normalize("NFC").replace(pattern, (match) => replacements.get(keyOf(match)) ?? match);
}
