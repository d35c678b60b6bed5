import { domainEventRegistry } from '@hotline/domain';
import type { EventStore, RecordedEvent } from '@hotline/eventstore';

export const describeEvents = (events: readonly RecordedEvent[]) =>
  events.map((event) => `${event.position} ${event.stream} ${event.type} (correlation ${event.correlationId})`);

/**
 * What would make the store a liar after the run: a broken hash chain anywhere, or an event the
 * domain's registry cannot read back (a half-valid payload written past validation).
 */
export async function storeFaults(store: EventStore): Promise<string[]> {
  const faults: string[] = [];
  const verified = await store.verify();
  if (!verified.ok) {
    const { stream, revision, reason } = verified.break;
    faults.push(`hash chain broken in ${stream} at revision ${revision}: ${reason}`);
  }
  for (const event of await store.readAll()) {
    const read = domainEventRegistry.parseEvent(event.type, event.schemaVersion, event.data);
    if (!read.ok) faults.push(`${event.stream}@${event.revision} ${event.type}: ${read.error.message}`);
  }
  return faults;
}
