/**
 * Every record a read model keeps would hold its own copy of the strings its events carried: the
 * same client, product, agent, nature and environment over and over (they are most of a record's
 * strings). Records keep one copy of each instead; a catalogue's worth of values, so the table is bounded (past the bound a
 * value is simply not shared).
 */
const INTERNED_AT_MOST = 50_000;
const interned = new Map<string, string>();

/** The one copy of a repeated value (ids, enums, event types) that records hold. */
export function intern<T extends string | undefined>(value: T): T {
  if (value === undefined) return value;
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  if (interned.size < INTERNED_AT_MOST) interned.set(value, value);
  return value;
}
