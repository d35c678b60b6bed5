import {
  agentDecider,
  type CoverageVerdict,
  clientMessageCommand,
  contractDecider,
  coverageOf,
  DEFAULT_REOPEN_WINDOW_DAYS,
  type Nature,
  productDecider,
  type Ticket,
  termsInForce,
  ticketDecider,
  toEpochMs,
} from '@hotline/domain';
import type { DomainEventShape } from '@hotline/eventstore';
import { type ContractDirectory, executeCommand, loadTicket, type ServiceContext, streams } from '@hotline/platform';
import type { InboundPayload, InboundRequest } from './inbound-request.ts';
import { type DecidedTicket, decidedTicket } from './ticket-answer.ts';
import { ticketIdFor } from './ticket-identity.ts';

export interface TakenIn {
  readonly subject: { readonly type: 'ticket' | 'contract' | 'agent' | 'product'; readonly id: string };
  /** False when the request had already been taken in: nothing new was recorded. */
  readonly written: boolean;
  /** On a ticket, the ticket as the command left it and its stream's revision: the answer, without reading it back. */
  readonly ticket?: DecidedTicket;
}

export interface IntakeDependencies extends ServiceContext {
  readonly contracts: ContractDirectory;
}

/**
 * Takes one request in, whichever door it came through (HTTP or support.inbound.v1): it becomes a
 * domain command on its stream. The command id comes from the request's identity, so a redelivered
 * message or a retried call records nothing twice.
 */
export async function takeIn(deps: IntakeDependencies, request: InboundRequest): Promise<TakenIn> {
  const { kind, origin } = request;
  const context = {
    commandId: `intake:${kind}:${origin.source}:${origin.requestId}`,
    actor: actorOf(request),
    ...(origin.correlationId ? { correlationId: origin.correlationId } : {}),
  };
  const at = origin.occurredAt;
  switch (kind) {
    case 'ticket.submitted':
      return submit(deps, request as InboundRequest<'ticket.submitted'>);
    case 'ticket.information_provided': {
      const { payload } = request as InboundRequest<'ticket.information_provided'>;
      const { ticket } = await loadTicket(deps.store, payload.ticketId);
      const changesCoverage = payload.clientId !== undefined || payload.product !== undefined;
      const coverage = changesCoverage
        ? judge(deps, { ...ticket, ...payload }, ticket.nature, toEpochMs(ticket.receivedAt))
        : undefined;
      const command = { type: 'ProvideInformation' as const, ...payload, ...(coverage ? { coverage } : {}), at };
      return onTicket(deps, payload.ticketId, command, context);
    }
    case 'ticket.client_message': {
      const { payload } = request as InboundRequest<'ticket.client_message'>;
      const { ticket } = await loadTicket(deps.store, payload.ticketId);
      return onTicket(deps, payload.ticketId, clientMessageCommand(ticket, { ...payload, at }), context);
    }
    case 'ticket.cancelled': {
      const { payload } = request as InboundRequest<'ticket.cancelled'>;
      return onTicket(deps, payload.ticketId, { type: 'CancelTicket', ...payload, at }, context);
    }
    case 'ticket.reopen_requested': {
      const { payload } = request as InboundRequest<'ticket.reopen_requested'>;
      const { ticket } = await loadTicket(deps.store, payload.ticketId);
      const reopenWindowDays = reopenWindowOf(deps, ticket);
      return onTicket(deps, payload.ticketId, { type: 'ReopenTicket', ...payload, reopenWindowDays, at }, context);
    }
    case 'ticket.closing_confirmed': {
      const { payload } = request as InboundRequest<'ticket.closing_confirmed'>;
      const command = { type: 'CloseTicket' as const, ...payload, reason: 'confirmed_by_client' as const, at };
      return onTicket(deps, payload.ticketId, command, context);
    }
    case 'complaint.filed': {
      const { payload } = request as InboundRequest<'complaint.filed'>;
      return onTicket(deps, payload.ticketId, { type: 'FileComplaint', ...payload, at }, context);
    }
    case 'penalty.claimed': {
      const { payload } = request as InboundRequest<'penalty.claimed'>;
      return onTicket(deps, payload.ticketId, { type: 'ClaimPenalty', ...payload, at }, context);
    }
    case 'contract.signed':
    case 'contract.amended':
    case 'contract.maintenance_started':
    case 'contract.renewed':
    case 'contract.terminated': {
      const payload = request.payload as InboundPayload<'contract.signed'>;
      const command = { type: contractCommandOf[kind], ...payload, at } as Parameters<typeof contractDecider.decide>[0];
      const stream = streams.contract(payload.contractId);
      return onRecord(
        deps,
        { type: 'contract', id: payload.contractId },
        { stream, decider: contractDecider, command, context },
      );
    }
    case 'agent.joined':
    case 'agent.left':
    case 'agent.skills_declared':
    case 'agent.availability_changed': {
      const payload = request.payload as InboundPayload<'agent.joined'>;
      const command = { type: agentCommandOf[kind], ...payload, at } as Parameters<typeof agentDecider.decide>[0];
      const stream = streams.agent(payload.agentId);
      return onRecord(
        deps,
        { type: 'agent', id: payload.agentId },
        { stream, decider: agentDecider, command, context },
      );
    }
    case 'product.launched':
    case 'product.version_released':
    case 'product.support_ended': {
      const payload = request.payload as InboundPayload<'product.launched'>;
      const command = { type: productCommandOf[kind], ...payload, at } as Parameters<typeof productDecider.decide>[0];
      const stream = streams.product(payload.product);
      return onRecord(
        deps,
        { type: 'product', id: payload.product },
        { stream, decider: productDecider, command, context },
      );
    }
  }
}

