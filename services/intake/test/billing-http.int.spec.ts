import { billingDecider, steeringStreams } from '@hotline/domain';
import { handleCommand } from '@hotline/eventstore';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, expectProblem, intakeHarness, p2Submission } from './intake-harness.ts';

let harness: Awaited<ReturnType<typeof intakeHarness>>;
beforeEach(async () => {
  harness = await intakeHarness({ sqlite: true });
});
afterEach(async () => {
  await harness.close();
});

const post = (url: string, payload: object, key?: string) => call(harness, 'POST', url, payload, key);
async function submit(clientId: string) {
  const response = await harness.app.inject({
    method: 'POST',
    url: '/tickets',
    payload: { ...p2Submission, externalId: `CP-${clientId}`, clientId },
  });
  return { response };
}
const manager = { by: 'manager-max' };
const list2026 = {
  ...manager,
  validFrom: '2026-01-01',
  currency: 'EUR',
  hourlyRates: [
    { workKind: 'malfunction', rateCents: 9_500 },
    { workKind: 'on_site', rateCents: 12_345 },
  ],
  fixedPrices: [{ service: 'install', label: 'Installation of a version', priceCents: 150_000 }],
};
const onSite = {
  by: 'agent-bob',
  serviceId: 'OS-1',
  agentId: 'agent-bob',
  product: 'ERP',
  on: '2026-03-12',
  description: 'Installed ERP 13 at the Lyon site',
  pricing: { kind: 'time', minutes: 45 },
};

describe('price lists and on-site services', () => {
  it('sets versions of a price list in force one after the other', async () => {
    const set = await post('/clients/GLOBEX/price-lists', list2026, 'pl-1');
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ clientId: 'GLOBEX', priceLists: [{ validFrom: '2026-01-01' }], items: [] });
    expect((await post('/clients/GLOBEX/price-lists', list2026, 'pl-1')).status).toBe(200);
    expectProblem(await post('/clients/GLOBEX/price-lists', list2026), 422, 'billing.price_list_out_of_order');
    const doubled = {
      ...list2026,
      validFrom: '2026-07-01',
      fixedPrices: [...list2026.fixedPrices, list2026.fixedPrices[0]],
    };
    expectProblem(await post('/clients/GLOBEX/price-lists', doubled), 422, 'billing.price_list_duplicate');
    expectProblem(
      await post('/clients/GLOBEX/price-lists', { ...list2026, validFrom: '2026-09-01', validUntil: '2026-08-31' }),
      422,
      'billing.price_list_period_invalid',
    );
    const badCurrency = await post('/clients/GLOBEX/price-lists', { ...list2026, currency: 'euro' });
    expect(badCurrency.status).toBe(400);
  });

  it('bills an on-site service by its duration or at a fixed price, to the cent, with the list in force on its day', async () => {
    await post('/clients/GLOBEX/price-lists', list2026);
    const byTime = await post('/clients/GLOBEX/on-site-services', onSite, 'os-1');
    expect(byTime.status).toBe(201);
    // 45 minutes at 123.45 € an hour: 92.5875 €, billed 92.59 € (half up, per item).
    expect(byTime.body).toEqual({
      clientId: 'GLOBEX',
      itemId: 'OS-1',
      origin: 'on_site_service',
      product: 'ERP',
      agentId: 'agent-bob',
      on: '2026-03-12',
      description: onSite.description,
      pricing: 'time',
      workKind: 'on_site',
      minutes: 45,
      rateCents: 12_345,
      amountCents: 9_259,
      currency: 'EUR',
      priceListFrom: '2026-01-01',
      by: 'agent-bob',
      at: '2026-05-07T14:00:00.000Z',
    });
    const again = await post('/clients/GLOBEX/on-site-services', onSite, 'os-1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(byTime.body);
    expectProblem(await post('/clients/GLOBEX/on-site-services', onSite), 409, 'billing.already_registered');

    const { response: submitted } = await submit('GLOBEX');
    const ticketId = submitted.json().ticketId;
    const fixed = { ...onSite, serviceId: 'OS-2', ticketId, pricing: { kind: 'fixed', service: 'install' } };
    expect((await post('/clients/GLOBEX/on-site-services', fixed)).body).toMatchObject({
      pricing: 'fixed',
      service: 'install',
      ticketId,
      amountCents: 150_000,
    });
    const billing = await call(harness, 'GET', '/clients/GLOBEX/billing');
    expect(billing.body.items.map((item: { itemId: string }) => item.itemId)).toEqual(['OS-1', 'OS-2']);
    expect(billing.body.totalCents).toBe(159_259);
    // A new version may not reach back over the items billed.
    expectProblem(
      await post('/clients/GLOBEX/price-lists', { ...list2026, validFrom: '2026-03-12' }),
      422,
      'billing.price_list_retroactive',
    );
  });

  it('bills a service for a ticket to the client of the ticket only', async () => {
    await post('/clients/GLOBEX/price-lists', list2026);
    const { response } = await submit('ACME');
    const forAcme = { ...onSite, ticketId: response.json().ticketId };
    expectProblem(await post('/clients/GLOBEX/on-site-services', forAcme), 422, 'billing.ticket_of_another_client');
    expectProblem(
      await post('/clients/GLOBEX/on-site-services', { ...onSite, ticketId: 'nope' }),
      404,
      'ticket.not_found',
    );
  });

  it('refuses a service outside any list in force, or that the list does not price', async () => {
    expectProblem(await post('/clients/GLOBEX/on-site-services', onSite), 422, 'billing.no_price_list');
    await post('/clients/GLOBEX/price-lists', { ...list2026, hourlyRates: [] });
    expectProblem(await post('/clients/GLOBEX/on-site-services', onSite), 422, 'billing.no_rate');
    const audit = { ...onSite, pricing: { kind: 'fixed', service: 'audit' } };
    expectProblem(await post('/clients/GLOBEX/on-site-services', audit), 422, 'billing.no_fixed_price');
    expectProblem(await call(harness, 'GET', '/clients/NOBODY/billing'), 404, 'billing.not_found');
  });
});

