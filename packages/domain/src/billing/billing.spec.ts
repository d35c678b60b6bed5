import { describe, expect, it } from 'vitest';
import { specify } from '../../test/given-when-then.ts';
import { billableWorkKind, billingDayOf } from './billable-time.ts';
import { BillingCommand, type SetPriceList } from './billing-commands.ts';
import { billingDecider } from './billing-decider.ts';
import { BillingEvent, billingEvent } from './billing-events.ts';

const { given } = specify(billingDecider, { commands: BillingCommand, events: BillingEvent });
const ids = { clientId: 'GLOBEX', by: 'manager-max', at: '2026-01-05T09:00:00+01:00' };
const list2026: SetPriceList = {
  type: 'SetPriceList',
  ...ids,
  validFrom: '2026-01-01',
  currency: 'EUR',
  hourlyRates: [
    { workKind: 'malfunction', rateCents: 9_000 },
    { workKind: 'on_site', rateCents: 12_000 },
  ],
  fixedPrices: [{ service: 'install', label: 'Installation', priceCents: 150_000 }],
};
const { type: _type, ...listPayload } = list2026;
const set2026 = billingEvent('PriceListSet', listPayload);
const set202607 = billingEvent('PriceListSet', {
  ...listPayload,
  validFrom: '2026-07-01',
  hourlyRates: [{ workKind: 'malfunction', rateCents: 9_500 }],
});
const time = {
  type: 'BillTicketTime',
  ...ids,
  itemId: 'time-1',
  ticketId: 'T-9',
  product: 'ERP',
  agentId: 'agent-ada',
  workKind: 'malfunction',
  minutes: 10,
  on: '2026-07-02',
  description: 'Analysed the posting logs',
  at: '2026-07-02T11:00:00+02:00',
} as const;
const billedTime = (rateCents: number, amountCents: number, priceListFrom: string) =>
  billingEvent('BillableItemRecorded', {
    ...ids,
    itemId: 'time-1',
    origin: 'ticket_time',
    ticketId: 'T-9',
    product: 'ERP',
    agentId: 'agent-ada',
    on: time.on,
    description: time.description,
    pricing: 'time',
    workKind: 'malfunction',
    minutes: 10,
    rateCents,
    amountCents,
    currency: 'EUR',
    priceListFrom,
    at: time.at,
  });

describe('price lists', () => {
  it('a version is in force from its day until the next one', () => {
    given([]).when(list2026).then([set2026]);
    given([set2026, set202607])
      .when(time)
      .then([billedTime(9_500, 1_583, '2026-07-01')]);
    given([set2026, set202607])
      .when({ ...time, on: '2026-06-30' })
      .then([{ ...billedTime(9_000, 1_500, '2026-01-01'), on: '2026-06-30' }]);
  });

  it('versions follow one another and never reach back over a billed item', () => {
    given([set2026]).when(list2026).thenRefused('billing.price_list_out_of_order');
    given([set2026, billedTime(9_000, 1_500, '2026-01-01')])
      .when({ ...list2026, validFrom: '2026-07-02' })
      .thenRefused('billing.price_list_retroactive');
    given([set2026, billedTime(9_000, 1_500, '2026-01-01')])
      .when({ ...list2026, validFrom: '2026-07-03' })
      .then([billingEvent('PriceListSet', { ...listPayload, validFrom: '2026-07-03' })]);
  });

  it('a version prices each kind of work and each service once, over a valid period', () => {
    given([])
      .when({ ...list2026, hourlyRates: [...list2026.hourlyRates, { workKind: 'on_site', rateCents: 1 }] })
      .thenRefused('billing.price_list_duplicate');
    given([])
      .when({ ...list2026, validUntil: '2025-12-31' })
      .thenRefused('billing.price_list_period_invalid');
  });

  it('time no list prices is kept aside, unpriced, with the reason', () => {
    const { type: _t, ...facts } = time;
    const unpriced = billingEvent('BillableTimeUnpriced', { ...facts, reason: 'billing.no_price_list' });
    given([]).when(time).then([unpriced]);
    given([billingEvent('PriceListSet', { ...listPayload, validUntil: '2026-06-30' })])
      .when(time)
      .then([unpriced]);
    given([set202607])
      .when({ ...time, workKind: 'functional' })
      .then([{ ...unpriced, workKind: 'functional', reason: 'billing.no_rate' }]);
    given([unpriced]).when(time).thenRefused('billing.already_registered');
  });

  it('the manager bills time kept aside once a list prices it, with the list in force on its day', () => {
    const { type: _t, ...facts } = time;
    const unpriced = billingEvent('BillableTimeUnpriced', { ...facts, reason: 'billing.no_price_list' });
    const pricing = { type: 'PriceUnpricedTime', clientId: 'GLOBEX', itemId: 'time-1', by: 'manager-max' } as const;
    const later = '2026-09-01T09:00:00+02:00';
    given([unpriced, set2026])
      .when({ ...pricing, at: later })
      .then([{ ...billedTime(9_000, 1_500, '2026-01-01'), by: 'manager-max', at: later }]);
    given([unpriced])
      .when({ ...pricing, at: later })
      .thenRefused('billing.no_price_list');
    given([unpriced, set2026, { ...billedTime(9_000, 1_500, '2026-01-01'), at: later }])
      .when({ ...pricing, at: later })
      .thenRefused('billing.already_registered');
    given([set2026])
      .when({ ...pricing, at: later })
      .thenRefused('billing.unpriced_time_unknown');
  });

  it('an unpriced time does not hold back a new price list', () => {
    const { type: _t, ...facts } = time;
    const unpriced = billingEvent('BillableTimeUnpriced', { ...facts, reason: 'billing.no_price_list' });
    given([unpriced]).when(list2026).then([set2026]);
  });
});