const productCommandOf = {
  'product.launched': 'LaunchProduct',
  'product.version_released': 'ReleaseProductVersion',
  'product.support_ended': 'EndProductSupport',
} as const;

const contractCommandOf = {
  'contract.signed': 'SignContract',
  'contract.amended': 'AmendContract',
  'contract.maintenance_started': 'StartMaintenance',
  'contract.renewed': 'RenewContract',
  'contract.terminated': 'TerminateContract',
} as const;

const agentCommandOf = {
  'agent.joined': 'RegisterAgent',
  'agent.left': 'RecordAgentDeparture',
  'agent.skills_declared': 'DeclareSkills',
  'agent.availability_changed': 'ChangeAvailability',
} as const;

function actorOf(request: InboundRequest): string {
  const payload = request.payload as { by?: string; reportedBy?: string };
  return payload.by ?? payload.reportedBy ?? request.origin.source;
}

async function submit(deps: IntakeDependencies, request: InboundRequest<'ticket.submitted'>): Promise<TakenIn> {
  const { payload, origin } = request;
  const ticketId = ticketIdFor(origin.source, payload.externalId);
  // A contract recorded a moment ago must already count: the directory catches up with the store first.
  await deps.contracts.caughtUp();
  const coverage = judge(deps, payload, payload.nature, toEpochMs(origin.occurredAt));
  const command = {
    type: 'ReceiveTicket' as const,
    ...payload,
    source: origin.source,
    ticketId,
    coverage,
    at: origin.occurredAt,
  };
  // Named by the upstream reference, not the message: the same request sent twice is one ticket.
  // That reference names the stream too (`ticketIdFor`), so the ids are the stream's own.
  const context = {
    commandId: `intake:submit:${origin.source}:${payload.externalId}`,
    idsUniqueIn: 'stream' as const,
    actor: payload.reportedBy,
    ...(origin.correlationId ? { correlationId: origin.correlationId } : {}),
  };
  const done = await executeCommand(deps.store, {
    stream: streams.ticket(ticketId),
    decider: ticketDecider,
    command,
    context,
    // A submission almost always opens its stream: decided without reading it, the append tells
    // when it does not (a replay of this submission, or a conflict), and the stream is read then.
    history: [],
  });
  return { subject: { type: 'ticket', id: ticketId }, written: done.written, ticket: decidedTicket(done) };
}

async function onTicket(
  deps: IntakeDependencies,
  ticketId: string,
  command: Parameters<typeof ticketDecider.decide>[0],
  context: { commandId: string; actor: string; correlationId?: string },
): Promise<TakenIn> {
  const done = await executeCommand(deps.store, {
    stream: streams.ticket(ticketId),
    decider: ticketDecider,
    command,
    context,
  });
  return { subject: { type: 'ticket', id: ticketId }, written: done.written, ticket: decidedTicket(done) };
}

/** A command on a contract, agent or product stream: what was recorded, and whether anything new was. */
async function onRecord<C, E extends DomainEventShape, S>(
  deps: IntakeDependencies,
  subject: TakenIn['subject'],
  options: Parameters<typeof executeCommand<C, E, S>>[1],
): Promise<TakenIn> {
  const done = await executeCommand(deps.store, options);
  return { subject, written: done.written };
}

/** Coverage by the contracts in force at reception (DOMAIN.md); a request without client has none. */
function judge(
  deps: IntakeDependencies,
  request: { clientId?: string | undefined; product?: string | undefined },
  nature: Nature,
  receivedAt: number,
): CoverageVerdict {
  if (request.clientId === undefined || request.product === undefined) {
    return { status: 'no_contract', contractId: null, reason: 'request.client_or_product_unknown' };
  }
  return coverageOf(
    { clientId: request.clientId, product: request.product, nature, receivedAt },
    deps.contracts.contractsOf(request.clientId),
  );
}

/** The reopen window of the contract the ticket is judged by, or the default one. */
function reopenWindowOf(deps: IntakeDependencies, ticket: Ticket): number {
  const contractId = ticket.coverage.contractId;
  const contract = contractId === null ? undefined : deps.contracts.contract(contractId);
  const terms = contract === undefined ? undefined : termsInForce(contract, toEpochMs(ticket.receivedAt))?.terms;
  return terms?.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS;
}