describe('time kept aside unpriced', () => {
  /** Time on an out-of-contract ticket, as resolution bills it when the time is recorded. */
  async function timeRecorded(itemId: string) {
    const outcome = await handleCommand(harness.store, {
      stream: steeringStreams.billing('GLOBEX'),
      decider: billingDecider,
      command: {
        type: 'BillTicketTime',
        clientId: 'GLOBEX',
        itemId,
        ticketId: 'T-1',
        product: 'ERP',
        agentId: 'agent-ada',
        workKind: 'malfunction',
        minutes: 10,
        on: '2026-03-02',
        description: 'Analysed the logs',
        by: 'agent-ada',
        at: '2026-03-02T10:00:00+01:00',
      },
      context: { commandId: `bill-time:${itemId}`, actor: 'agent-ada' },
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
  }

  it('is listed, then billed by the manager once a price list prices it', async () => {
    await timeRecorded('time-1');
    const before = await call(harness, 'GET', '/clients/GLOBEX/billing');
    expect(before.body).toMatchObject({ items: [], unpriced: [{ itemId: 'time-1', reason: 'billing.no_price_list' }] });
    const url = '/clients/GLOBEX/unpriced-time/time-1/pricing';
    expectProblem(await post(url, manager), 422, 'billing.no_price_list');
    await post('/clients/GLOBEX/price-lists', list2026);
    const priced = await post(url, manager, 'price-1');
    expect(priced.status).toBe(201);
    // 10 minutes at 95.00 € an hour: 15.83 €, with the list in force on the day the time was spent.
    expect(priced.body).toMatchObject({
      itemId: 'time-1',
      origin: 'ticket_time',
      ticketId: 'T-1',
      on: '2026-03-02',
      amountCents: 1_583,
      priceListFrom: '2026-01-01',
      by: 'manager-max',
    });
    expect((await post(url, manager, 'price-1')).body).toEqual(priced.body);
    expectProblem(await post(url, manager), 409, 'billing.already_registered');
    expectProblem(
      await post('/clients/GLOBEX/unpriced-time/time-9/pricing', manager),
      422,
      'billing.unpriced_time_unknown',
    );
    expect((await call(harness, 'GET', '/clients/GLOBEX/billing')).body).toMatchObject({
      totalCents: 1_583,
      unpriced: [],
    });
  });
});
