import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';

const Text = z.string().trim().min(1);

/**
 * A FAQ entry for clients (`faq-<entryId>`), written from a knowledge article in the clients' words;
 * `ticketIds` are the tickets it answered, so its usefulness can be shown. Publishing again after an
 * unpublication replaces the entry's content.
 */
export const FaqEntryPublished = eventSchema('FaqEntryPublished', 1, {
  entryId: EntityId,
  articleId: EntityId,
  question: Text,
  answer: Text,
  product: ProductCode,
  ticketIds: z.array(EntityId),
  by: ActorId,
  at: Instant,
});
export type FaqEntryPublished = z.infer<typeof FaqEntryPublished>;

export const FaqEntryUnpublished = eventSchema('FaqEntryUnpublished', 1, {
  entryId: EntityId,
  reason: Text,
  by: ActorId,
  at: Instant,
});

export const faqEventSchemas = [FaqEntryPublished, FaqEntryUnpublished] as const;
export const FaqEvent = z.discriminatedUnion('type', faqEventSchemas);
export type FaqEvent = z.infer<typeof FaqEvent>;
export const faqEvent = eventFactory<FaqEvent>(faqEventSchemas);
