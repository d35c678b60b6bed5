import { z } from 'zod';
import { CoverageVerdict } from '../contract/coverage-verdict.ts';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { AttachmentRef, Environment, Nature, Priority } from './ticket-classification.ts';
import { ticketCommand } from './ticket-command-schema.ts';
import { RejectionReason } from './ticket-intake-events.ts';
import { ProvidedInformation, RequestDetails } from './ticket-request.ts';

const Text = z.string().trim().min(1);

/** `coverage` is judged by the caller (triage) against the contract terms in force at `at`. */
export const ReceiveTicket = ticketCommand('ReceiveTicket', {
  ...RequestDetails.shape,
  nature: Nature,
  priority: Priority,
  attachments: z.array(AttachmentRef).optional(),
  source: Text.optional(),
  externalId: Text.optional(),
  reportedBy: ActorId,
  coverage: CoverageVerdict,
});

/** A client completes the request; `coverage` must come with a new client or product. */
export const ProvideInformation = ticketCommand('ProvideInformation', {
  ...ProvidedInformation.shape,
  coverage: CoverageVerdict.optional(),
  by: ActorId,
});

/** An agent finds a received request insufficient beyond what the completeness check sees. */
export const RequestInformation = ticketCommand('RequestInformation', {
  missing: z.array(Text).min(1),
  message: Text.optional(),
  by: ActorId,
});

export const RequalifyTicket = ticketCommand('RequalifyTicket', {
  nature: Nature.optional(),
  priority: Priority.optional(),
  environment: Environment.optional(),
  reason: Text,
  coverage: CoverageVerdict,
  by: ActorId,
});

export const RejectTicket = ticketCommand('RejectTicket', {
  reason: RejectionReason,
  duplicateOf: EntityId.optional(),
  comment: Text.optional(),
  by: ActorId,
});

export const CancelTicket = ticketCommand('CancelTicket', { reason: Text.optional(), by: ActorId });

export type ReceiveTicket = z.infer<typeof ReceiveTicket>;
export type ProvideInformation = z.infer<typeof ProvideInformation>;
export type RequestInformation = z.infer<typeof RequestInformation>;
export type RequalifyTicket = z.infer<typeof RequalifyTicket>;
export type RejectTicket = z.infer<typeof RejectTicket>;
export type CancelTicket = z.infer<typeof CancelTicket>;
