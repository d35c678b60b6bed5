import { billingDecider, type SetPriceList, steeringStreams } from '@hotline/domain';
import { type EventStore, handleCommand } from '@hotline/eventstore';
import { describe, expect, it } from 'vitest';
import {
  agent,
  given,
  onSqlitePerTest,
  type Resolution,
  received,
  signContract,
  startResolution,
} from '../../test/resolution-harness.ts';

let resolution: Resolution;
onSqlitePerTest((started) => {
  resolution = started;
});

const priceList: SetPriceList = {
  type: 'SetPriceList',
  clientId: 'GLOBEX',
  validFrom: '2026-01-01',
  currency: 'EUR',
  hourlyRates: [
    { workKind: 'malfunction', rateCents: 9_500 },
    { workKind: 'service', rateCents: 11_000 },
  ],
  fixedPrices: [],
  by: 'manager-max',
  at: '2025-12-15T10:00:00+01:00',
};

/** The price list as intake would have set it. */
async function setPriceList(list: SetPriceList = priceList) {
  const outcome = await handleCommand(resolution.store, {
    stream: steeringStreams.billing(list.clientId),
    decider: billingDecider,
    command: list,
    context: { commandId: `price-list:${list.clientId}:${list.validFrom}`, actor: list.by },
  });
  if (!outcome.ok) throw new Error(outcome.error.message);
}

const outOfContract = { clientId: 'GLOBEX', coverage: { status: 'no_contract' as const, contractId: null } };
const time = (minutes: number, what = 'Analysed the posting logs') => ({ by: agent, minutes, what });

async function items(clientId = 'GLOBEX') {
  await resolution.service.caughtUp();
  const stream = await resolution.store.readStream(steeringStreams.billing(clientId));
  return stream.filter((event) => event.type === 'BillableItemRecorded').map((event) => event.data);
}

describe('billing the time spent outside a contract', () => {
  it('bills time on an out-of-contract ticket at the rate of its nature, to the cent, once per record', async () => {
    await setPriceList();
    await given(resolution.store, received('T-1', outOfContract));
    const recorded = await resolution.send('/tickets/T-1/time', time(10), { headers: { 'idempotency-key': 't-1' } });
    expect(recorded.status).toBe(200);
    await resolution.send('/tickets/T-1/time', time(10), { headers: { 'idempotency-key': 't-1' } });
    await resolution.send('/tickets/T-1/time', { ...time(20, 'Wrote the fix'), agentId: 'agent-bob' });
    const billed = await items();
    // 10 min at 95.00 €/h = 15.833… → 15.83 €; 20 min → 31.666… → 31.67 €: each item rounded, half up.
    expect(billed).toEqual([
      expect.objectContaining({
        clientId: 'GLOBEX',
        origin: 'ticket_time',
        ticketId: 'T-1',
        product: 'ERP',
        agentId: agent,
        on: '2026-05-11',
        description: 'Analysed the posting logs',
        pricing: 'time',
        workKind: 'malfunction',
        minutes: 10,
        rateCents: 9_500,
        amountCents: 1_583,
        currency: 'EUR',
        priceListFrom: '2026-01-01',
      }),
      expect.objectContaining({ agentId: 'agent-bob', minutes: 20, amountCents: 3_167 }),
    ]);
  });

  it('bills nothing for a covered ticket, and bills a service request at the service rate', async () => {
    await signContract(resolution.store);
    await setPriceList({ ...priceList, clientId: 'ACME' });
    await given(resolution.store, received('T-2'));
    await resolution.send('/tickets/T-2/time', time(30));
    await given(
      resolution.store,
      received('T-3', { nature: 'service', coverage: { status: 'not_applicable', contractId: null } }),
    );
    await resolution.send('/tickets/T-3/time', time(90, 'Installed the test environment'));
    const billed = await items('ACME');
    expect(billed).toEqual([expect.objectContaining({ ticketId: 'T-3', workKind: 'service', amountCents: 16_500 })]);
  });

  it('judges the ticket as it stood when the time was recorded, and bills once across restarts', async () => {
    await setPriceList();
    await given(resolution.store, received('T-4', outOfContract));
    await resolution.send('/tickets/T-4/time', time(60));
    expect(await items()).toHaveLength(1);
    // Became a change request afterwards: the hour already spent stays billed, no new item appears.
    await resolution.send('/tickets/T-4/change-requests', { by: agent, reason: 'A new report is wanted' });
    await resolution.service.stop();
    await resolution.service.start();
    expect(await items()).toEqual([expect.objectContaining({ ticketId: 'T-4', amountCents: 9_500 })]);
  });

  it('keeps time no price list prices aside, unpriced, and bills the next once a list is in force', async () => {
    await given(resolution.store, received('T-5', outOfContract));
    await resolution.send('/tickets/T-5/time', time(15));
    expect(await items()).toEqual([]);
    const unpriced = async () =>
      (await resolution.store.readStream(steeringStreams.billing('GLOBEX')))
        .filter((event) => event.type === 'BillableTimeUnpriced')
        .map((event) => event.data);
    expect(await unpriced()).toEqual([
      expect.objectContaining({
        ticketId: 'T-5',
        minutes: 15,
        workKind: 'malfunction',
        reason: 'billing.no_price_list',
      }),
    ]);
    await setPriceList();
    await resolution.send('/tickets/T-5/time', time(15));
    expect(await items()).toEqual([expect.objectContaining({ minutes: 15, amountCents: 2_375 })]);
    // A restart replays the log: the time kept aside stays so, nothing is billed twice.
    await resolution.service.stop();
    await resolution.service.start();
    expect(await items()).toHaveLength(1);
    expect(await unpriced()).toHaveLength(1);
  });

  it('walks past the time already billed at a restart, reading no ticket again', async () => {
    await setPriceList();
    await given(resolution.store, received('T-6', outOfContract));
    await resolution.send('/tickets/T-6/time', time(30));
    expect(await items()).toHaveLength(1);
    const store = resolution.store;
    await resolution.service.stop();
    await resolution.app.close();
    const reads: string[] = [];
    const counting: EventStore = {
      append: (stream, events, options) => store.append(stream, events, options),
      readStream: (stream, options) => {
        reads.push(stream);
        return store.readStream(stream, options);
      },
      readAll: (options) => store.readAll(options),
      headPosition: () => store.headPosition(),
      subscribe: (handler, options) => store.subscribe(handler, options),
      verify: (options) => store.verify(options),
      close: () => store.close(),
    };
    resolution = await startResolution({ store: counting });
    await resolution.service.caughtUp();
    expect(reads.filter((stream) => stream === 'ticket-T-6' || stream.startsWith('billing-'))).toEqual([]);
    await resolution.send('/tickets/T-6/time', time(5));
    expect(await items()).toHaveLength(2);
  });
});
