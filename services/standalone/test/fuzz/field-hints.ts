import type { EventStore } from '@hotline/eventstore';
import fc from 'fast-check';
import type { FieldHints } from './json-schema.ts';

const MAX_PER_FIELD = 40;
const MAX_LENGTH = 60;

/**
 * The values the store holds, by field name (`ticketId`, `clientId`, `product`, `by`…) and by stream
 * kind (`ticket-T1` gives `ticketId` T1): valid-looking requests then name real tickets, contracts
 * and agents, and get past the "not found" to the rules behind.
 */
export async function fieldHintsFrom(store: EventStore): Promise<FieldHints> {
  const pools = new Map<string, Set<string>>();
  const add = (name: string, value: string) => {
    if (value.length === 0 || value.length > MAX_LENGTH) return;
    const pool = pools.get(name) ?? new Set<string>();
    if (pool.size < MAX_PER_FIELD) pool.add(value);
    pools.set(name, pool);
  };
  const walk = (value: unknown, name: string): void => {
    if (typeof value === 'string') add(name, value);
    else if (Array.isArray(value)) for (const item of value) walk(item, name);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(inner, key);
    }
  };
  for (const event of await store.readAll()) {
    const dash = event.stream.indexOf('-');
    if (dash > 0) add(`${event.stream.slice(0, dash)}Id`, event.stream.slice(dash + 1));
    walk(event.data, '');
    add('by', event.actor);
  }
  const arbitraries = new Map([...pools].map(([name, values]) => [name, fc.constantFrom(...values)]));
  return (name) => arbitraries.get(name);
}
