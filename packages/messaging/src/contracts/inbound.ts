import { z } from 'zod';
import { defineTopic } from '../topic/topic-contract.ts';

// Each kind's payload names what intake needs to route the message; the intake service refines
// these (loose objects: extra fields pass through untouched until it does).
const ticketSubmitted = z.looseObject({
  externalRef: z.string().min(1).describe("The upstream system's own reference of the request."),
  clientId: z.string().min(1),
  product: z.string().min(1),
  environment: z.enum(['production', 'preproduction', 'test', 'development']).optional(),
  nature: z.enum(['malfunction', 'functional', 'evolution', 'service']).optional(),
  priority: z.enum(['P1', 'P2', 'P3']).optional(),
  title: z.string().min(1),
  description: z.string().min(1),
  version: z.string().optional(),
  reproduction: z.string().optional().describe('How to reproduce a malfunction.'),
  reportedBy: z.string().optional(),
});

const clientMessage = z.looseObject({
  ticketRef: z.string().min(1).describe('The ticket id, or the upstream reference it was submitted with.'),
  clientId: z.string().min(1),
  author: z.string().min(1),
  body: z.string().min(1),
});

const ticketCancelled = z.looseObject({
  ticketRef: z.string().min(1),
  clientId: z.string().min(1),
  reason: z.string().optional(),
});

const complaintFiled = z.looseObject({
  ticketRef: z.string().min(1),
  clientId: z.string().min(1),
  body: z.string().min(1),
});

const penaltyClaimed = z.looseObject({
  clientId: z.string().min(1),
  contractId: z.string().min(1),
  ticketRefs: z.array(z.string().min(1)).optional(),
  amountCents: z.number().int().nonnegative().optional(),
  currency: z.string().length(3).optional(),
});

const contractUpdated = z.looseObject({
  contractId: z.string().min(1),
  clientId: z.string().min(1),
  terms: z.record(z.string(), z.unknown()).describe('The contract or amendment as the contract system holds it.'),
});

const agentUpdated = z.looseObject({
  agentId: z.string().min(1),
  name: z.string().optional(),
  skills: z.array(z.string()).optional(),
  active: z.boolean().optional(),
});

/** What an upstream system may send, by kind, with the payload each kind carries. */
export const inboundPayloads = {
  'ticket.submitted': ticketSubmitted,
  'ticket.client_message': clientMessage,
  'ticket.cancelled': ticketCancelled,
  'complaint.filed': complaintFiled,
  'penalty.claimed': penaltyClaimed,
  'contract.updated': contractUpdated,
  'agent.updated': agentUpdated,
} as const;

export type InboundKind = keyof typeof inboundPayloads;

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
    inboundKind('ticket.client_message'),
    inboundKind('ticket.cancelled'),
    inboundKind('complaint.filed'),
    inboundKind('penalty.claimed'),
    inboundKind('contract.updated'),
    inboundKind('agent.updated'),
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
    'Upstream systems (CRM, client portal, contract management, HR) publish here what the hotline must take in: ticket submissions, client messages, cancellations, complaints, penalty claims, contract and agent updates. A message that does not match its schema is moved to support.inbound.dlq.v1 with the reason.',
  key: 'the subject the message is about (the ticket reference, or the contract, client or agent id), so messages about one subject stay in order',
  payload: inboundMessageSchema,
  headers: inboundHeadersSchema,
});
