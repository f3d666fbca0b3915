// Every string in a locale file, by its dotted key ("pages.service.fields.service.options.not-sure.label"; an array's
// items by their index), for tests that read the words themselves.
export function localeStrings(value: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === "string") {
    found.set(prefix, value);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [childKey, text] of localeStrings(child, prefix ? `${prefix}.${key}` : key)) found.set(childKey, text);
    }
  } else {
    found.set(prefix, String(value));
  }
  return found;
}
