import { z } from 'zod';
import { EntityId, ProductCode } from '../schema/primitives.ts';
import { AttachmentRef, Environment } from './ticket-classification.ts';

/**
 * What a client tells about the problem. Every field may be missing at reception: the completeness
 * check lists what lacks and the client is asked for it, instead of refusing the request.
 */
export const RequestDetails = z.object({
  clientId: EntityId.optional(),
  product: ProductCode.optional(),
  version: z.string().trim().min(1).optional(),
  environment: Environment.optional(),
  description: z.string().trim().min(1).optional(),
  reproductionSteps: z.string().trim().min(1).optional(),
});
export type RequestDetails = z.infer<typeof RequestDetails>;

/** Information a client adds while the request is `awaiting_information`. */
export const ProvidedInformation = RequestDetails.extend({
  attachments: z.array(AttachmentRef).optional(),
  message: z.string().trim().min(1).optional(),
});
export type ProvidedInformation = z.infer<typeof ProvidedInformation>;
