import {
  type ContractTerms,
  type CoverageVerdict,
  contractEvent,
  coverageOf,
  type Nature,
  type SignedContract,
  signedContract,
  type TicketCommand,
  type TicketEvent,
  ticketDecider,
  toEpochMs,
} from '@hotline/domain';
import { ANY, type EventStore, type NewEvent } from '@hotline/eventstore';

type Command = TicketCommand extends infer C ? (C extends { ticketId: string } ? Omit<C, 'ticketId'> : never) : never;

/** Paris wall time in summer (`+02:00`) unless told: `paris('2026-05-07T16:00')`. */
export const paris = (local: string, offset: '+01:00' | '+02:00' = '+02:00') => `${local}:00${offset}`;

/**
 * Writes a hotline's history into a store as the services would: contracts signed, then each ticket's
 * commands through the domain's decider (a refused command fails the test), appended to its stream.
 */
export class HotlineScenario {
  readonly store: EventStore;
  readonly contracts = new Map<string, SignedContract>();

  constructor(store: EventStore) {
    this.store = store;
  }

  async sign(contractId: string, clientId: string, terms: ContractTerms, effectiveFrom = '2026-01-01T00:00:00+01:00') {
    const event = contractEvent('ContractSigned', {
      contractId,
      clientId,
      reference: `REF-${contractId}`,
      terms,
      effectiveFrom,
      at: effectiveFrom,
      by: 'sales',
    });
    this.contracts.set(contractId, signedContract(contractId, clientId, terms, effectiveFrom));
    await this.append(`contract-${contractId}`, [event]);
  }

  coverage(clientId: string, product: string, nature: Nature, at: string): CoverageVerdict {
    return coverageOf({ clientId, product, nature, receivedAt: toEpochMs(at) }, [...this.contracts.values()]);
  }

  /** Plays the commands on the ticket's stream (new or existing); returns the events recorded. */
  async ticket(ticketId: string, commands: readonly Command[]): Promise<TicketEvent[]> {
    const recorded = await this.store.readStream(`ticket-${ticketId}`);
    let state = ticketDecider.initialState;
    for (const event of recorded) {
      state = ticketDecider.evolve(state, {
        type: event.type,
        schemaVersion: event.schemaVersion,
        ...event.data,
      } as TicketEvent);
    }
    const events: TicketEvent[] = [];
    for (const command of commands) {
      const decision = ticketDecider.decide({ ...command, ticketId } as TicketCommand, state);
      if (!decision.ok)
        throw new Error(`${ticketId} ${command.type}: ${decision.error.code} ${decision.error.message}`);
      for (const event of decision.value) {
        events.push(event);
        state = ticketDecider.evolve(state, event);
      }
    }
    await this.append(`ticket-${ticketId}`, events);
    return events;
  }

  /** A covered malfunction received on production, by ACME-style defaults. */
  receive(
    clientId: string,
    at: string,
    details: {
      nature?: 'malfunction' | 'functional' | 'evolution' | 'service';
      priority?: 'P1' | 'P2' | 'P3';
      product?: string;
      environment?: 'production' | 'test';
      description?: string;
    } = {},
  ): Command {
    const nature = details.nature ?? 'malfunction';
    const product = details.product ?? 'ERP';
    return {
      type: 'ReceiveTicket',
      clientId,
      product,
      version: '12.4',
      environment: details.environment ?? 'production',
      nature,
      priority: details.priority ?? 'P2',
      description: details.description ?? 'Invoices fail to post',
      reproductionSteps: 'Post one',
      reportedBy: `contact-${clientId}`,
      coverage: this.coverage(clientId, product, nature, at),
      at,
    } as Command;
  }

  async append(stream: string, events: readonly { type: string; schemaVersion: number; at?: string }[]): Promise<void> {
    if (events.length === 0) return;
    const toAppend: NewEvent[] = events.map(({ type, schemaVersion, ...data }) => ({
      type,
      schemaVersion,
      data,
      actor: 'by' in data ? String(data.by) : 'system',
      ...(data.at === undefined ? {} : { occurredAt: new Date(toEpochMs(data.at)).toISOString() }),
    }));
    await this.store.append(stream, toAppend, { expectedRevision: ANY });
  }
}
