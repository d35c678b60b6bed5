import { z } from 'zod';
import { ActorId, AmountCents, EntityId } from '../schema/primitives.ts';
import { AttachmentRef } from './ticket-classification.ts';
import { ticketCommand } from './ticket-command-schema.ts';

const Text = z.string().trim().min(1);

export const RecordClientMessage = ticketCommand('RecordClientMessage', {
  kind: z.enum(['reply', 'reminder']),
  message: Text,
  attachments: z.array(AttachmentRef).optional(),
  by: ActorId,
});

export const FileComplaint = ticketCommand('FileComplaint', { complaintId: EntityId, subject: Text, by: ActorId });

export const ClaimPenalty = ticketCommand('ClaimPenalty', {
  claimId: EntityId,
  amountCents: AmountCents.optional(),
  by: ActorId,
});

export const SettlePenalty = ticketCommand('SettlePenalty', {
  claimId: EntityId,
  amountCents: AmountCents,
  by: ActorId,
});

export const WaivePenalty = ticketCommand('WaivePenalty', { claimId: EntityId, reason: Text, by: ActorId });

export const RecordTime = ticketCommand('RecordTime', {
  agentId: EntityId,
  minutes: z.number().int().positive(),
  what: Text,
  by: ActorId,
});

export const LinkKnowledgeArticle = ticketCommand('LinkKnowledgeArticle', { articleId: EntityId, by: ActorId });

export type RecordClientMessage = z.infer<typeof RecordClientMessage>;
export type FileComplaint = z.infer<typeof FileComplaint>;
export type ClaimPenalty = z.infer<typeof ClaimPenalty>;
export type SettlePenalty = z.infer<typeof SettlePenalty>;
export type WaivePenalty = z.infer<typeof WaivePenalty>;
export type RecordTime = z.infer<typeof RecordTime>;
export type LinkKnowledgeArticle = z.infer<typeof LinkKnowledgeArticle>;
