import type { EventData, RecordedEvent } from './envelope.ts';

/**
 * Brings data stored under an old schema version to the current one. Called on every read with
 * the stored type, version and data; returns them unchanged when there is nothing to do.
 */
export type Upcaster = (
  type: string,
  schemaVersion: number,
  data: EventData,
) => { schemaVersion: number; data: EventData };

export function upcastEvent(upcast: Upcaster | undefined, event: RecordedEvent): RecordedEvent {
  if (upcast === undefined) return event;
  const current = upcast(event.type, event.schemaVersion, event.data);
  if (current.schemaVersion === event.schemaVersion && current.data === event.data) return event;
  return { ...event, schemaVersion: current.schemaVersion, data: current.data };
}
