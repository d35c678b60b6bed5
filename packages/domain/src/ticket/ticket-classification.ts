import { z } from 'zod';

/** DOMAIN.md, "Words": `evolution` and `service` carry no deadline. */
export const Nature = z.enum(['malfunction', 'functional', 'evolution', 'service']);
export type Nature = z.infer<typeof Nature>;

/** P1 blocking, P2 severe, P3 non-blocking. */
export const Priority = z.enum(['P1', 'P2', 'P3']);
export type Priority = z.infer<typeof Priority>;

/** `production` matters for indicators 3 and 4 (overrun days of production tickets). */
export const Environment = z.enum(['production', 'preproduction', 'test', 'development']);
export type Environment = z.infer<typeof Environment>;

export const TicketStatus = z.enum([
  'received',
  'awaiting_information',
  'taken_charge',
  'in_progress',
  'awaiting_customer',
  'workaround_provided',
  'resolved',
  'closed',
  'rejected',
  'cancelled',
]);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** A document attached to a request, by reference: the domain never holds the bytes. */
export const AttachmentRef = z.object({
  name: z.string().trim().min(1),
  uri: z.url(),
  mediaType: z.string().trim().min(1).optional(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** Stable codes of what a request may lack (see `completeness.ts`). */
export const MissingItem = z.enum([
  'clientId',
  'product',
  'environment',
  'description',
  'version',
  'reproductionSteps',
]);
export type MissingItem = z.infer<typeof MissingItem>;
