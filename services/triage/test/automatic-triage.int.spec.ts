import { acmeHelplineTerms } from '@hotline/domain';
import { eventMessage, eventsTopic } from '@hotline/messaging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { triageTicket } from '../src/automatic/ticket-triage.ts';
import { createTriageService } from '../src/triage-service.ts';
import { eventually, receivedAt, type TriageHarness, triageHarness } from './triage-harness.ts';

const outageReason = 'Triage rule production-outage-is-p1: Production outage declared P2 or P3 becomes P1';
const fiveMinutesAfterReception = '2026-05-07T14:05:00.000Z';

describe('triage of received tickets', () => {
  let h: TriageHarness;
  beforeEach(async () => {
    h = await triageHarness();
    await h.signContract();
  });
  afterEach(() => h.close());

  it('requalifies a production outage declared P3 as P1, naming the rule, with the coverage judged again', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.receive('T-1', { priority: 'P3', description: 'La facturation est bloquée depuis ce matin' });
    await h.triaged('T-1');

    const [received, requalified] = await h.stream('T-1');
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketRequalified', 'TicketAssigned']);
    expect(requalified).toMatchObject({
      actor: 'triage',
      causationId: received!.id,
      correlationId: received!.correlationId,
      data: {
        priority: 'P1',
        reason: outageReason,
        coverage: { status: 'covered', contractId: 'ACME-M' },
        by: 'triage',
        at: fiveMinutesAfterReception,
      },
    });
  });

  it('leaves a ticket the rules do not match as declared, and only dispatches it', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.receive('T-1');
    await h.triaged('T-1');
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketAssigned']);
  });

  it('assigns to the least loaded available agent who knows the product, with the reason', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.joinAgent('bob', [{ product: 'ERP', level: 'expert' }]);
    await h.joinAgent('cyd', [{ product: 'CRM', level: 'expert' }]);
    await h.joinAgent('dan', [{ product: 'ERP', level: 'expert' }], 'unavailable');

    await h.receive('T-0');
    await h.triaged('T-0');
    expect((await h.stream('T-0')).at(-1)?.data).toMatchObject({ agentId: 'bob' });

    await h.receive('T-1');
    await h.triaged('T-1');
    const assigned = (await h.stream('T-1')).at(-1);
    expect(assigned).toMatchObject({
      type: 'TicketAssigned',
      actor: 'triage',
      data: {
        agentId: 'ada',
        reason: 'confirmed on ERP; 0 open ticket(s), the lightest load of 2 available',
        by: 'triage',
        at: fiveMinutesAfterReception,
      },
    });
  });

  it('spreads tickets received together: each dispatch weighs the assignments made before it', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.joinAgent('bob', [{ product: 'ERP', level: 'expert' }]);
    const tickets = ['T-1', 'T-2', 'T-3', 'T-4', 'T-5'];
    await Promise.all(tickets.map((ticketId) => h.receive(ticketId)));
    for (const ticketId of tickets) await h.triaged(ticketId);

    const load = h.triage.directories.agents.entries().map(({ agentId, openTickets }) => [agentId, openTickets]);
    expect(load).toEqual([
      ['ada', 2],
      ['bob', 3],
    ]);
  });

  it('requalifies an incomplete request at once, and dispatches it once complete', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.receive('T-1', { priority: 'P3', description: 'Production arrêtée', version: undefined });
    await h.triaged('T-1');
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketInformationRequested', 'TicketRequalified']);

    await h.ticketCommand({
      type: 'ProvideInformation',
      ticketId: 'T-1',
      version: '12.4',
      by: 'contact-cleo',
      at: '2026-05-07T16:30:00+02:00',
    });
    await h.triaged('T-1', 2);
    expect(await h.types('T-1')).toEqual([
      'TicketReceived',
      'TicketInformationRequested',
      'TicketRequalified',
      'TicketInformationProvided',
      'TicketAssigned',
    ]);
    // Never before the ticket's last change, though the clock says 16:05.
    expect((await h.stream('T-1')).at(-1)?.data).toMatchObject({ agentId: 'ada', at: '2026-05-07T14:30:00.000Z' });
  });

  it('never undoes a requalification by a person when information completes the request', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.receive('T-1', { priority: 'P3', description: 'Production arrêtée', version: undefined });
    await h.triaged('T-1');
    const downgrade = await h.app.inject({
      method: 'POST',
      url: '/tickets/T-1/requalification',
      payload: { priority: 'P3', reason: 'One user only, the others work', by: 'manager-max' },
    });
    expect(downgrade.json()).toMatchObject({ priority: 'P3' });

    await h.ticketCommand({
      type: 'ProvideInformation',
      ticketId: 'T-1',
      version: '12.4',
      by: 'contact-cleo',
      at: '2026-05-07T16:30:00+02:00',
    });
    await h.triaged('T-1', 2);
    expect(await h.types('T-1')).toEqual([
      'TicketReceived',
      'TicketInformationRequested',
      'TicketRequalified',
      'TicketRequalified',
      'TicketInformationProvided',
      'TicketAssigned',
    ]);
    expect((await h.stream('T-1')).at(-1)?.data).toMatchObject({ agentId: 'ada' });
  });

  it('applies the rules it is given, judging the coverage of a new nature again', async () => {
    await h.close();
    h = await triageHarness({
      rules: [
        {
          id: 'how-to-is-functional',
          description: 'How-to questions are functional requests',
          when: { natures: ['malfunction'], keywords: ['comment'] },
          change: { nature: 'functional' },
        },
      ],
    });
    await h.signContract();
    await h.signContract('ACME-H', 'ACME', acmeHelplineTerms);
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.receive('T-1', { priority: 'P3', description: 'Comment exporter le grand livre ?' });
    await h.triaged('T-1');
    expect((await h.stream('T-1'))[1]?.data).toMatchObject({
      nature: 'functional',
      reason: 'Triage rule how-to-is-functional: How-to questions are functional requests',
      coverage: { status: 'covered', contractId: 'ACME-H' },
    });
  });

  it('refuses rules that say nothing at creation', () => {
    const rule = { id: 'x', description: 'x', when: {}, change: { priority: 'P1' } } as const;
    expect(() => createTriageService(h.context, { rules: [rule] })).toThrow(/at least one condition/);
  });
});

