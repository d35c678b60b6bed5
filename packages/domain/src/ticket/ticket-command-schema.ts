import { z } from 'zod';
import { EntityId } from '../schema/primitives.ts';
import { Instant } from '../shared/time.ts';

/** A ticket command: its `type`, the ticket it targets and the instant it happened (the domain reads no clock). */
export function ticketCommand<const T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ticketId: EntityId, ...shape, at: Instant });
}
