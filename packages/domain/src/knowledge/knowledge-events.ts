import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';

const Text = z.string().trim().min(1);

/** `symptoms` are what clients report, so a new ticket can be matched to the article (FAQ candidates). */
export const KnowledgeArticlePublished = eventSchema('KnowledgeArticlePublished', 1, {
  articleId: EntityId,
  title: Text,
  body: Text,
  products: z.array(ProductCode).min(1),
  symptoms: z.array(Text).optional(),
  by: ActorId,
  at: Instant,
});

/** Only the fields that change are present. */
export const KnowledgeArticleUpdated = eventSchema('KnowledgeArticleUpdated', 1, {
  articleId: EntityId,
  title: Text.optional(),
  body: Text.optional(),
  products: z.array(ProductCode).min(1).optional(),
  symptoms: z.array(Text).optional(),
  by: ActorId,
  at: Instant,
});

export const KnowledgeArticleRetired = eventSchema('KnowledgeArticleRetired', 1, {
  articleId: EntityId,
  reason: Text,
  replacedBy: EntityId.optional(),
  by: ActorId,
  at: Instant,
});

export const knowledgeEventSchemas = [
  KnowledgeArticlePublished,
  KnowledgeArticleUpdated,
  KnowledgeArticleRetired,
] as const;
export const KnowledgeEvent = z.discriminatedUnion('type', knowledgeEventSchemas);
export type KnowledgeEvent = z.infer<typeof KnowledgeEvent>;
export const knowledgeEvent = eventFactory<KnowledgeEvent>(knowledgeEventSchemas);