describe('billable items', () => {
  it('time is billed once per time record', () => {
    given([set2026, billedTime(9_000, 1_500, '2026-01-01')])
      .when(time)
      .thenRefused('billing.already_registered');
  });

  const onSite = {
    type: 'RecordOnSiteService',
    ...ids,
    serviceId: 'OS-1',
    agentId: 'agent-bob',
    on: '2026-03-12',
    description: 'Installed ERP 13 at the Lyon site',
  } as const;
  const onSiteItem = {
    ...ids,
    itemId: 'OS-1',
    origin: 'on_site_service',
    agentId: 'agent-bob',
    on: '2026-03-12',
    description: onSite.description,
    currency: 'EUR',
    priceListFrom: '2026-01-01',
  } as const;

  it('an on-site service is billed by its duration at the on-site rate', () => {
    given([set2026])
      .when({ ...onSite, ticketId: 'T-9', ticketClientId: 'GLOBEX', pricing: { kind: 'time', minutes: 150 } })
      .then([
        billingEvent('BillableItemRecorded', {
          ...onSiteItem,
          ticketId: 'T-9',
          pricing: 'time',
          workKind: 'on_site',
          minutes: 150,
          rateCents: 12_000,
          amountCents: 30_000,
        }),
      ]);
  });

  it('an on-site service outside a list in force is refused: the person recording it can set the list', () => {
    given([])
      .when({ ...onSite, pricing: { kind: 'time', minutes: 60 } })
      .thenRefused('billing.no_price_list');
  });

  it('a service for a ticket is billed to the client of the ticket', () => {
    given([set2026])
      .when({ ...onSite, ticketId: 'T-9', ticketClientId: 'ACME', pricing: { kind: 'time', minutes: 60 } })
      .thenRefused('billing.ticket_of_another_client');
    given([set2026])
      .when({ ...onSite, ticketId: 'T-9', pricing: { kind: 'time', minutes: 60 } })
      .thenRefused('billing.ticket_of_another_client');
  });

  it('or at the fixed price of its service', () => {
    given([set2026])
      .when({ ...onSite, pricing: { kind: 'fixed', service: 'install' } })
      .then([
        billingEvent('BillableItemRecorded', {
          ...onSiteItem,
          pricing: 'fixed',
          service: 'install',
          amountCents: 150_000,
        }),
      ]);
    given([set2026])
      .when({ ...onSite, pricing: { kind: 'fixed', service: 'audit' } })
      .thenRefused('billing.no_fixed_price');
  });
});

describe('which time is billable', () => {
  const ticket = {
    clientId: 'GLOBEX',
    nature: 'malfunction',
    coverage: { status: 'covered', contractId: 'C' },
  } as const;

  it('time outside a contract is billed at the rate of the nature of the ticket', () => {
    expect(billableWorkKind({ ...ticket, coverage: { status: 'no_contract', contractId: null } })).toBe('malfunction');
    expect(billableWorkKind({ ...ticket, coverage: { status: 'out_of_contract', contractId: null } })).toBe(
      'malfunction',
    );
    expect(
      billableWorkKind({ ...ticket, nature: 'service', coverage: { status: 'not_applicable', contractId: null } }),
    ).toBe('service');
  });

  it('covered tickets, change requests and tickets without client are not billed here', () => {
    expect(billableWorkKind(ticket)).toBeUndefined();
    expect(
      billableWorkKind({ ...ticket, nature: 'evolution', coverage: { status: 'not_applicable', contractId: null } }),
    ).toBeUndefined();
    const { clientId: _client, ...anonymous } = ticket;
    expect(billableWorkKind({ ...anonymous, coverage: { status: 'no_contract', contractId: null } })).toBeUndefined();
  });
});

describe('the day of a billable item', () => {
  it('is the civil day in Paris, whatever the offset the instant was written in', () => {
    expect(billingDayOf('2026-06-30T22:30:00Z')).toBe('2026-07-01');
    expect(billingDayOf('2026-06-30T23:59:00+02:00')).toBe('2026-06-30');
    expect(billingDayOf('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(billingDayOf('2026-12-31T23:30:00Z', 'UTC')).toBe('2026-12-31');
  });
});
