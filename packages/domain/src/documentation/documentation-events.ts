import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';

const Text = z.string().trim().min(1);

export const DocumentKind = z.enum(['release_notes', 'known_issue', 'installation_guide', 'operating_procedure']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The versions a document applies to, both ends included; without ends, every version of the product. */
export const DocumentVersions = z.object({ from: Text.optional(), to: Text.optional() });

/**
 * Production documentation of a product (`document-<documentId>`): agents find it from a ticket by its
 * product and version. It holds a link to the document, its text, or both.
 */
export const ProductionDocumentAttached = eventSchema('ProductionDocumentAttached', 1, {
  documentId: EntityId,
  product: ProductCode,
  kind: DocumentKind,
  title: Text,
  link: z.url().optional(),
  text: Text.optional(),
  versions: DocumentVersions,
  by: ActorId,
  at: Instant,
});
export type ProductionDocumentAttached = z.infer<typeof ProductionDocumentAttached>;

/** Obsolete (a known issue fixed, notes superseded): no longer offered, still readable by id. */
export const ProductionDocumentRetired = eventSchema('ProductionDocumentRetired', 1, {
  documentId: EntityId,
  reason: Text,
  by: ActorId,
  at: Instant,
});

export const documentationEventSchemas = [ProductionDocumentAttached, ProductionDocumentRetired] as const;
export const DocumentationEvent = z.discriminatedUnion('type', documentationEventSchemas);
export type DocumentationEvent = z.infer<typeof DocumentationEvent>;
export const documentationEvent = eventFactory<DocumentationEvent>(documentationEventSchemas);