describe('a ticket nobody can take', () => {
  let h: TriageHarness;
  beforeEach(async () => {
    h = await triageHarness();
    await h.signContract();
  });
  afterEach(() => h.close());

  // The warnings about tickets: the harness's server also warns once that its access control is off.
  const warnings = () => h.logs.filter((line) => line.level === 'warn' && 'ticketId' in line);

  it('raises an unassignable alert on support.alerts.v1 when the agents who know the product are away', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'expert' }], 'unavailable');
    await h.joinAgent('cyd', [{ product: 'CRM', level: 'expert' }]);
    await h.receive('T-1');
    await eventually(() => expect(h.alerts).toHaveLength(1));

    expect(h.alerts[0]).toEqual({
      alertId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'unassignable',
      ticketId: 'T-1',
      clientId: 'ACME',
      contractId: 'ACME-M',
      product: 'ERP',
      priority: 'P2',
      reason: 'none of the 1 agent(s) who know ERP is available',
      // The take-charge deadline the wait puts at risk: Monday 11:00, Friday 8 May being a holiday.
      dueAt: '2026-05-11T09:00:00.000Z',
      raisedAt: fiveMinutesAfterReception,
    });
    expect(await h.types('T-1')).toEqual(['TicketReceived']);
    expect(warnings()).toMatchObject([
      { ticketId: 'T-1', reason: 'none of the 1 agent(s) who know ERP is available', alertId: h.alerts[0]!.alertId },
    ]);
  });

  it('raises it as well when nobody knows the product', async () => {
    await h.joinAgent('cyd', [{ product: 'CRM', level: 'expert' }]);
    await h.receive('T-1');
    await eventually(() => expect(h.alerts).toHaveLength(1));
    expect(warnings()).toMatchObject([{ ticketId: 'T-1', reason: 'no agent knows ERP' }]);
  });

  it('alerts on a ticket without take-charge deadline too, without a due instant', async () => {
    await h.receive('T-1', { clientId: 'GLOBEX', coverage: { status: 'no_contract', contractId: null } });
    await eventually(() => expect(h.alerts).toHaveLength(1));
    expect(h.alerts[0]).toMatchObject({
      kind: 'unassignable',
      ticketId: 'T-1',
      clientId: 'GLOBEX',
      reason: 'no agent knows ERP',
    });
    expect(h.alerts[0]).not.toHaveProperty('dueAt');
  });
});

