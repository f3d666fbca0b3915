// A question page's language links send what is typed so far with them (with JavaScript): the page comes back in
// the new language with the answers still in it, not checked yet (app/components/journey/keep-typed-on-language.ts).
// The field the script adds to the page's form, named once for the script and the page's action: a post that has it
// is a language switch, never an answer (no question is called this).
export const languageSwitchField = "lng";
