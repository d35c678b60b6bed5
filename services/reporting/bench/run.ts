import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { civilMonth, domainEventRegistry, ticketSla, toEpochMs } from '@hotline/domain';
import { type EventStore, openMemoryStore } from '@hotline/eventstore';
import { auditTicket } from '../src/audit/ticket-audit.ts';
import { settleHeap } from '../src/projections/heap-settling.ts';
import { MemoryRecordStore } from '../src/projections/record-store.ts';
import { backlog, volumes } from '../src/queries/activity-queries.ts';
import { indicatorsOf } from '../src/queries/indicator-queries.ts';
import { faqCandidates } from '../src/queries/knowledge-queries.ts';
import { overrunsIn, pastDue } from '../src/queries/overrun-queries.ts';
import { claimingClients, contractPenalties } from '../src/queries/penalty-queries.ts';
import { yearPeriod } from '../src/queries/periods.ts';
import { processingTimes } from '../src/queries/processing-time-queries.ts';
import { ReportingView } from '../src/queries/reporting-view.ts';
import { listTickets } from '../src/queries/ticket-queries.ts';
import { productWorkloads } from '../src/queries/workload-queries.ts';
import { rebuildRecords } from '../src/rebuild/rebuild.ts';
import { HotlineScenario, paris } from '../test/support/hotline-scenario.ts';
import {
  scannedBacklog,
  scannedClaimingClients,
  scannedFaqCandidates,
  scannedIndicators,
  scannedOverruns,
  scannedPenalties,
  scannedProcessingTimes,
  scannedVolumes,
  scannedWorkloads,
} from '../test/support/scan-queries.ts';
import { benchStore, YEAR_UNTIL } from './bench-store.ts';

// `pnpm bench`: rebuild of every projection from a simulated year (a million events) against reading
// and parsing the same events without projection work, in the same run; dashboard query latency; the
// replay of one ticket with 200 events. Contenders take turns, the median of the rounds counts.
// `--quick` (10,000 tickets, one round, 50 query runs) for iterating; `--only=queries,audit` runs a part.
const argument = (name: string) =>
  process.argv.find((each) => each.startsWith(`--${name}=`))?.slice(name.length + 3) ??
  (process.argv.includes(`--${name}`) ? '' : undefined);
const QUICK = argument('quick') !== undefined;
const TICKETS = Number(argument('tickets') || process.env.BENCH_TICKETS || (QUICK ? 10_000 : 140_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
const QUERY_RUNS = Number(argument('runs') || (QUICK ? 50 : 200));
const ONLY = new Set((argument('only') || 'rebuild,queries,audit').split(','));
/** How far the clock moves between two query runs (ms): open tickets whose reading lapsed meanwhile are read again. */
const STEP = Number(argument('step') || 1_000);
const WARM_UP = QUICK ? 5 : 20;
/** `--no-former`: the former views (every ticket judged at each query) are left out, for short runs. */
const FORMER = !process.argv.includes('--no-former');
/**
 * Who reads again the open tickets whose reading lapsed as the clock moves: `timer` (the default, as
 * the service runs: its projections do it every second at the clock's now, off the query path;
 * here between two runs, timed apart) or `query` (the query itself, as when no timer runs).
 */
const RENEWAL = argument('renewal') || 'timer';
const PAGE = 5_000;
const WORKLOAD = { minSkilledAgents: 2, maxTicketsPerAgent: 400 };

const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * share) - 1]!;
const format = (value: number) => Math.round(value).toLocaleString('en-US');

// Every collector pause of the run, on the performance timeline, to tell apart a slow query run that
// waited for the collector from one that computed (or waited for its turn on a shared core).
const gcPauses: { start: number; end: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    gcPauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });
/** The collector's pauses within [start, end] (ms); the observer reports them a little later, so read after the runs. */
const gcWithin = (start: number, end: number) => {
  let total = 0;
  for (const pause of gcPauses) total += Math.max(0, Math.min(end, pause.end) - Math.max(start, pause.start));
  return total;
};

/** The baseline: the same pages read from the store (JSON parsed into envelopes) and each event parsed by the domain's registry. */
async function readAndParse(store: EventStore): Promise<number> {
  let count = 0;
  for (let after = 0n; ; ) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return count;
    for (const event of page) {
      if (!event.stream.startsWith('sla-') && !event.stream.startsWith('patch-')) {
        const parsed = domainEventRegistry.parseStored(event);
        if (!parsed.ok) throw new Error(parsed.error.message);
      }
      count++;
    }
    after = page.at(-1)!.position;
  }
}

