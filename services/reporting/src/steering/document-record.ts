import type { DocumentationEvent, DocumentKind } from '@hotline/domain';

/** A production document of a product (`document-<documentId>`); its text stays in the store. */
export interface DocumentRecord {
  readonly kind: 'document';
  readonly documentId: string;
  readonly product: string;
  readonly document: DocumentKind;
  readonly title: string;
  readonly link: string | null;
  readonly versions: { readonly from: string | null; readonly to: string | null };
  readonly attachedAt: string;
  readonly retiredAt: string | null;
}

export function foldDocumentRecord(record: DocumentRecord | undefined, event: DocumentationEvent): DocumentRecord {
  switch (event.type) {
    case 'ProductionDocumentAttached':
      return {
        kind: 'document',
        documentId: event.documentId,
        product: event.product,
        document: event.kind,
        title: event.title,
        link: event.link ?? null,
        versions: { from: event.versions.from ?? null, to: event.versions.to ?? null },
        attachedAt: event.at,
        retiredAt: null,
      };
    case 'ProductionDocumentRetired':
      if (record === undefined) throw new Error(`Document ${event.documentId}: retired before it was attached`);
      return { ...record, retiredAt: event.at };
  }
}
