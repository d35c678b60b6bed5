// `pnpm bench` (`node bench/run.ts`, `--quick` for a tenth of the load): a million open tickets with
// their timers (memory, rebuild, rescheduling throughput), then alert latency on the real clock under
// that load, the service's timers against a naive full rescan of every ticket each second.
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { planCrossings } from '@hotline/domain';
import { TicketClocks } from '../src/clocks/ticket-clocks.ts';
import { noneRaised } from '../src/clocks/tracked-ticket.ts';
import { MemoryTimerStore } from '../src/timers/memory-timer-store.ts';
import { alertLatency, type LatencyResult } from './alert-latency.ts';
import { contractData } from './contract-data.ts';
import { loadOpenTickets, moveClocks } from './open-tickets.ts';
import { panelReading } from './panel-reading.ts';
import { SyntheticTickets } from './synthetic-tickets.ts';

const quick = process.argv.includes('--quick');
const OPEN = Number(process.env.BENCH_OPEN_TICKETS ?? (quick ? 100_000 : 1_000_000));
const MOVES = quick ? 50_000 : 300_000;
// BENCH_PHASES=memory,timers,naive,panel (all by default) runs some of them only.
const phases = new Set((process.env.BENCH_PHASES ?? 'memory,timers,naive,panel').split(','));
const RSS_GOAL_MB = 1_536;
const P99_GOAL_MS = 1_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const rssMb = () => {
  gc();
  gc();
  return Math.round(process.memoryUsage().rss / 1_048_576);
};
const log = (line: string) => process.stdout.write(`${line}\n`);
const format = (value: number) => Math.round(value).toLocaleString('en-US');

// The machine may be shared: its load says how far the figures can be trusted.
const machineLoad = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
log(
  `SLA clock bench: ${format(OPEN)} open tickets, Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${machineLoad()}`,
);

// 1. Memory and rescheduling: the read model and the timers alone, as the embedded service holds them.
const baseline = rssMb();
const memory = !phases.has('memory')
  ? undefined
  : await (async () => {
      const clocks = new TicketClocks();
      const timers = new MemoryTimerStore();
      // The contract the tickets are judged by, as the store's log would give it first.
      clocks.apply({
        id: '00000000-0000-4000-8000-000000000000',
        type: 'ContractSigned',
        schemaVersion: 1,
        stream: 'contract-ACME-M',
        revision: 0n,
        position: 1n,
        recordedAt: '2026-01-01T00:00:00.000Z',
        occurredAt: '2026-01-01T00:00:00.000Z',
        actor: 'sales',
        correlationId: 'bench',
        causationId: 'bench',
        data: contractData,
        hash: '0'.repeat(64),
      });
      const synthetic = new SyntheticTickets(10n);
      const now = Date.now();
      const load = await loadOpenTickets(clocks, timers, synthetic, { count: OPEN, now, prefix: 'T-' });
      const loadedRss = rssMb();
      const pending = await timers.size();
      const moves = await moveClocks(clocks, timers, synthetic, {
        tickets: OPEN,
        events: MOVES,
        now,
        prefix: 'T-',
        chunk: 1_000,
      });
      // What the naive contender pays every tick: every open ticket evaluated at now.
      const scanStarted = performance.now();
      let due = 0;
      for (const ticket of clocks.tickets()) {
        due += planCrossings(clocks.evaluate(ticket, now), ticket.raised ?? noneRaised, now).due.length;
      }
      const scanMs = performance.now() - scanStarted;
      return { load, loadedRss, pending, moves, scanMs, due, tickets: clocks.size };
    })();