async function rebuildBench(store: EventStore) {
  const baseline: number[] = [];
  const rebuild: number[] = [];
  let events = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    events = await readAndParse(store);
    baseline.push(events / ((performance.now() - started) / 1000));
    started = performance.now();
    await rebuildRecords(store, { pageSize: PAGE });
    rebuild.push(events / ((performance.now() - started) / 1000));
  }
  return { events, baseline: median(baseline), rebuild: median(rebuild) };
}

async function queryBench(store: EventStore) {
  const rebuilt = await rebuildRecords(store, { pageSize: PAGE });
  const records = new MemoryRecordStore();
  records.replaceAll(rebuilt.records);
  const view = new ReportingView();
  (await records.follow(view)).stop();
  const year = yearPeriod(2026);
  const queries: Record<string, (now: number) => unknown> = {
    'indicators of the year': (now) => indicatorsOf(view, year, now),
    'tickets, first page': (now) => listTickets(view, {}, now, { offset: 0, limit: 50 }),
    "a client's open tickets": (now) =>
      listTickets(
        view,
        {
          clientId: 'C007',
          status: ['received', 'taken_charge', 'in_progress', 'awaiting_customer', 'workaround_provided'],
        },
        now,
        { offset: 0, limit: 50 },
      ),
    'tickets at risk (SLA filter)': (now) => listTickets(view, { sla: 'at_risk' }, now, { offset: 0, limit: 50 }),
    'open tickets past due': (now) => pastDue(view, now),
    'production overruns of the year': (now) => overrunsIn(view, year, now, {}, { production: true }),
    'penalties per contract year': (now) => contractPenalties(view, now),
    'indicators of the year, one client and product': (now) =>
      indicatorsOf(view, year, now, { clientId: 'C007', product: 'ERP' }),
    'indicators of the year, production malfunctions': (now) =>
      indicatorsOf(view, year, now, { nature: 'malfunction', environment: 'production' }),
    'indicators of each month (12 queries)': (now) => {
      for (let month = 1; month <= 12; month++) indicatorsOf(view, civilMonth(2026, month), now);
    },
    'processing times of the year': (now) => processingTimes(view, year, now),
    'activity volumes of the year': () => volumes(view, year),
    'backlog of the year, month by month': (now) => backlog(view, year, now),
    'clients that claimed in the year': () => claimingClients(view, year),
    'workload per product of the year': () => productWorkloads(view, year, WORKLOAD),
    'FAQ candidates of the year': () => faqCandidates(view, year, 3),
  };
  // The same aggregates as they were answered before the tallies (every ticket judged at `now`), in
  // the same run, so that the machine's load weighs on both alike.
  const before: Record<string, (now: number) => unknown> = {
    'indicators of the year, judging every ticket (before)': (now) => scannedIndicators(view, year, now),
    'production overruns of the year, judging every ticket (before)': (now) =>
      scannedOverruns(view, year, now, {}, { production: true }),
    'penalties per contract year, judging every ticket (before)': (now) => scannedPenalties(view, now),
    'indicators of the year, one client and product, judging its tickets (before)': (now) =>
      scannedIndicators(view, year, now, { clientId: 'C007', product: 'ERP' }),
    'processing times of the year, judging every ticket (before)': (now) => scannedProcessingTimes(view, year, now),
    'activity volumes of the year, reading every ticket (before)': () => scannedVolumes(view, year),
    'backlog of the year, month by month, reading every ticket (before)': (now) => scannedBacklog(view, year, now),
    'clients that claimed in the year, reading every ticket (before)': () => scannedClaimingClients(view, year),
    'workload per product of the year, reading every ticket (before)': () => scannedWorkloads(view, year, WORKLOAD),
    'FAQ candidates of the year, reading every ticket (before)': () => scannedFaqCandidates(view, year, 3),
  };
  let now = YEAR_UNTIL;
  const results: {
    name: string;
    p50: number;
    p99: number;
    cpu50: number;
    cpu99: number;
    gcMax: number;
    gcRuns: number;
    slow: number;
    slowWithGc: number;
    renewedMax: number;
    renewedMean: number;
    allocatedKb: number;
  }[] = [];
  // A first pass judges every ticket once (the start of a process); then the clock moves `--step`
  // (a second by default) between queries, so open tickets are read again whenever their reading lapses.
  // As the service's start: every ticket judged, then the start's garbage collected.
  const started = performance.now();
  view.tallies(now);
  settleHeap();
  const startMs = performance.now() - started;
  for (const query of Object.values(queries)) query(now);
  const renewals: number[] = [];
  for (const [name, query] of [...Object.entries(queries), ...(FORMER ? Object.entries(before) : [])]) {
    const samples: number[] = [];
    const spans: [number, number][] = [];
    const renewed: number[] = [];
    const allocated: number[] = [];
    // CPU time as well: on a shared machine, wall time also counts the turns other processes take.
    const cpu: number[] = [];
    const runs = name in before ? Math.min(QUERY_RUNS, 30) : QUERY_RUNS;
    // As for the audit below, the first runs are not counted: they pay for the start (the
    // collector promoting what the first pass built), not for the query.
    for (let run = -WARM_UP; run < runs; run++) {
      now += STEP;
      if (RENEWAL === 'timer') {
        const renewing = performance.now();
        view.tallies(now);
        if (run >= 0) renewals.push(performance.now() - renewing);
      }
      const renewedBefore = view.readingsRenewed;
      const heapBefore = getHeapStatistics().used_heap_size;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      query(now);
      if (run < 0) continue;
      const ended = performance.now();
      samples.push(ended - started);
      spans.push([started, ended]);
      renewed.push(view.readingsRenewed - renewedBefore);
      allocated.push(getHeapStatistics().used_heap_size - heapBefore);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    // Let the observer deliver the pauses of these runs before reading them.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const gc = spans.map(([start, end]) => gcWithin(start, end));
    const slow = samples.flatMap((sample, index) => (sample >= 20 ? [index] : []));
    results.push({
      name,
      p50: percentile(samples, 0.5),
      p99: percentile(samples, 0.99),
      cpu50: percentile(cpu, 0.5),
      cpu99: percentile(cpu, 0.99),
      gcMax: Math.max(...gc),
      gcRuns: gc.filter((each) => each > 0).length,
      slow: slow.length,
      slowWithGc: slow.filter((index) => gc[index]! > samples[index]! / 2).length,
      renewedMax: Math.max(...renewed),
      // The heap's growth over a run without a collection in it: what the query allocated.
      allocatedKb: median(allocated.filter((_, index) => gc[index] === 0)) / 1024,
      renewedMean: renewed.reduce((sum, each) => sum + each, 0) / renewed.length,
    });
  }
  // Each former view beside the query it stands for: the ratio of the two, measured in the same run.
  const baselines = new Map(
    Object.keys(before).map((name) => [
      name,
      Object.keys(queries).find(
        (query) => name.startsWith(`${query}, judging`) || name.startsWith(`${query}, reading`),
      ),
    ]),
  );
  return {
    tickets: view.tickets.size,
    open: view.open.size,
    results,
    baselines,
    startMs,
    renewalP50: renewals.length === 0 ? 0 : percentile(renewals, 0.5),
    renewalP99: renewals.length === 0 ? 0 : percentile(renewals, 0.99),
    renewalMax: renewals.length === 0 ? 0 : Math.max(...renewals),
    gcPauses: gcPauses.length,
    gcLongest: Math.max(0, ...gcPauses.map((pause) => pause.end - pause.start)),
  };
}

async function auditBench() {
  const store = await openMemoryStore();
  const scenario = new HotlineScenario(store);
  const { acmeMaintenanceTerms } = await import('@hotline/domain');
  await scenario.sign('ACME-M', 'ACME', acmeMaintenanceTerms);
  const start = Date.parse(paris('2026-03-02T09:00', '+01:00'));
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const commands: Parameters<HotlineScenario['ticket']>[1][number][] = [
    scenario.receive('ACME', at(0), { priority: 'P2' }),
    { type: 'TakeCharge', by: 'agent-ada', at: at(10) },
  ];
  // 99 questions and answers after take-charge (the first question adds the work start): 200 events with the fix.
  for (let index = 0; index < 98; index++) {
    commands.push({
      type: 'RequestCustomerInput',
      question: `Question ${index}`,
      by: 'agent-ada',
      at: at(20 + index * 90),
    });
    commands.push({
      type: 'RecordCustomerReply',
      message: `Answer ${index}`,
      by: 'contact-acme',
      at: at(65 + index * 90),
    });
  }
  commands.push({ type: 'ResolveTicket', how: 'fix', by: 'agent-ada', at: at(20 + 98 * 90) });
  const events = await scenario.ticket('LONG', commands);
  const samples: number[] = [];
  const scratch: number[] = [];
  const contract = scenario.contracts.get('ACME-M')!;
  for (let run = 0; run < 60; run++) {
    let started = performance.now();
    await auditTicket(store, 'LONG', { now: YEAR_UNTIL });
    if (run >= 10) samples.push(performance.now() - started);
    // The former replay's core, turn about: the SLA derived from the whole prefix after each event.
    started = performance.now();
    for (let index = 1; index <= events.length; index++) {
      ticketSla(events.slice(0, index), () => contract, toEpochMs(events[index - 1]!.at));
    }
    if (run >= 10) scratch.push(performance.now() - started);
  }
  return {
    events: events.length,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    scratchP50: percentile(scratch, 0.5),
    scratchP99: percentile(scratch, 0.99),
  };
}

log(
  `reporting bench: ${TICKETS.toLocaleString('en-US')} tickets, ${ROUNDS} rounds, clock +${STEP} ms per query run, readings renewed by ${RENEWAL}, load average ${os
    .loadavg()
    .map((each) => each.toFixed(1))
    .join(' ')} on ${os.availableParallelism()} cores`,
);
const store = await benchStore(TICKETS, (done) => {
  if (done % 10_000 < 64)
    process.stderr.write(`\r  writing the simulated year: ${done.toLocaleString('en-US')} tickets`);
});
process.stderr.write('\n');
try {
  if (ONLY.has('rebuild')) {
    const rebuild = await rebuildBench(store);
    const ratio = rebuild.rebuild / rebuild.baseline;
    log(`\n| workload | events/s | goal |\n| --- | ---: | --- |`);
    log(`| read + parse (${format(rebuild.events)} events, no projection) | ${format(rebuild.baseline)} | |`);
    log(`| rebuild of every projection | ${format(rebuild.rebuild)} | |`);
    log(`| rebuild / read + parse | ${(ratio * 100).toFixed(0)} % | ≥ 30 % ${ratio >= 0.3 ? 'met' : 'MISSED'} |`);
  }
  if (ONLY.has('queries')) {
    const queries = await queryBench(store);
    log(
      `\n| query at ${format(queries.tickets)} tickets (${QUERY_RUNS} runs) | p50 ms | p99 ms | CPU p50 ms | CPU p99 ms | runs with GC | longest GC in a run ms | runs ≥ 20 ms (GC over half) | readings renewed per run (mean / max) | allocated per run KB (median) | goal p99 < 20 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`,
    );
    for (const {
      name,
      p50,
      p99,
      cpu50,
      cpu99,
      gcRuns,
      gcMax,
      slow,
      slowWithGc,
      renewedMean,
      renewedMax,
      allocatedKb,
    } of queries.results)
      log(
        `| ${name} | ${p50.toFixed(2)} | ${p99.toFixed(2)} | ${cpu50.toFixed(2)} | ${cpu99.toFixed(2)} | ${gcRuns} | ${gcMax.toFixed(2)} | ${slow} (${slowWithGc}) | ${renewedMean.toFixed(1)} / ${renewedMax} | ${allocatedKb.toFixed(1)} | ${name.endsWith('(before)') ? '' : p99 < 20 ? 'met' : 'MISSED'} |`,
      );
    log(
      `\n${format(queries.open)} open tickets; every ticket judged at the start and the heap collected: ${format(queries.startMs)} ms. Readings renewed by ${RENEWAL === 'timer' ? `the timer between runs: p50 ${queries.renewalP50.toFixed(2)} ms, p99 ${queries.renewalP99.toFixed(2)} ms, longest ${queries.renewalMax.toFixed(2)} ms` : 'each query'}. Collector pauses over the whole run: ${queries.gcPauses}, the longest ${queries.gcLongest.toFixed(1)} ms. Load average at the end ${os
        .loadavg()
        .map((each) => each.toFixed(1))
        .join(' ')}.`,
    );
    log(`\n| query | before p50 / now p50 | before p99 / now p99 |\n| --- | ---: | ---: |`);
    for (const { name, p50, p99 } of queries.results) {
      const query = queries.baselines.get(name);
      const now = queries.results.find((each) => each.name === query);
      if (now !== undefined) log(`| ${query} | ${format(p50 / now.p50)} × | ${format(p99 / now.p99)} × |`);
    }
  }
  if (ONLY.has('audit')) {
    const audit = await auditBench();
    log(`\n| audit replay of one ticket | p50 ms | p99 ms | goal < 50 ms |\n| --- | ---: | ---: | --- |`);
    log(
      `| ${audit.events} events | ${audit.p50.toFixed(2)} | ${audit.p99.toFixed(2)} | ${audit.p99 < 50 ? 'met' : 'MISSED'} |`,
    );
    log(
      `| SLA from scratch after each event (the former replay's core alone) | ${audit.scratchP50.toFixed(2)} | ${audit.scratchP99.toFixed(2)} | |`,
    );
  }
} finally {
  await store.close();
}
