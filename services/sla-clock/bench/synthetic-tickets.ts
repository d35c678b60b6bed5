import { randomUUID } from 'node:crypto';
import type { Priority } from '@hotline/domain';
import type { RecordedEvent } from '@hotline/eventstore';

const HASH = '0'.repeat(64);

/**
 * Ticket events as the store would hand them to the SLA clock, made up without a store: a million
 * open tickets are the SLA clock's load, not the store's (in embedded mode they sit in a SQLite file).
 */
export class SyntheticTickets {
  #position: bigint;

  constructor(firstPosition: bigint) {
    this.#position = firstPosition;
  }

  received(ticketId: string, priority: Priority, at: number, contractId = 'ACME-M'): RecordedEvent {
    return this.#event(ticketId, 0n, 'TicketReceived', at, {
      ticketId,
      clientId: 'ACME',
      product: 'ERP',
      version: '12.4',
      environment: 'production',
      description: 'Invoices fail to post',
      reproductionSteps: 'Post one invoice',
      nature: 'malfunction',
      priority,
      attachments: [],
      reportedBy: 'contact-cleo',
      coverage: { status: 'covered', contractId },
    });
  }

  /** A move of the ticket's clock: a question to the client (pause), the reply (resume), a new priority. */
  move(ticketId: string, revision: bigint, kind: 'pause' | 'resume' | 'requalify', at: number, priority: Priority) {
    switch (kind) {
      case 'pause':
        return this.#event(ticketId, revision, 'CustomerInputRequested', at, {
          ticketId,
          question: 'Which invoice?',
          by: 'agent-ada',
        });
      case 'resume':
        return this.#event(ticketId, revision, 'CustomerReplied', at, {
          ticketId,
          message: 'Invoice 42',
          by: 'contact-cleo',
        });
      case 'requalify':
        return this.#event(ticketId, revision, 'TicketRequalified', at, {
          ticketId,
          priority,
          reason: 'Impact reassessed',
          coverage: { status: 'covered', contractId: 'ACME-M' },
          by: 'agent-ada',
        });
    }
  }

  #event(ticketId: string, revision: bigint, type: string, at: number, data: Record<string, unknown>): RecordedEvent {
    const id = randomUUID();
    const instant = new Date(at).toISOString();
    this.#position += 1n;
    return {
      id,
      type,
      schemaVersion: 1,
      stream: `ticket-${ticketId}`,
      revision,
      position: this.#position,
      recordedAt: instant,
      occurredAt: instant,
      actor: 'bench',
      correlationId: id,
      causationId: id,
      data: { ...data, at: instant },
      hash: HASH,
    };
  }
}
