import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acmeMaintenanceTerms } from '@hotline/domain';
import { type EventStore, openMemoryStore, openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster, VirtualClock } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { at, factLine, slaClockHarness } from './sla-clock-harness.ts';
import { tickets } from './support/ticket-events.ts';

const monday = (time: string) => at(`2026-09-14T${time}:00+02:00`);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store that survives the service: a memory one kept aside, or a SQLite file reopened from disk. */
interface DurableStore {
  open(): Promise<EventStore>;
  close(store: EventStore): Promise<void>;
}

const stores: [string, () => Promise<DurableStore>][] = [
  [
    'memory',
    async () => {
      const store = await openMemoryStore();
      cleanups.push(() => store.close());
      return { open: async () => store, close: async () => {} };
    },
  ],
  [
    'SQLite file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sla-clock-restart-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, 'events.sqlite');
      return { open: () => openSqliteStore({ file, upcast: domainUpcaster }), close: (store) => store.close() };
    },
  ],
];

describe.each(stores)('a restart on a %s store', (_name, makeStore) => {
  it('fires the timers missed while down at once, late, once, and the later ones on time', async () => {
    const durable = await makeStore();
    const clock = new VirtualClock(monday('09:00'));
    const first = await durable.open();
    let harness = await slaClockHarness(monday('09:00'), { store: first, clock });
    await harness.signContract('ACME-M', acmeMaintenanceTerms);
    await harness.play([
      tickets.received('T-1', 'P2', monday('09:00')),
      tickets.received('T-2', 'P1', monday('09:00')),
    ]);
    await harness.advanceTo(monday('09:50'));
    await harness.close();
    await durable.close(first);

    // Down from 09:50 to 13:00: T-2's take-charge 90 % and breach, its workaround 75 % and T-1's 75 % pass unseen.
    await clock.advanceTo(monday('13:00'));
    const second = await durable.open();
    harness = await slaClockHarness(monday('13:00'), { store: second, clock });
    cleanups.push(async () => {
      await harness.close();
      await durable.close(second);
    });
    await harness.service.settled();
    await harness.advanceTo(monday('14:30'));
    await harness.restart();
    await harness.advanceTo(monday('14:40'));

    expect((await harness.slaFacts('T-2')).map(factLine).slice(0, 3)).toEqual([
      'takeCharge P1 warning 0.75 due 2026-09-14T07:45:00.000Z raised 2026-09-14T07:45:00.001Z',
      'takeCharge P1 warning 0.9 due 2026-09-14T07:54:00.000Z raised 2026-09-14T11:00:00.000Z',
      'takeCharge P1 breach due 2026-09-14T08:00:00.000Z raised 2026-09-14T11:00:00.000Z',
    ]);
    expect((await harness.slaFacts('T-1')).map(factLine)).toEqual([
      'takeCharge P2 warning 0.75 due 2026-09-14T10:00:00.000Z raised 2026-09-14T11:00:00.000Z',
      'takeCharge P2 warning 0.9 due 2026-09-14T11:36:00.000Z raised 2026-09-14T11:36:00.001Z',
      'takeCharge P2 breach due 2026-09-14T12:00:00.000Z raised 2026-09-14T12:00:00.001Z',
    ]);
    expect((await harness.slaFacts('T-2')).map(factLine)[3]).toBe(
      'workaround P1 warning 0.75 due 2026-09-14T10:00:00.000Z raised 2026-09-14T11:00:00.000Z',
    );
    // The second service alerted what it raised, the missed ones at once; the restart at 14:30 nothing.
    const byInstant = new Map<string, string[]>();
    for (const alert of harness.alerts) {
      const line = `${alert.ticketId} ${alert.target} ${alert.threshold}`;
      byInstant.set(alert.raisedAt, [...(byInstant.get(alert.raisedAt) ?? []), line].sort());
    }
    expect(Object.fromEntries(byInstant)).toEqual({
      '2026-09-14T11:00:00.000Z': ['T-1 takeCharge 75', 'T-2 takeCharge 100', 'T-2 takeCharge 90', 'T-2 workaround 75'],
      '2026-09-14T11:36:00.001Z': ['T-1 takeCharge 90', 'T-2 workaround 90'],
      '2026-09-14T12:00:00.001Z': ['T-1 takeCharge 100', 'T-2 workaround 100'],
    });
    expect(new Set(harness.alerts.map((alert) => alert.alertId)).size).toBe(harness.alerts.length);
  });
});
