import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant, LocalDate } from '../shared/time.ts';

const Text = z.string().trim().min(1);

export const ProductLaunched = eventSchema('ProductLaunched', 1, {
  product: ProductCode,
  name: Text,
  by: ActorId,
  at: Instant,
});

export const ProductVersionReleased = eventSchema('ProductVersionReleased', 1, {
  product: ProductCode,
  version: Text,
  by: ActorId,
  at: Instant,
});

/** Of one version, or of the whole product when `version` is absent, from `effectiveOn`. */
export const ProductEndOfSupport = eventSchema('ProductEndOfSupport', 1, {
  product: ProductCode,
  version: Text.optional(),
  effectiveOn: LocalDate,
  by: ActorId,
  at: Instant,
});

/** Skill transfer on a product: the skills indicator counts trained agents per product. */
export const TrainingCompleted = eventSchema('TrainingCompleted', 1, {
  product: ProductCode,
  agentId: EntityId,
  by: ActorId,
  at: Instant,
});

export const productEventSchemas = [
  ProductLaunched,
  ProductVersionReleased,
  ProductEndOfSupport,
  TrainingCompleted,
] as const;
export const ProductEvent = z.discriminatedUnion('type', productEventSchemas);
export type ProductEvent = z.infer<typeof ProductEvent>;
export const productEvent = eventFactory<ProductEvent>(productEventSchemas);
