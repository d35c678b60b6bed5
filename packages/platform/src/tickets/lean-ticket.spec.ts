import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evolveTicket, initialTicketState, type Ticket, ticketEvent } from '@hotline/domain';
import { describe, expect, it } from 'vitest';
import { leanTicket, NONE } from './lean-ticket.ts';

const received = ticketEvent('TicketReceived', {
  ticketId: 'T-1',
  clientId: 'ACME',
  product: 'ERP',
  version: '12.4',
  environment: 'production',
  description: 'Invoices fail to post when they are dated in May',
  reproductionSteps: 'Post any invoice dated in May',
  nature: 'malfunction',
  priority: 'P2',
  attachments: [{ name: 'screenshot.png', uri: 'https://files.example/screenshot.png' }],
  reportedBy: 'contact-ann',
  coverage: { status: 'covered', contractId: 'ACME-M' },
  at: '2026-05-07T09:00:00+02:00',
});
const full = evolveTicket(initialTicketState, received) as Ticket;

describe('a lean ticket', () => {
  it('drops attachments and steps, cuts or drops the description, keeps the rest', () => {
    const cut = leanTicket(full, { descriptionLength: 8 });
    expect(cut).toEqual({ ...full, attachments: [], reproductionSteps: undefined, description: 'Invoices' });
    // Named as undefined, so that every lean ticket has the same fields; JSON leaves them out.
    expect(cut.reproductionSteps).toBeUndefined();
    expect('reproductionSteps' in JSON.parse(JSON.stringify(cut))).toBe(false);
    const dropped = leanTicket(full, { descriptionLength: 0 });
    expect(dropped.description).toBeUndefined();
    expect('description' in JSON.parse(JSON.stringify(dropped))).toBe(false);
    expect(dropped).toMatchObject({ ticketId: 'T-1', product: 'ERP', priority: 'P2', status: 'received' });
  });

  it('shares its empty lists and repeated values with every other lean ticket', () => {
    const one = leanTicket(full, { descriptionLength: 0 });
    const other = leanTicket({ ...full, ticketId: 'T-2', clientId: `${'AC'}${'ME'}` }, { descriptionLength: 0 });
    expect(one.attachments).toBe(NONE);
    expect(one.missing).toBe(other.missing);
    expect(one.complaints).toBe(NONE);
    expect(one.penaltyClaims).toBe(other.penaltyClaims);
    expect(one.coverage).toBe(other.coverage);
    expect(one.milestones).toBe(other.milestones);
    expect(Object.isFrozen(one.coverage) && Object.isFrozen(one.milestones)).toBe(true);
    const elsewhere = leanTicket(
      { ...full, coverage: { status: 'out_of_contract', contractId: null, reason: 'r' } },
      {
        descriptionLength: 0,
      },
    );
    expect(elsewhere.coverage).toEqual({ status: 'out_of_contract', contractId: null, reason: 'r' });
    expect(elsewhere.coverage).not.toBe(one.coverage);
    expect(Object.isFrozen(one.penaltyClaims)).toBe(true);
  });

  it('evolves on as the full state does, but for what it dropped', () => {
    const assigned = ticketEvent('TicketAssigned', {
      ticketId: 'T-1',
      agentId: 'agent-ada',
      by: 'triage',
      at: '2026-05-07T09:01:00+02:00',
    });
    const lean = evolveTicket(leanTicket(full, { descriptionLength: 0 }), assigned);
    const { description: _d, reproductionSteps: _s, attachments: _a, ...rest } = evolveTicket(full, assigned) as Ticket;
    expect(lean).toMatchObject({ ...rest, attachments: [] });
  });

  it('keeps only the cut of a long description, not the whole of it', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    collect();
    const before = process.memoryUsage().heapUsed;
    // 200 descriptions of 50 kB: 10 MB if the cuts kept them alive.
    const kept = Array.from({ length: 200 }, (_, i) =>
      leanTicket({ ...full, description: `${i} ${'lorem ipsum '.repeat(4_200)}` }, { descriptionLength: 280 }),
    );
    collect();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept.every((ticket) => ticket.description?.length === 280)).toBe(true);
    expect(grown).toBeLessThan(2_000_000);
  });
});
