import {
  type FaqEntry,
  type FaqEntryState,
  type FaqEvent,
  faqEntryDecider,
  faqEventRegistry,
  readStored,
} from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';

export const faqStreamPrefix = 'faq-';
export const faqEventTypes = [...faqEventRegistry.registrations.keys()];

/** The FAQ entries by product, as clients read them: fed by a subscription on `faq-` streams, rebuilt at start. */
export class FaqEntries {
  readonly #entries = new Map<string, FaqEntryState>();

  apply(recorded: RecordedEvent): void {
    const event = readStored(faqEventRegistry, recorded) as FaqEvent;
    const current = this.#entries.get(event.entryId) ?? faqEntryDecider.initialState;
    this.#entries.set(event.entryId, faqEntryDecider.evolve(current, event));
  }

  /** The entries published for the product, in the order they were first published. */
  publishedFor(product: string): FaqEntry[] {
    return [...this.#entries.values()].filter(
      (entry): entry is FaqEntry => entry.status === 'published' && entry.product === product,
    );
  }
}
