import { z } from 'zod';
import { eventFactory, eventSchema } from '../schema/event-schema.ts';
import { ActorId, EntityId, ProductCode } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';
import { PatchReleased } from './patch-events.ts';

const Text = z.string().trim().min(1);

/**
 * A patch is known before it ships: development registers it with the tickets it will fix, so that
 * its release can deliver the fix to each of them. Releasing it records the usual `PatchReleased`.
 */
export const PatchRegistered = eventSchema('PatchRegistered', 1, {
  patchId: EntityId,
  product: ProductCode,
  version: Text,
  fixes: z.array(EntityId),
  notes: Text.optional(),
  by: ActorId,
  at: Instant,
});
export type PatchRegistered = z.infer<typeof PatchRegistered>;

/** The events of a patch stream that goes through registration, then release. */
export const patchLifecycleEventSchemas = [PatchRegistered, PatchReleased] as const;
export const PatchLifecycleEvent = z.discriminatedUnion('type', patchLifecycleEventSchemas);
export type PatchLifecycleEvent = z.infer<typeof PatchLifecycleEvent>;
export const patchLifecycleEvent = eventFactory<PatchLifecycleEvent>(patchLifecycleEventSchemas);

const { type: _type, schemaVersion: _version, ...registration } = PatchRegistered.shape;

export const RegisterPatch = z.object({ type: z.literal('RegisterPatch'), ...registration });
export type RegisterPatch = z.infer<typeof RegisterPatch>;

/** Ships what was registered; `notes` (release notes) replace the registration's when given. */
export const ReleaseRegisteredPatch = z.object({
  type: z.literal('ReleaseRegisteredPatch'),
  patchId: EntityId,
  notes: Text.optional(),
  by: ActorId,
  at: Instant,
});
export type ReleaseRegisteredPatch = z.infer<typeof ReleaseRegisteredPatch>;

export const PatchLifecycleCommand = z.discriminatedUnion('type', [RegisterPatch, ReleaseRegisteredPatch]);
export type PatchLifecycleCommand = z.infer<typeof PatchLifecycleCommand>;
