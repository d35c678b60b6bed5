import { z } from 'zod';
import { eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';

/** `fixes` lists the tickets the patch resolves, so each can be resolved `how: 'patch'` naming it. */
export const PatchReleased = eventSchema('PatchReleased', 1, {
  patchId: EntityId,
  product: ProductCode,
  version: z.string().trim().min(1),
  fixes: z.array(EntityId),
  notes: z.string().trim().min(1).optional(),
  by: ActorId,
  at: Instant,
});
export type PatchReleased = z.infer<typeof PatchReleased>;
