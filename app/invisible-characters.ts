// Characters with no visible form, listed once: the soft hyphen, the Arabic letter mark, the Hangul fillers, the
// Mongolian vowel separator, zero-width spaces, joiners and marks, the bidi embeddings, overrides and isolates, the
// word joiner and invisible operators, and the byte order mark. An answer made only of them is no answer
// (app/journeys/field-schemas.ts), and a reference copied with them is read without them (app/reference.ts).

/** The characters, as the body of a regular expression's character class. */
export const noVisibleFormClass = "\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\u3164\\ufeff\\uffa0";
