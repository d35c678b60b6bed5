import { SharedValues } from './shared-values.ts';

/**
 * Every record a read model keeps would hold its own copy of the strings its events carried: the
 * same client, product, agent, nature and environment over and over (they are most of a record's
 * strings). Records keep one copy of each instead; a catalogue's worth of values, so the table is bounded (past the bound a
 * value is simply not shared).
 */
const interned = new SharedValues<string>(50_000);

/** The one copy of a repeated value (ids, enums, event types) that records hold. */
export function intern<T extends string | undefined>(value: T): T {
  return value === undefined ? value : (interned.share(value, () => value) as T);
}
