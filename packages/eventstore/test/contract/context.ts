import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoreOptions } from '../../src/index.ts';

export interface ContractOptions {
  /**
   * Leaves `stream` with four events whose second one (revision 1) was altered after it was
   * hashed, by whatever means the storage allows a forger (an UPDATE on the file, a raw write
   * past the store…); returns that event's id and stored hash.
   */
  forge(store: EventStore, stream: string): Promise<{ eventId: string; storedHash: string }>;
  /** Appenders racing on one stream in the contention test (1,000 by default). */
  concurrentAppends?: number;
}

export interface ContractContext {
  readonly options: ContractOptions;
  /** A store opened for the current test, closed after it. */
  store: EventStore;
  /** Another store for the current test (closed after it), for other options. */
  open(options?: StoreOptions): Promise<EventStore>;
}

/** A stream name no other test uses, even on a shared server. */
export function freshStream(category = 'ticket'): string {
  return `${category}-${randomUUID()}`;
}

export function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    type: 'TicketReceived',
    data: { title: 'Invoices are not printed', priority: 'P2' },
    actor: 'agent-7',
    ...overrides,
  };
}

export function events(count: number, type = 'TicketNoteAdded'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => anEvent({ type, data: { note: `note ${i}`, index: i } }));
}
