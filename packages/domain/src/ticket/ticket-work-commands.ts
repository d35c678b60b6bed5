import { z } from 'zod';
import { ActorId, EntityId } from '../schema/primitives.ts';
import { AttachmentRef } from './ticket-classification.ts';
import { ticketCommand } from './ticket-command-schema.ts';
import { ClosingReason, ResolutionKind } from './ticket-work-events.ts';

const Text = z.string().trim().min(1);

/** Contracts set the reopen window in days; when they are silent, DOMAIN.md says 10. */
export const ReopenWindowDays = z.number().int().nonnegative();

/** `assignee` defaults to the agent taking charge. */
export const TakeCharge = ticketCommand('TakeCharge', { assignee: EntityId.optional(), by: ActorId });

/** `reason` says why this agent (triage records its rule: skills, load); a manager may leave it out. */
export const AssignTicket = ticketCommand('AssignTicket', { agentId: EntityId, reason: Text.optional(), by: ActorId });

export const StartWork = ticketCommand('StartWork', { by: ActorId });

export const RequestCustomerInput = ticketCommand('RequestCustomerInput', { question: Text, by: ActorId });

export const RecordCustomerReply = ticketCommand('RecordCustomerReply', {
  message: Text,
  attachments: z.array(AttachmentRef).optional(),
  by: ActorId,
});

export const ProvideWorkaround = ticketCommand('ProvideWorkaround', {
  description: Text,
  articleId: EntityId.optional(),
  by: ActorId,
});

export const ResolveTicket = ticketCommand('ResolveTicket', {
  how: ResolutionKind,
  patchId: EntityId.optional(),
  articleId: EntityId.optional(),
  summary: Text.optional(),
  by: ActorId,
});

/** `reopenWindowDays` matters only to close for an elapsed window: the decider checks it has elapsed. */
export const CloseTicket = ticketCommand('CloseTicket', {
  reason: ClosingReason,
  reopenWindowDays: ReopenWindowDays.optional(),
  by: ActorId,
});

export const ReopenTicket = ticketCommand('ReopenTicket', {
  reason: Text,
  reopenWindowDays: ReopenWindowDays.optional(),
  by: ActorId,
});

export type TakeCharge = z.infer<typeof TakeCharge>;
export type AssignTicket = z.infer<typeof AssignTicket>;
export type StartWork = z.infer<typeof StartWork>;
export type RequestCustomerInput = z.infer<typeof RequestCustomerInput>;
export type RecordCustomerReply = z.infer<typeof RecordCustomerReply>;
export type ProvideWorkaround = z.infer<typeof ProvideWorkaround>;
export type ResolveTicket = z.infer<typeof ResolveTicket>;
export type CloseTicket = z.infer<typeof CloseTicket>;
export type ReopenTicket = z.infer<typeof ReopenTicket>;
