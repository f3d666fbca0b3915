// Digits as Arabic, Persian and Urdu phone keyboards type them (٠١٢٣٤٥٦٧٨٩, ۰۱۲۳۴۵۶۷۸۹), and full-width ones, read
// as 0 to 9 wherever a number is asked for: a reference, a code, an age, a date, a phone number, a postcode.
// Never in free text, which is kept as the person wrote it.
const otherDigits = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;

export function asciiDigits(value: string): string {
  // Each of these blocks runs from a code point ending in 0: its last hex digit is the digit's value.
  return value.replace(otherDigits, (digit) => String(digit.charCodeAt(0) & 0xf));
}