if (memory !== undefined) {
  log('');
  log('| open tickets | timers pending | RSS (process) | RSS added per ticket | rebuild (apply + plan + schedule) |');
  log('| ---: | ---: | ---: | ---: | ---: |');
  log(
    `| ${format(memory.tickets)} | ${format(memory.pending)} | ${format(memory.loadedRss)} MB (goal ≤ ${format(RSS_GOAL_MB)}) | ${format(((memory.loadedRss - baseline) * 1_048_576) / OPEN)} B | ${format(memory.load.ms / 1000)} s, ${format(OPEN / (memory.load.ms / 1000))} tickets/s |`,
  );
  log('');
  log(
    '| rescheduling (pause, reply, requalification; chunks of 1,000) | events/s | timers moved | p99 per chunk | naive: one rescan of every ticket |',
  );
  log('| --- | ---: | ---: | ---: | ---: |');
  log(
    `| ${format(MOVES)} events on random tickets | ${format(memory.moves.eventsPerSecond)} | ${format(memory.moves.schedules)} | ${memory.moves.chunkP99Ms.toFixed(1)} ms | ${format(memory.scanMs)} ms (${format((memory.scanMs * 1000) / OPEN)} µs a ticket) |`,
  );
}

// 2. Alert latency on the real clock, under the same load, both contenders in turn.
const latencyOptions = {
  background: OPEN,
  spread: quick ? 2_000 : 10_000,
  burst: quick ? 1_000 : 5_000,
  windowMs: 20_000,
  movesPerSecond: 1_000,
};
const results: [string, LatencyResult][] = [];
for (const mode of ['timers', 'naive'] as const) {
  if (phases.has(mode)) results.push([mode, await alertLatency(mode, latencyOptions, rssMb)]);
}
log('');
log(
  `Alert latency: ${format(latencyOptions.spread)} warnings spread over ${latencyOptions.windowMs / 1000} s and ${format(latencyOptions.burst)} at one instant, ${format(OPEN)} other open tickets, ${format(latencyOptions.movesPerSecond)} clock moves/s, facts appended to SQLite (WAL, synchronous=FULL), from the crossing instant to the alert on support.alerts.v1.`,
);
log('');
log('| contender | alerts | p50 | p99 | max | RSS with the load | rescans |');
log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const [mode, result] of results) {
  const scans = result.scans === undefined ? '' : `${result.scans.count}, longest ${format(result.scans.maxMs)} ms`;
  log(
    `| ${mode === 'timers' ? 'timers (the service)' : 'naive rescan each second'} | ${format(result.alerts)} / ${format(result.expected)} | ${format(result.p50Ms)} ms | ${format(result.p99Ms)} ms | ${format(result.maxMs)} ms | ${format(result.rssMb)} MB | ${scans} |`,
  );
}

// 3. The dashboard's at-risk panel: the lists with every target against the former reading ticket by ticket.
const PANEL_OPEN = quick ? 1_000 : 10_000;
const panel = phases.has('panel') ? await panelReading(PANEL_OPEN, quick ? 10 : 30) : [];
if (panel.length > 0) {
  const before = panel.find((each) => each.contender.includes('before'))!;
  log('');
  log(
    `The at-risk panel's reading (\`GET /sla/at-risk\` and \`/sla/breached\`, limit 100), ${format(PANEL_OPEN)} open tickets in a memory store, through Fastify's \`inject\` (no socket), median of the rounds:`,
  );
  log('');
  log('| contender | requests | bytes | median | against before |');
  log('| --- | ---: | ---: | ---: | ---: |');
  for (const each of panel) {
    log(
      `| ${each.contender} | ${format(each.requests)} | ${format(each.bytes)} | ${each.medianMs.toFixed(1)} ms | ${(each.medianMs / before.medianMs).toFixed(2)}× |`,
    );
  }
}
const timers = results.find(([mode]) => mode === 'timers')?.[1];
log('');
if (memory !== undefined) {
  const met = memory.loadedRss <= RSS_GOAL_MB;
  log(
    `Goal: RSS at ${format(OPEN)} open tickets ≤ ${format(RSS_GOAL_MB)} MB: ${met ? 'met' : 'MISSED'} (${format(memory.loadedRss)} MB).`,
  );
}
if (timers !== undefined) {
  const met = timers.p99Ms <= P99_GOAL_MS && timers.alerts === timers.expected;
  log(`Goal: alerts within 1 s of the due instant at p99: ${met ? 'met' : 'MISSED'} (${format(timers.p99Ms)} ms).`);
}
log(`Load average at the end: ${machineLoad()}.`);
