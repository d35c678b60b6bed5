import { expect } from 'vitest';
import { type EventStore, NO_STREAM } from '../../src/index.ts';
import { events } from './context.ts';

/** Appends four events honestly, then lets `edit` change the second one where it is stored. */
export async function forgeAfterAppend(
  store: EventStore,
  stream: string,
  edit: (revision: bigint) => void,
): Promise<{ eventId: string; storedHash: string }> {
  await store.append(stream, events(4), { expectedRevision: NO_STREAM });
  const [, second] = await store.readStream(stream);
  if (second === undefined) throw new Error(`${stream} has no second event`);
  edit(1n);
  const [, edited] = await store.readStream(stream);
  expect(edited?.data).not.toEqual(second.data);
  return { eventId: second.id, storedHash: second.hash };
}
