/**
 * The dotted path of the first string (value or key) holding an unpaired surrogate, if any. JSON
 * and JavaScript can hold one (`"\ud800"`), UTF-8 cannot: a store writing text as UTF-8 keeps
 * U+FFFD instead, and the event's hash, computed over the text as sent, no longer verifies.
 */
export function unpairedSurrogateAt(value: unknown, path: readonly string[] = []): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : path.join('.');
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, key];
    if (!key.isWellFormed()) return at.join('.');
    const found = unpairedSurrogateAt(inner, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
