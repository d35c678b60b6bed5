import type { TicketCommand } from '../src/ticket/ticket-commands.ts';
import { agent, contact, covered, manager, p2Malfunction, T, times } from './ticket-fixtures.ts';

// Each command defaults to the step of `times` whose event it produces, by the usual actor.

type CommandOf<K extends TicketCommand['type']> = Extract<TicketCommand, { type: K }>;

function builder<K extends TicketCommand['type']>(type: K, defaults: Omit<CommandOf<K>, 'type' | 'ticketId'>) {
  return (overrides: Partial<CommandOf<K>> = {}): CommandOf<K> =>
    ({ type, ticketId: T, ...defaults, ...overrides }) as CommandOf<K>;
}

export const receive = builder('ReceiveTicket', {
  ...p2Malfunction,
  reportedBy: contact,
  coverage: covered,
  at: times.received,
});
export const provideInformation = builder('ProvideInformation', { by: contact, at: times.informationProvided });
export const requestInformation = builder('RequestInformation', {
  missing: ['logs'],
  by: agent,
  at: times.informationProvided,
});
export const requalify = builder('RequalifyTicket', {
  reason: 'Production stopped',
  coverage: covered,
  by: agent,
  at: times.requalified,
});
export const reject = builder('RejectTicket', { reason: 'not_support_request', by: agent, at: times.ended });
export const cancel = builder('CancelTicket', { by: contact, at: times.ended });
export const takeCharge = builder('TakeCharge', { by: agent, at: times.takenCharge });
export const assign = builder('AssignTicket', { agentId: 'agent-bob', by: manager, at: times.assigned });
export const startWork = builder('StartWork', { by: agent, at: times.workStarted });
export const requestCustomerInput = builder('RequestCustomerInput', {
  question: 'Which invoice number fails?',
  by: agent,
  at: times.customerInputRequested,
});
export const recordCustomerReply = builder('RecordCustomerReply', {
  message: 'Invoice 2026-0042',
  by: contact,
  at: times.customerReplied,
});
export const provideWorkaround = builder('ProvideWorkaround', {
  description: 'Post with the previous period open',
  by: agent,
  at: times.workaroundProvided,
});
export const resolve = builder('ResolveTicket', { how: 'fix', by: agent, at: times.resolved });
export const close = builder('CloseTicket', { reason: 'confirmed_by_client', by: contact, at: times.closed });
export const reopen = builder('ReopenTicket', {
  reason: 'Fails again on June invoices',
  by: contact,
  at: times.reopened,
});
export const recordClientMessage = builder('RecordClientMessage', {
  kind: 'reminder',
  message: 'Any news?',
  by: contact,
  at: times.followUp,
});
export const fileComplaint = builder('FileComplaint', {
  complaintId: 'C-1',
  subject: 'Too slow',
  by: contact,
  at: times.followUp,
});
export const claimPenalty = builder('ClaimPenalty', { claimId: 'PC-1', by: contact, at: times.followUp });
export const settlePenalty = builder('SettlePenalty', {
  claimId: 'PC-1',
  amountCents: 33_600,
  by: manager,
  at: times.followUp,
});
export const waivePenalty = builder('WaivePenalty', {
  claimId: 'PC-1',
  reason: 'Delay caused by the client',
  by: manager,
  at: times.followUp,
});
export const recordTime = builder('RecordTime', {
  agentId: agent,
  minutes: 45,
  what: 'Analysis',
  by: agent,
  at: times.followUp,
});
export const linkArticle = builder('LinkKnowledgeArticle', { articleId: 'KB-7', by: agent, at: times.followUp });
