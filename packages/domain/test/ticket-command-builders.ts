import type {
  AssignTicket,
  CancelTicket,
  ClaimPenalty,
  CloseTicket,
  FileComplaint,
  LinkKnowledgeArticle,
  ProvideInformation,
  ProvideWorkaround,
  ReceiveTicket,
  RecordClientMessage,
  RecordCustomerReply,
  RecordTime,
  RejectTicket,
  ReopenTicket,
  RequalifyTicket,
  RequestCustomerInput,
  RequestInformation,
  ResolveTicket,
  SettlePenalty,
  StartWork,
  TakeCharge,
  WaivePenalty,
} from '../src/ticket/ticket-commands.ts';
import { agent, contact, covered, manager, p2Malfunction, T, times } from './ticket-fixtures.ts';

// Each command defaults to the step of `times` whose event it produces, by the usual actor.

type Of<C> = Partial<C>;

export const receive = (o: Of<ReceiveTicket> = {}): ReceiveTicket => ({
  type: 'ReceiveTicket',
  ticketId: T,
  ...p2Malfunction,
  reportedBy: contact,
  coverage: covered,
  at: times.received,
  ...o,
});
export const provideInformation = (o: Of<ProvideInformation> = {}): ProvideInformation => ({
  type: 'ProvideInformation',
  ticketId: T,
  by: contact,
  at: times.informationProvided,
  ...o,
});
export const requestInformation = (o: Of<RequestInformation> = {}): RequestInformation => ({
  type: 'RequestInformation',
  ticketId: T,
  missing: ['logs'],
  by: agent,
  at: times.informationProvided,
  ...o,
});
export const requalify = (o: Of<RequalifyTicket> = {}): RequalifyTicket => ({
  type: 'RequalifyTicket',
  ticketId: T,
  reason: 'Production stopped',
  coverage: covered,
  by: agent,
  at: times.requalified,
  ...o,
});
export const reject = (o: Of<RejectTicket> = {}): RejectTicket => ({
  type: 'RejectTicket',
  ticketId: T,
  reason: 'not_support_request',
  by: agent,
  at: times.ended,
  ...o,
});
export const cancel = (o: Of<CancelTicket> = {}): CancelTicket => ({
  type: 'CancelTicket',
  ticketId: T,
  by: contact,
  at: times.ended,
  ...o,
});
export const takeCharge = (o: Of<TakeCharge> = {}): TakeCharge => ({
  type: 'TakeCharge',
  ticketId: T,
  by: agent,
  at: times.takenCharge,
  ...o,
});
export const assign = (o: Of<AssignTicket> = {}): AssignTicket => ({
  type: 'AssignTicket',
  ticketId: T,
  agentId: 'agent-bob',
  by: manager,
  at: times.assigned,
  ...o,
});
export const startWork = (o: Of<StartWork> = {}): StartWork => ({
  type: 'StartWork',
  ticketId: T,
  by: agent,
  at: times.workStarted,
  ...o,
});
export const requestCustomerInput = (o: Of<RequestCustomerInput> = {}): RequestCustomerInput => ({
  type: 'RequestCustomerInput',
  ticketId: T,
  question: 'Which invoice number fails?',
  by: agent,
  at: times.customerInputRequested,
  ...o,
});
export const recordCustomerReply = (o: Of<RecordCustomerReply> = {}): RecordCustomerReply => ({
  type: 'RecordCustomerReply',
  ticketId: T,
  message: 'Invoice 2026-0042',
  by: contact,
  at: times.customerReplied,
  ...o,
});
export const provideWorkaround = (o: Of<ProvideWorkaround> = {}): ProvideWorkaround => ({
  type: 'ProvideWorkaround',
  ticketId: T,
  description: 'Post with the previous period open',
  by: agent,
  at: times.workaroundProvided,
  ...o,
});
export const resolve = (o: Of<ResolveTicket> = {}): ResolveTicket => ({
  type: 'ResolveTicket',
  ticketId: T,
  how: 'fix',
  by: agent,
  at: times.resolved,
  ...o,
});
export const close = (o: Of<CloseTicket> = {}): CloseTicket => ({
  type: 'CloseTicket',
  ticketId: T,
  reason: 'confirmed_by_client',
  by: contact,
  at: times.closed,
  ...o,
});
export const reopen = (o: Of<ReopenTicket> = {}): ReopenTicket => ({
  type: 'ReopenTicket',
  ticketId: T,
  reason: 'Fails again on June invoices',
  by: contact,
  at: times.reopened,
  ...o,
});
export const recordClientMessage = (o: Of<RecordClientMessage> = {}): RecordClientMessage => ({
  type: 'RecordClientMessage',
  ticketId: T,
  kind: 'reminder',
  message: 'Any news?',
  by: contact,
  at: times.followUp,
  ...o,
});
export const fileComplaint = (o: Of<FileComplaint> = {}): FileComplaint => ({
  type: 'FileComplaint',
  ticketId: T,
  complaintId: 'C-1',
  subject: 'Too slow',
  by: contact,
  at: times.followUp,
  ...o,
});
export const claimPenalty = (o: Of<ClaimPenalty> = {}): ClaimPenalty => ({
  type: 'ClaimPenalty',
  ticketId: T,
  claimId: 'PC-1',
  by: contact,
  at: times.followUp,
  ...o,
});
export const settlePenalty = (o: Of<SettlePenalty> = {}): SettlePenalty => ({
  type: 'SettlePenalty',
  ticketId: T,
  claimId: 'PC-1',
  amountCents: 33_600,
  by: manager,
  at: times.followUp,
  ...o,
});
export const waivePenalty = (o: Of<WaivePenalty> = {}): WaivePenalty => ({
  type: 'WaivePenalty',
  ticketId: T,
  claimId: 'PC-1',
  reason: 'Delay caused by the client',
  by: manager,
  at: times.followUp,
  ...o,
});
export const recordTime = (o: Of<RecordTime> = {}): RecordTime => ({
  type: 'RecordTime',
  ticketId: T,
  agentId: agent,
  minutes: 45,
  what: 'Analysis',
  by: agent,
  at: times.followUp,
  ...o,
});
export const linkArticle = (o: Of<LinkKnowledgeArticle> = {}): LinkKnowledgeArticle => ({
  type: 'LinkKnowledgeArticle',
  ticketId: T,
  articleId: 'KB-7',
  by: agent,
  at: times.followUp,
  ...o,
});
