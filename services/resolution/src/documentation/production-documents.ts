import {
  type DocumentationEvent,
  documentationEventRegistry,
  inVersionRange,
  type ProductionDocument,
  type ProductionDocumentState,
  productionDocumentDecider,
  readStored,
} from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';

export const documentStreamPrefix = 'document-';
export const productionDocumentEventTypes = [...documentationEventRegistry.registrations.keys()];

/**
 * The production documents by product, for agents looking from a ticket: fed by a subscription on
 * `document-` streams and rebuilt from the whole log at start, like the resolved tickets.
 */
export class ProductionDocuments {
  readonly #documents = new Map<string, ProductionDocumentState>();

  apply(recorded: RecordedEvent): void {
    const event = readStored(documentationEventRegistry, recorded) as DocumentationEvent;
    const current = this.#documents.get(event.documentId) ?? productionDocumentDecider.initialState;
    this.#documents.set(event.documentId, productionDocumentDecider.evolve(current, event));
  }

  /** The documents in force on the product, for `version` when given (its range includes it), oldest first. */
  of(product: string, version?: string): ProductionDocument[] {
    return [...this.#documents.values()].filter(
      (document): document is ProductionDocument =>
        document.status === 'attached' &&
        document.product === product &&
        (version === undefined || inVersionRange(version, document.versions)),
    );
  }
}
