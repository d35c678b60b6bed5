import { acmeMaintenanceTerms } from '@hotline/domain';
import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../src/projections/record-store.ts';
import { indicatorsOf } from '../src/queries/indicator-queries.ts';
import { overrunsIn } from '../src/queries/overrun-queries.ts';
import { contractPenalties } from '../src/queries/penalty-queries.ts';
import { civilMonthIndexOf, monthPeriod, yearPeriod } from '../src/queries/periods.ts';
import { ReportingView } from '../src/queries/reporting-view.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { writeHotlineHistory } from './support/hotline-history.ts';
import { paris } from './support/hotline-scenario.ts';
import { type ReportingHarness, reportingHarness } from './support/reporting-harness.ts';
import { scannedIndicators, scannedOverruns, scannedPenalties } from './support/scan-queries.ts';
import { feedView } from './support/view-feeding.ts';

const from = Date.parse('2026-01-05T08:00:00+01:00');
const until = Date.parse('2026-07-01T12:00:00+02:00');

let harness: ReportingHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** What the aggregate views answer at `now`, for the whole hotline and for one client. */
function answers(view: ReportingView, now: number) {
  const year = yearPeriod(2026);
  const month = monthPeriod(civilMonthIndexOf(now));
  const odd = { start: Date.parse('2026-02-11T10:00:00Z'), end: now + 1 };
  return ['all', 'C001'].map((client) => {
    const scope = client === 'all' ? {} : { clientId: client };
    return {
      year: indicatorsOf(view, year, now, scope),
      month: indicatorsOf(view, month, now, scope),
      odd: indicatorsOf(view, odd, now, scope),
      overruns: overrunsIn(view, year, now, scope),
      production: overrunsIn(view, odd, now, scope, { production: true }),
      penalties: contractPenalties(view, now, scope),
    };
  });
}

/** The same, every ticket judged afresh at `now` as the views did before the tallies. */
function scanned(view: ReportingView, now: number) {
  const year = yearPeriod(2026);
  const month = monthPeriod(civilMonthIndexOf(now));
  const odd = { start: Date.parse('2026-02-11T10:00:00Z'), end: now + 1 };
  return ['all', 'C001'].map((client) => {
    const scope = client === 'all' ? {} : { clientId: client };
    return {
      year: scannedIndicators(view, year, now, scope),
      month: scannedIndicators(view, month, now, scope),
      odd: scannedIndicators(view, odd, now, scope),
      overruns: scannedOverruns(view, year, now, scope),
      production: scannedOverruns(view, odd, now, scope, { production: true }),
      penalties: scannedPenalties(view, now, scope),
    };
  });
}

async function rebuiltView(store: EventStore): Promise<ReportingView> {
  const records = new MemoryRecordStore();
  records.replaceAll((await rebuildRecords(store)).records);
  const view = new ReportingView();
  (await records.follow(view)).stop();
  return view;
}

describe('the settled tickets’ tallies', () => {
  it('built event by event, queried along the way, answer as a rebuild and as judging every ticket afresh', async () => {
    const store = await openMemoryStore();
    try {
      await writeHotlineHistory(store, { tickets: 300, clients: 6, from, until, seed: 21 });
      // The view told of each change as the projections tell it, queried after every page of events.
      const live = new ReportingView();
      const pages = await feedView(store, live, 250, (page) => answers(live, Date.parse(page.at(-1)!.occurredAt)));
      expect(pages).toBeGreaterThan(5);
      const rebuilt = await rebuiltView(store);
      for (const now of [
        until,
        until + 3_600_000,
        Date.parse('2026-12-31T23:30:00Z'),
        Date.parse('2027-03-01T00:00:00Z'),
      ]) {
        const incremental = answers(live, now);
        expect(incremental[0]!.overruns.length).toBeGreaterThan(0);
        expect(incremental[0]!.penalties.length).toBeGreaterThan(0);
        expect(incremental).toEqual(answers(rebuilt, now));
        expect(incremental).toEqual(scanned(live, now));
      }
    } finally {
      await store.close();
    }
  });

  it('take a reopened ticket out of the settled tallies, and back once resolved again', async () => {
    harness = await reportingHarness(Date.parse(paris('2026-06-01T12:00')));
    const { scenario } = harness;
    await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
    // P2 received Mon 4 May 09:00: resolution due 40 business hours later, Mon 11 May 18:00 (8 May is a holiday).
    await scenario.ticket('T-1', [
      scenario.receive('ACME', paris('2026-05-04T09:00'), { priority: 'P2' }),
      { type: 'TakeCharge', by: 'agent-ada', at: paris('2026-05-04T09:10') },
      { type: 'ResolveTicket', how: 'fix', by: 'agent-ada', at: paris('2026-05-13T18:00') },
    ]);
    const view = await harness.service.projections.current();
    const year = yearPeriod(2026);
    const check = async (now: number) => {
      await harness!.caughtUp();
      const tallied = {
        indicators: indicatorsOf(view, year, now),
        overruns: overrunsIn(view, year, now),
        penalties: contractPenalties(view, now),
      };
      expect(tallied).toEqual({
        indicators: scannedIndicators(view, year, now),
        overruns: scannedOverruns(view, year, now),
        penalties: scannedPenalties(view, now),
      });
      return tallied;
    };
    const resolved = await check(Date.parse(paris('2026-05-20T12:00')));
    expect(resolved.indicators.byPriority.P2.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(resolved.indicators.byPriority.P2.productionOverrunDays).toBe(2);

    await scenario.ticket('T-1', [
      { type: 'ReopenTicket', reason: 'Still failing', by: 'contact-ACME', at: paris('2026-05-18T09:00') },
    ]);
    const reopened = await check(Date.parse(paris('2026-05-25T12:00')));
    expect(reopened.indicators.byPriority.P2.malfunctions).toEqual({ within: 0, resolved: 0 });
    // Open again, the overrun runs on to now: from Mon 11 May 18:00 (the pause while resolved moved it later).
    expect(reopened.indicators.byPriority.P2.productionOverrunDays).toBeGreaterThan(2);
    expect(reopened.overruns[0]?.resolvedAt).toBeNull();
    expect(reopened.penalties[0]?.tickets[0]?.open).toBe(true);

    await scenario.ticket('T-1', [
      { type: 'ResolveTicket', how: 'fix', by: 'agent-ada', at: paris('2026-05-26T10:00') },
    ]);
    const again = await check(Date.parse(paris('2026-06-01T12:00')));
    expect(again.indicators.byPriority.P2.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(again.overruns[0]?.resolvedAt).toBe(Date.parse(paris('2026-05-26T10:00')));
    expect(again.penalties[0]?.tickets[0]?.open).toBe(false);
  });

  it('change nothing when a record is told again, and start afresh on a reset', async () => {
    harness = await reportingHarness(until);
    await writeHotlineHistory(harness.store, { tickets: 80, clients: 4, from, until, seed: 5 });
    await harness.caughtUp();
    const records = new MemoryRecordStore();
    records.replaceAll((await rebuildRecords(harness.store)).records);
    const view = new ReportingView();
    const follower = await records.follow(view);
    const before = answers(view, until);
    // A redelivery reaching the view (a replica's refresh reloads the streams it is told of) and a rebuild's switch.
    for (const [stream, stored] of records.entries()) view.change(stream, stored);
    expect(answers(view, until)).toEqual(before);
    records.replaceAll((await rebuildRecords(harness.store)).records);
    expect(answers(view, until)).toEqual(before);
    follower.stop();
  });
});
