import {
  ActorId,
  AmendContract,
  CancelTicket,
  ChangeAvailability,
  ClaimPenalty,
  DeclareSkills,
  EntityId,
  FileComplaint,
  ProvideInformation,
  ReceiveTicket,
  RecordAgentDeparture,
  RecordClientMessage,
  RegisterAgent,
  RenewContract,
  ReopenTicket,
  SignContract,
  StartMaintenance,
  TerminateContract,
} from '@hotline/domain';
import { z } from 'zod';
import { defineTopic } from '../topic/topic-contract.ts';
import { productInboundPayloads } from './inbound-products.ts';

/**
 * What an upstream system may send, by kind: the payload of each kind is the domain command's own
 * schema without what intake adds (the command type, the instant, which the envelope's `occurredAt`
 * gives, and for a submission the ticket id and the coverage, decided by intake). The HTTP API takes
 * the very same payloads, so one definition serves both doors.
 */
const command = { type: true, at: true } as const;

export const inboundPayloads = {
  'ticket.submitted': ReceiveTicket.omit({ type: true, at: true, ticketId: true, coverage: true }).extend({
    externalId: z
      .string()
      .trim()
      .min(1)
      .describe("The upstream system's own reference: the same (source, externalId) is always the same ticket."),
  }),
  'ticket.information_provided': ProvideInformation.omit({ ...command, coverage: true }),
  'ticket.client_message': RecordClientMessage.omit(command),
  'ticket.cancelled': CancelTicket.omit(command),
  'ticket.reopen_requested': ReopenTicket.omit({ ...command, reopenWindowDays: true }),
  'ticket.closing_confirmed': z.object({ ticketId: EntityId, by: ActorId }),
  'complaint.filed': FileComplaint.omit(command),
  'penalty.claimed': ClaimPenalty.omit(command),
  'contract.signed': SignContract.omit(command),
  'contract.amended': AmendContract.omit(command),
  'contract.maintenance_started': StartMaintenance.omit(command),
  'contract.renewed': RenewContract.omit(command),
  'contract.terminated': TerminateContract.omit(command),
  'agent.joined': RegisterAgent.omit(command),
  'agent.left': RecordAgentDeparture.omit(command),
  'agent.skills_declared': DeclareSkills.omit(command),
  'agent.availability_changed': ChangeAvailability.omit(command),
  ...productInboundPayloads,
} as const;

export type InboundKind = keyof typeof inboundPayloads;
export const inboundKinds = Object.keys(inboundPayloads) as InboundKind[];

const envelope = {
  messageId: z
    .uuid()
    .describe('Unique per message: a redelivered message keeps its id, so intake can ignore a repeat.'),
  source: z.string().min(1).describe('The upstream system, e.g. "crm" or "client-portal".'),
  occurredAt: z.iso.datetime({ offset: true }).describe('When it happened upstream (ISO 8601).'),
};

function inboundKind<K extends InboundKind>(kind: K) {
  return z.object({ ...envelope, kind: z.literal(kind), payload: inboundPayloads[kind] });
}

export const inboundMessageSchema = z
  .discriminatedUnion('kind', [
    inboundKind('ticket.submitted'),
    inboundKind('ticket.information_provided'),
    inboundKind('ticket.client_message'),
    inboundKind('ticket.cancelled'),
    inboundKind('ticket.reopen_requested'),
    inboundKind('ticket.closing_confirmed'),
    inboundKind('complaint.filed'),
    inboundKind('penalty.claimed'),
    inboundKind('contract.signed'),
    inboundKind('contract.amended'),
    inboundKind('contract.maintenance_started'),
    inboundKind('contract.renewed'),
    inboundKind('contract.terminated'),
    inboundKind('agent.joined'),
    inboundKind('agent.left'),
    inboundKind('agent.skills_declared'),
    inboundKind('agent.availability_changed'),
    inboundKind('product.launched'),
    inboundKind('product.version_released'),
    inboundKind('product.support_ended'),
  ])
  .describe('A message from an upstream system: an envelope and a payload whose shape its kind sets.');

export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const inboundHeadersSchema = z.looseObject({
  traceparent: z.string().optional().describe('W3C trace context, to follow the message into the hotline.'),
  tracestate: z.string().optional(),
}) as z.ZodType<Record<string, string>>;

export const inboundTopic = defineTopic({
  name: 'support.inbound.v1',
  partitions: 6,
  title: 'Inbound messages from upstream systems',
  description:
    'Upstream systems (CRM, client portal, contract management, HR) publish here what the hotline must take in: ticket submissions, client messages, cancellations, complaints, penalty claims, contract and agent updates, the product catalogue (launches, versions, ends of support). A message that does not match its schema is moved to support.inbound.dlq.v1 with the reason.',
  key: 'the subject the message is about (the ticket reference, or the contract, client, agent or product id), so messages about one subject stay in order',
  payload: inboundMessageSchema,
  headers: inboundHeadersSchema,
});