describe('tickets waiting for an agent', () => {
  let h: TriageHarness;
  beforeEach(async () => {
    h = await triageHarness();
    await h.signContract();
  });
  afterEach(() => h.close());

  it('go to an agent who comes back, oldest first, each weighing on the next', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'expert' }], 'unavailable');
    await h.receive('T-2', { at: '2026-05-07T16:02:00+02:00' });
    await h.receive('T-1');
    await h.triaged('T-1');
    await h.triaged('T-2');
    await eventually(() => expect(h.alerts).toHaveLength(2));

    await h.agentCommand({
      type: 'ChangeAvailability',
      agentId: 'ada',
      availability: 'available',
      by: 'ada',
      at: '2026-05-07T16:30:00+02:00',
    });
    const [back] = (await h.store.readStream('agent-ada')).slice(-1);
    const assignments = (await h.store.readAll()).filter((event) => event.type === 'TicketAssigned');
    expect(assignments.map(({ stream, causationId, data }) => [stream, causationId, data.reason])).toEqual([
      ['ticket-T-1', back!.id, 'expert on ERP; 0 open ticket(s), the lightest load of 1 available'],
      ['ticket-T-2', back!.id, 'expert on ERP; 1 open ticket(s), the lightest load of 1 available'],
    ]);
    expect(h.alerts).toHaveLength(2);
  });

  it('go to an agent who learns their product, and tickets already held stay where they are', async () => {
    await h.joinAgent('ada', [{ product: 'ERP', level: 'expert' }]);
    await h.receive('T-1');
    await h.receive('T-2', { product: 'CRM' });
    await h.triaged('T-1');
    await h.triaged('T-2');

    await h.joinAgent('bob', [
      { product: 'ERP', level: 'basic' },
      { product: 'CRM', level: 'confirmed' },
    ]);
    expect((await h.stream('T-2')).at(-1)).toMatchObject({ type: 'TicketAssigned', data: { agentId: 'bob' } });
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketAssigned']);
  });
});

describe('a ticket that moved on before triage took it', () => {
  let h: TriageHarness;
  beforeEach(async () => {
    h = await triageHarness({ deferStart: true });
    await h.signContract();
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
    await h.joinAgent('bob', [{ product: 'ERP', level: 'confirmed' }]);
    // Bob holds a ticket already: on its reception alone, T-1 would go to Ada, the lighter loaded.
    await h.receive('T-0');
    await h.ticketCommand({ type: 'AssignTicket', ticketId: 'T-0', agentId: 'bob', by: 'manager-max', at: receivedAt });
    await h.receive('T-1');
  });
  afterEach(() => h.close());

  it('stays with the agent the manager gave it meanwhile', async () => {
    await h.ticketCommand({ type: 'AssignTicket', ticketId: 'T-1', agentId: 'bob', by: 'manager-max', at: receivedAt });
    await h.start();
    await h.triaged('T-1');
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketAssigned']);
    expect((await h.stream('T-1'))[1]?.data).toMatchObject({ agentId: 'bob', by: 'manager-max' });
  });

  it('is not assigned once cancelled', async () => {
    await h.ticketCommand({
      type: 'CancelTicket',
      ticketId: 'T-1',
      reason: 'Resolved by itself',
      by: 'contact-cleo',
      at: receivedAt,
    });
    await h.start();
    await h.triaged('T-1');
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketCancelled']);
  });

  it('is assigned as its reception alone says when nothing came after it', async () => {
    await h.start();
    await h.triaged('T-1');
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketAssigned']);
    expect((await h.stream('T-1'))[1]?.data).toMatchObject({ agentId: 'ada', by: 'triage' });
  });
});

describe('redelivery', () => {
  let h: TriageHarness;
  beforeEach(async () => {
    h = await triageHarness();
    await h.signContract();
    await h.joinAgent('ada', [{ product: 'ERP', level: 'confirmed' }]);
  });
  afterEach(() => h.close());

  it('a TicketReceived delivered again changes nothing', async () => {
    await h.receive('T-1', { priority: 'P3', description: 'Production arrêtée' });
    await h.triaged('T-1');
    const before = await h.stream('T-1');

    await h.bus.publish(eventsTopic, [eventMessage(before[0]!)]);
    const [, again] = await h.triaged('T-1', 2);
    expect(again).toMatchObject({ outcome: { ticketId: 'T-1' } });
    expect(again!.outcome).toEqual({ ticketId: 'T-1', requalified: { step: 'replayed', reason: expect.any(String) } });
    expect(await h.stream('T-1')).toEqual(before);
  });

  it('deliveries racing each other record one requalification and one assignment', async () => {
    await h.receive('T-1', { priority: 'P3', description: 'Production arrêtée' });
    const [received] = await h.stream('T-1');
    const { directories, rules } = h.triage;
    await Promise.all([1, 2, 3].map(() => triageTicket({ context: h.context, directories, rules }, received!)));
    await h.triaged('T-1', 4);
    expect(await h.types('T-1')).toEqual(['TicketReceived', 'TicketRequalified', 'TicketAssigned']);
  });
});
