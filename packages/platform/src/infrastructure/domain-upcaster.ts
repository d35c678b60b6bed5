import { domainEventRegistry } from '@hotline/domain';
import type { EventData, Upcaster } from '@hotline/eventstore';

/**
 * The store reads every event through the domain's registry: old versions come out current. Only
 * events at an older version are touched, so the usual read costs a map lookup. An event the
 * registry cannot read is a corrupt or foreign record: failing loudly beats a silent wrong state.
 */
export const domainUpcaster: Upcaster = (type, schemaVersion, data) => {
  const registered = domainEventRegistry.registrations.get(type);
  if (registered === undefined || registered.currentVersion === schemaVersion) return { schemaVersion, data };
  const upcast = domainEventRegistry.upcast(type, schemaVersion, data);
  if (!upcast.ok) throw new Error(`${upcast.error.code}: ${upcast.error.message}`);
  return { schemaVersion: registered.currentVersion, data: upcast.value as EventData };
};
